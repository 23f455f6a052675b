'use client';

import { useActionState, useId } from 'react';
import type { MergeFormState } from '@/app/admin/taxonomy/actions';
import { FieldError, FormFeedback } from '@/components/admin/admin-form-feedback';
import { describedBy, hintClass, inputClass, labelClass, primaryButtonClass } from '@/components/admin/styles';

type Props = {
  noun: 'category' | 'author';
  taxon: { id: number; name: string };
  /** The entries it can be merged into (not itself). */
  choices: { id: number; name: string; slug: string }[];
  action: (state: MergeFormState, formData: FormData) => Promise<MergeFormState>;
};

/** Merges this entry into another: its publications move there, and it is deleted. */
export function TaxonomyMergeForm({ noun, taxon, choices, action: merge }: Props) {
  const [state, action, pending] = useActionState<MergeFormState, FormData>(merge, {});
  const id = useId();
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormFeedback state={state} />
      <input type="hidden" name="id" value={taxon.id} />
      <div>
        <label htmlFor={`${id}-into`} className={labelClass}>
          Merge “{taxon.name}” into
        </label>
        <select id={`${id}-into`} name="intoId" required defaultValue=""
          aria-invalid={!!errors.intoId} aria-describedby={describedBy(`${id}-into-hint`, errors.intoId && `${id}-into-error`)}
          className={inputClass}>
          <option value="" disabled>
            Choose the {noun} to keep…
          </option>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name} ({choice.slug})
            </option>
          ))}
        </select>
        <p id={`${id}-into-hint`} className={hintClass}>
          {noun === 'author'
            ? 'Its publications credit the chosen author instead, in the same place in their author lists.'
            : 'Its publications move to the chosen category.'}{' '}
          “{taxon.name}” is then deleted; links to it find nothing.
        </p>
        <FieldError id={`${id}-into-error`} errors={errors.intoId} />
      </div>
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="confirm" required className="mt-1"
            aria-invalid={!!errors.confirm} aria-describedby={errors.confirm ? `${id}-confirm-error` : undefined} />
          <span>I understand that “{taxon.name}” will be deleted.</span>
        </label>
        <FieldError id={`${id}-confirm-error`} errors={errors.confirm} />
      </div>
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        Merge
      </button>
    </form>
  );
}
