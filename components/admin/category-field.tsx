'use client';

import { useState } from 'react';
import { NEW_CATEGORY } from '@/lib/validation/publication-form';
import type { Option } from './multi-select';
import { describedBy, inputClass, labelClass } from './styles';

const TRANSLATIONS = [
  { lang: 'fr', name: 'newCategoryFr', label: 'Its French name' },
  { lang: 'es', name: 'newCategoryEs', label: 'Its Spanish name' },
] as const;

/** One category from the list, none, or a new one by name (with its French and Spanish names if known). */
export function CategoryField({
  options,
  defaultCategory,
  defaultNewName,
  defaultNewTranslations,
  error,
  errorId,
}: {
  options: Option[];
  defaultCategory: string;
  defaultNewName: string;
  defaultNewTranslations: { fr: string; es: string };
  error?: string;
  errorId: string;
}) {
  const [adding, setAdding] = useState(defaultCategory === NEW_CATEGORY);
  return (
    <div>
      <label htmlFor="category" className={labelClass}>
        Category
      </label>
      <select
        id="category"
        name="category"
        defaultValue={defaultCategory}
        onChange={(event) => setAdding(event.target.value === NEW_CATEGORY)}
        aria-invalid={!!error && !adding}
        aria-describedby={describedBy(error && !adding && errorId)}
        className={inputClass}
      >
        <option value="">No category</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        <option value={NEW_CATEGORY}>Add a new category…</option>
      </select>
      {adding && (
        <div className="mt-2">
          <label htmlFor="newCategory" className={labelClass}>
            Name of the new category
          </label>
          <input id="newCategory" name="newCategory" type="text" maxLength={100} defaultValue={defaultNewName}
            aria-invalid={!!error} aria-describedby={describedBy(error && errorId)} className={inputClass} />
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {TRANSLATIONS.map(({ lang, name, label }) => (
              <div key={name}>
                <label htmlFor={name} className={labelClass}>
                  {label} <span className="font-normal text-slate-500">(optional)</span>
                </label>
                <input id={name} name={name} type="text" lang={lang} maxLength={100} defaultValue={defaultNewTranslations[lang]}
                  aria-describedby={describedBy(error && errorId)} className={inputClass} />
              </div>
            ))}
          </div>
        </div>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
