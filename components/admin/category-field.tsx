'use client';

import { useState } from 'react';
import { NEW_CATEGORY } from '@/lib/validation/publication-form';
import type { Option } from './multi-select';
import { describedBy, inputClass, labelClass } from './styles';

/** One category from the list, none, or a new one by name. */
export function CategoryField({
  options,
  defaultCategory,
  defaultNewName,
  error,
  errorId,
}: {
  options: Option[];
  defaultCategory: string;
  defaultNewName: string;
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
