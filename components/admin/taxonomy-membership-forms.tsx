'use client';

import { useActionState, useId } from 'react';
import {
  addCountryToRegionAction,
  removeCountryFromRegionAction,
  type MembershipFormState,
} from '@/app/admin/taxonomy/actions';
import { FieldError, FormFeedback } from '@/components/admin/admin-form-feedback';
import { inputClass, labelClass, primaryButtonClass, smallButtonClass } from '@/components/admin/styles';

/** Adds a country (any not yet in the region) to the region. */
export function TaxonomyAddCountryForm({ regionId, countries }: { regionId: number; countries: { code: string; name: string }[] }) {
  const [state, action, pending] = useActionState<MembershipFormState, FormData>(addCountryToRegionAction, {});
  const id = useId();
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormFeedback state={state} />
      <input type="hidden" name="regionId" value={regionId} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor={`${id}-country`} className={labelClass}>
            Add a country
          </label>
          <select id={`${id}-country`} name="country" required defaultValue=""
            aria-invalid={!!errors.country} aria-describedby={errors.country ? `${id}-country-error` : undefined}
            className={inputClass}>
            <option value="" disabled>
              Choose a country…
            </option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name} ({country.code})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          Add
        </button>
      </div>
      <FieldError id={`${id}-country-error`} errors={errors.country} />
    </form>
  );
}

/** Removes one country from the region. */
export function TaxonomyRemoveCountryButton({ regionId, country }: { regionId: number; country: { code: string; name: string } }) {
  const [state, action, pending] = useActionState<MembershipFormState, FormData>(removeCountryFromRegionAction, {});
  const id = useId();
  const problem = state.ok ? undefined : (state.message ?? state.fieldErrors?.country?.[0]);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="regionId" value={regionId} />
      <input type="hidden" name="country" value={country.code} />
      <button type="submit" disabled={pending} className={smallButtonClass} aria-describedby={problem ? `${id}-error` : undefined}>
        Remove<span className="sr-only"> {country.name}</span>
      </button>
      {problem && (
        <span id={`${id}-error`} role="alert" className="ml-2 text-sm text-red-700">
          {problem}
        </span>
      )}
    </form>
  );
}
