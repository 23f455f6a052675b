import { FieldError } from '@/components/admin/admin-form-feedback';
import { describedBy, hintClass, inputClass, labelClass } from '@/components/admin/styles';

const FIELDS = [
  { key: 'nameFr', label: 'French name', lang: 'fr' },
  { key: 'nameEs', label: 'Spanish name', lang: 'es' },
] as const;

type Props = {
  /** The form's `useId()`, so two forms on one page keep distinct ids. */
  id: string;
  defaults: { nameFr?: string | null; nameEs?: string | null };
  errors: { nameFr?: string[]; nameEs?: string[] };
};

/** The French and Spanish names of a category or region, for the public pages in those languages. */
export function TaxonomyTranslatedNames({ id, defaults, errors }: Props) {
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="sr-only">Names in other languages</legend>
      {FIELDS.map(({ key, label, lang }) => (
        <div key={key}>
          <label htmlFor={`${id}-${key}`} className={labelClass}>
            {label} <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input id={`${id}-${key}`} name={key} type="text" lang={lang} defaultValue={defaults[key] ?? ''}
            aria-invalid={!!errors[key]} aria-describedby={describedBy(`${id}-translations-hint`, errors[key] && `${id}-${key}-error`)}
            className={inputClass} />
          <FieldError id={`${id}-${key}-error`} errors={errors[key]} />
        </div>
      ))}
      <p id={`${id}-translations-hint`} className={`${hintClass} sm:col-span-2`}>
        Shown to readers of the French and Spanish catalogue. Left blank, they see the English name.
      </p>
    </fieldset>
  );
}
