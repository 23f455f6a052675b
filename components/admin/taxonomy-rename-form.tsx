'use client';

import { useActionState, useId } from 'react';
import type { TaxonFormState } from '@/app/admin/taxonomy/actions';
import { FieldError, FormFeedback } from '@/components/admin/admin-form-feedback';
import { describedBy, hintClass, inputClass, labelClass, primaryButtonClass } from '@/components/admin/styles';
import { TaxonomyTranslatedNames } from '@/components/admin/taxonomy-translated-names';

type Props = {
  noun: 'category' | 'region' | 'author';
  /** Categories and regions come with their French and Spanish names, which the form edits too. */
  taxon: { id: number; name: string; slug: string; nameFr?: string | null; nameEs?: string | null };
  action: (state: TaxonFormState, formData: FormData) => Promise<TaxonFormState>;
};

/** Renames a category, region or author; the slug is shown and kept unless edited. */
export function TaxonomyRenameForm({ noun, taxon, action: rename }: Props) {
  const [state, action, pending] = useActionState<TaxonFormState, FormData>(rename, {});
  const id = useId();
  const errors = state.fieldErrors ?? {};
  const values = state.ok ? undefined : state.values;
  return (
    // The key makes the inputs start again from the stored values after a save.
    <form key={[taxon.name, taxon.slug, taxon.nameFr, taxon.nameEs].join('|')} action={action} className="space-y-3" noValidate>
      <FormFeedback state={state} />
      <input type="hidden" name="id" value={taxon.id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-name`} className={labelClass}>
            Name
          </label>
          <input id={`${id}-name`} name="name" type="text" required defaultValue={values?.name ?? taxon.name}
            aria-invalid={!!errors.name} aria-describedby={errors.name ? `${id}-name-error` : undefined}
            className={inputClass} />
          <FieldError id={`${id}-name-error`} errors={errors.name} />
        </div>
        <div>
          <label htmlFor={`${id}-slug`} className={labelClass}>
            Slug
          </label>
          <input id={`${id}-slug`} name="slug" type="text" required spellCheck={false} defaultValue={values?.slug ?? taxon.slug}
            aria-invalid={!!errors.slug} aria-describedby={describedBy(`${id}-slug-hint`, errors.slug && `${id}-slug-error`)}
            className={`${inputClass} font-mono`} />
          <p id={`${id}-slug-hint`} className={hintClass}>
            The {noun}’s value in catalogue URLs. Keep it to keep existing links working.
          </p>
          <FieldError id={`${id}-slug-error`} errors={errors.slug} />
        </div>
      </div>
      {noun !== 'author' && (
        <TaxonomyTranslatedNames id={id} errors={errors}
          defaults={{ nameFr: values?.nameFr ?? taxon.nameFr, nameEs: values?.nameEs ?? taxon.nameEs }} />
      )}
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        Save
      </button>
    </form>
  );
}
