'use client';

import { useActionState, useId } from 'react';
import type { TaxonFormState } from '@/app/admin/taxonomy/actions';
import { FieldError, FormFeedback } from '@/components/admin/admin-form-feedback';
import { describedBy, hintClass, inputClass, labelClass, primaryButtonClass } from '@/components/admin/styles';
import { TaxonomyTranslatedNames } from '@/components/admin/taxonomy-translated-names';

type Props = {
  noun: 'category' | 'region';
  action: (state: TaxonFormState, formData: FormData) => Promise<TaxonFormState>;
};

/** Adds a category or a region: a name, a slug made from it unless given, and its French and Spanish names. */
export function TaxonomyCreateForm({ noun, action: create }: Props) {
  const [state, action, pending] = useActionState<TaxonFormState, FormData>(create, {});
  const id = useId();
  const errors = state.fieldErrors ?? {};
  const values = state.ok ? undefined : state.values;
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormFeedback state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-name`} className={labelClass}>
            Name of the new {noun}
          </label>
          <input id={`${id}-name`} name="name" type="text" required defaultValue={values?.name}
            aria-invalid={!!errors.name} aria-describedby={errors.name ? `${id}-name-error` : undefined}
            className={inputClass} />
          <FieldError id={`${id}-name-error`} errors={errors.name} />
        </div>
        <div>
          <label htmlFor={`${id}-slug`} className={labelClass}>
            Slug <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input id={`${id}-slug`} name="slug" type="text" defaultValue={values?.slug} spellCheck={false}
            aria-invalid={!!errors.slug} aria-describedby={describedBy(`${id}-slug-hint`, errors.slug && `${id}-slug-error`)}
            className={`${inputClass} font-mono`} />
          <p id={`${id}-slug-hint`} className={hintClass}>
            Its value in catalogue URLs. Left blank, it is made from the name.
          </p>
          <FieldError id={`${id}-slug-error`} errors={errors.slug} />
        </div>
      </div>
      <TaxonomyTranslatedNames id={id} defaults={values ?? {}} errors={errors} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        Add {noun}
      </button>
    </form>
  );
}
