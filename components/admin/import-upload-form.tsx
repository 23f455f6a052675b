'use client';

import { useActionState } from 'react';
import { uploadImport, type UploadState } from '@/app/admin/import/actions';
import { describedBy, errorClass, hintClass, labelClass, primaryButtonClass } from './styles';

export function ImportUploadForm() {
  const [state, action, pending] = useActionState<UploadState, FormData>(uploadImport, {});
  return (
    <form action={action} className="space-y-4">
      {state.message && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <div>
        <label htmlFor="file" className={labelClass}>
          File
        </label>
        <input id="file" name="file" type="file" accept=".csv,.json,.txt,text/csv,application/json,text/plain" required
          aria-invalid={!!state.fieldErrors?.file} aria-describedby={describedBy('file-hint', state.fieldErrors?.file && 'file-error')}
          className="mt-1 block text-sm" />
        <p id="file-hint" className={hintClass}>
          CSV with a header row (title, summary, countries, regions, authors, year, category, languages, url; lists
          separated by “;”), a JSON array of the same fields, or the source site’s listing text. Up to 40 MB.
        </p>
        {state.fieldErrors?.file && <p id="file-error" className={errorClass}>{state.fieldErrors.file[0]}</p>}
      </div>
      <div>
        <label htmlFor="status" className={labelClass}>
          New publications are
        </label>
        <select id="status" name="status" defaultValue="published" className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2">
          <option value="published">Published</option>
          <option value="draft">Drafts</option>
        </select>
      </div>
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        Preview import
      </button>
    </form>
  );
}
