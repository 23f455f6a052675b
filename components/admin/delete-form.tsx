'use client';

import { useActionState } from 'react';
import { deletePublicationAction, type DeleteState } from '@/app/admin/publications/actions';

/** The confirmation step: a required "I confirm" box, checked by the browser and again by the server. */
export function DeleteForm({ id, version, title }: { id: number; version: number; title: string }) {
  const [state, action, pending] = useActionState<DeleteState, FormData>(deletePublicationAction, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {state.message && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {state.message}
          {state.conflict && (
            <>
              {' '}
              <a href={`/admin/publications/${id}/delete`} className="underline">
                Reload
              </a>
            </>
          )}
        </p>
      )}
      <div className="flex items-start gap-2">
        <input id="confirm" name="confirm" type="checkbox" value="yes" required className="mt-1 size-4" />
        <label htmlFor="confirm" className="text-sm">
          I confirm: delete “{title}” from the catalogue.
        </label>
      </div>
      <button type="submit" disabled={pending}
        className="rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600 focus-visible:ring-offset-2 disabled:opacity-60">
        Delete publication
      </button>
    </form>
  );
}
