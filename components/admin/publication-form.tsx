'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { searchAuthorsAction, searchPublicationsAction, type PublicationConflict, type PublicationFormState } from '@/app/admin/publications/actions';
import { displayValue, SNAPSHOT_LABELS, type PublicationSnapshot } from '@/lib/publications/snapshot';
import {
  maxPublicationYear,
  MIN_PUBLICATION_YEAR,
  PUBLICATION_FIELDS,
  PublicationFormSchema,
  publicationFieldErrors,
  readPublicationForm,
  reapplyChanges,
  SUMMARY_MAX,
  TITLE_MAX,
  URL_MAX,
  type PublicationField,
  type PublicationFieldErrors,
  type PublicationFormValues,
} from '@/lib/validation/publication-form';
import { AuthorList } from './author-list';
import { CategoryField } from './category-field';
import { MultiSelect, type Option } from './multi-select';
import { TranslationList } from './translation-list';
import { describedBy, errorClass, hintClass, inputClass, labelClass, primaryButtonClass } from './styles';

type Action = (state: PublicationFormState, formData: FormData) => Promise<PublicationFormState>;
type Rebase = {
  /** The server reply the re-apply answered; a newer reply takes over the form. */
  after: PublicationFormState;
  values: PublicationFormValues;
  /** What the form now counts as "opened": the version saved by someone else. */
  base: PublicationFormValues;
  baseSnapshot: PublicationSnapshot;
  version: string;
  savedBy: string | null;
  key: number;
};

const errorId = (field: PublicationField) => `${field}-error`;
const COMPARED = ['title', 'summary', 'year', 'category', 'countries', 'regions', 'authors', 'url', 'languages', 'translations', 'status'] as const;

/** The element that takes the focus for a field with an error. */
function focusTarget(form: HTMLFormElement, field: PublicationField): HTMLElement | null {
  if (field === 'category') {
    return form.querySelector<HTMLElement>('#newCategory') ?? form.querySelector<HTMLElement>('#category');
  }
  return form.querySelector<HTMLElement>(`#${field}`);
}

function focusFirst(form: HTMLFormElement | null, message: HTMLElement | null, fieldErrors: PublicationFieldErrors) {
  const field = PUBLICATION_FIELDS.find((f) => fieldErrors[f]);
  if (field && form) focusTarget(form, field)?.focus();
  else message?.focus();
}

export function PublicationForm({
  action,
  initial,
  options,
  opened,
  reloadHref,
  canPublishAnyway = false,
}: {
  action: Action;
  initial: PublicationFormValues;
  options: { countries: Option[]; regions: Option[]; categories: Option[]; languages: Option[] };
  /** The publication as it was when the form was opened (edits): a conflict is shown against it. */
  opened?: PublicationSnapshot;
  reloadHref?: string;
  /** Whether the signed-in user may publish despite the safeguarding check (admins), with a reason. */
  canPublishAnyway?: boolean;
}) {
  const [state, formAction, pending] = useActionState<PublicationFormState, FormData>(action, {});
  const [clientErrors, setClientErrors] = useState<PublicationFieldErrors | null>(null);
  // After "Re-apply my changes": the form now builds on the version saved by someone else.
  const [rebase, setRebase] = useState<Rebase | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const rebasedNow = rebase !== null && rebase.after === state;
  const values = rebasedNow ? rebase.values : (state.values ?? initial);
  const base = rebase?.base ?? initial;
  const baseSnapshot = rebase?.baseSnapshot ?? opened;
  const version = rebase?.version ?? initial.version;
  const conflict = rebasedNow ? undefined : state.conflict;
  const errors = clientErrors ?? state.fieldErrors ?? {};
  const firstError = PUBLICATION_FIELDS.find((f) => errors[f]);
  const maxYear = maxPublicationYear();

  // A reply from the server: move the focus to its first error, or to its message.
  useEffect(() => {
    if (state.fieldErrors || state.message) focusFirst(formRef.current, messageRef.current, state.fieldErrors ?? {});
  }, [state]);

  function validate(form: HTMLFormElement, submitter?: HTMLElement | null) {
    const result = PublicationFormSchema.safeParse(readPublicationForm(new FormData(form, submitter)));
    return result.success ? null : publicationFieldErrors(result.error);
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const found = validate(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    if (found) {
      // The same messages the server would give, before anything is sent; nothing is written.
      event.preventDefault();
      setClientErrors(found);
      focusFirst(formRef.current, messageRef.current, found);
      return;
    }
    setClientErrors(null);
  }

  // Once a field is fixed, its message goes; fields not yet in error are left alone until Save.
  function onBlur(event: React.FocusEvent<HTMLFormElement>) {
    if (!firstError) return;
    const found = validate(event.currentTarget) ?? {};
    const kept: PublicationFieldErrors = {};
    for (const field of PUBLICATION_FIELDS) if (errors[field] && found[field]) kept[field] = found[field];
    if (PUBLICATION_FIELDS.some((f) => !!errors[f] !== !!kept[f])) setClientErrors(kept);
  }

  const fieldError = (field: PublicationField) => errors[field]?.join(' ');

  function reapply() {
    const form = formRef.current;
    if (!form || !state.conflict) return;
    const { values: theirs, ...snapshot } = state.conflict;
    const mine = readPublicationForm(new FormData(form));
    setRebase({ after: state, values: reapplyChanges(base, mine, theirs), base: theirs, baseSnapshot: snapshot, version: theirs.version, savedBy: snapshot.savedBy, key: (rebase?.key ?? 0) + 1 });
    setClientErrors(null);
  }

  // The notice that replaces the conflict message takes the focus, so it is read out.
  useEffect(() => {
    if (rebase) messageRef.current?.focus();
  }, [rebase]);

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onBlur={onBlur} noValidate className="space-y-6">
      <input type="hidden" name="version" value={version} />
      {rebasedNow && !firstError ? (
        <div ref={messageRef} tabIndex={-1} role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 focus:outline-none">
          Your changes are re-applied on top of the version {rebase.savedBy ? `${rebase.savedBy} saved` : 'saved since'}: the fields you
          had not changed now show the saved values. Check the form, then Save.
        </div>
      ) : (state.message || firstError) ? (
        <div ref={messageRef} tabIndex={-1} role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 focus:outline-none">
          <p className="font-medium">{state.message && !clientErrors ? state.message : 'Check the fields marked below.'}</p>
          {conflict !== undefined && !clientErrors && (
            <ConflictDetails conflict={conflict} opened={baseSnapshot} reloadHref={reloadHref} onReapply={reapply} />
          )}
        </div>
      ) : null}
      {/* The server's reply stands until the next one: fixing a field in the browser does not answer the check. */}
      {state.safeguarding && (
        <section aria-labelledby="safeguarding-heading" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <h2 id="safeguarding-heading" className="font-semibold">
            Possible personal data
          </h2>
          <p className="mt-1">The safeguarding check found what may identify a person in what the public would see:</p>
          <ul className="mt-1 list-disc pl-6">
            {state.safeguarding.map((finding) => (
              <li key={finding}>{finding}</li>
            ))}
          </ul>
          <p className="mt-2">
            Remove it and save again, or save as a draft
            {canPublishAnyway ? '; or publish anyway, saying why: the reason is kept in the history.' : ' and ask an admin to publish it.'}
          </p>
          {canPublishAnyway && (
            <div className="mt-3">
              <label htmlFor="publishAnyway" className={labelClass}>
                Reason to publish anyway
              </label>
              <p id="publishAnyway-hint" className={hintClass}>
                For example: the address is the publisher’s office, not a person’s. Leave empty to keep the check.
              </p>
              <textarea id="publishAnyway" name="publishAnyway" rows={2} maxLength={1100} defaultValue=""
                aria-describedby="publishAnyway-hint" className={inputClass} />
            </div>
          )}
        </section>
      )}
      {/* Re-applying remounts the fields with the merged values. */}
      <div key={rebase?.key ?? 0} className="space-y-6">

      <div>
        <label htmlFor="title" className={labelClass}>
          Title
        </label>
        <input id="title" name="title" type="text" defaultValue={values.title} maxLength={TITLE_MAX + 100}
          aria-invalid={!!errors.title} aria-describedby={describedBy(errors.title && errorId('title'))}
          autoFocus={firstError === 'title'} className={inputClass} />
        {errors.title && <p id={errorId('title')} className={errorClass}>{fieldError('title')}</p>}
      </div>

      <div>
        <label htmlFor="summary" className={labelClass}>
          Summary
        </label>
        <textarea id="summary" name="summary" rows={8} defaultValue={values.summary} maxLength={SUMMARY_MAX + 1000}
          aria-invalid={!!errors.summary} aria-describedby={describedBy(errors.summary && errorId('summary'))}
          autoFocus={firstError === 'summary'} className={inputClass} />
        {errors.summary && <p id={errorId('summary')} className={errorClass}>{fieldError('summary')}</p>}
      </div>

      <div className="grid gap-6 sm:grid-cols-2">
        <div>
          <label htmlFor="year" className={labelClass}>
            Year
          </label>
          <p id="year-hint" className={hintClass}>
            {MIN_PUBLICATION_YEAR}–{maxYear}; leave empty when unknown.
          </p>
          <input id="year" name="year" type="text" inputMode="numeric" defaultValue={values.year} maxLength={6}
            aria-invalid={!!errors.year} aria-describedby={describedBy('year-hint', errors.year && errorId('year'))}
            autoFocus={firstError === 'year'} className={`${inputClass} max-w-40`} />
          {errors.year && <p id={errorId('year')} className={errorClass}>{fieldError('year')}</p>}
        </div>
        <div>
          <label htmlFor="status" className={labelClass}>
            Status
          </label>
          <p id="status-hint" className={hintClass}>
            Drafts are seen by staff only.
          </p>
          {/* Keyed by its value: a form action resets the form, and a select keeps the default it was mounted with. */}
          <select key={values.status} id="status" name="status" defaultValue={values.status}
            aria-invalid={!!errors.status} aria-describedby={describedBy('status-hint', errors.status && errorId('status'))}
            className={`${inputClass} max-w-60`}>
            <option value="draft">Draft</option>
            <option value="published">Published</option>
          </select>
          {errors.status && <p id={errorId('status')} className={errorClass}>{fieldError('status')}</p>}
        </div>
      </div>

      <CategoryField key={values.category} options={options.categories} defaultCategory={values.category} defaultNewName={values.newCategory}
        defaultNewTranslations={{ fr: values.newCategoryFr, es: values.newCategoryEs }}
        error={fieldError('category')} errorId={errorId('category')} />

      <MultiSelect id="countries" name="countries" label="Countries" options={options.countries} defaultSelected={values.countries}
        hint="Type part of a country's name or its ISO code." error={fieldError('countries')} errorId={errorId('countries')} />

      <MultiSelect id="regions" name="regions" label="Regions" options={options.regions} defaultSelected={values.regions}
        error={fieldError('regions')} errorId={errorId('regions')} />

      <AuthorList defaultAuthors={values.authors} search={searchAuthorsAction} error={fieldError('authors')} errorId={errorId('authors')} />

      <div>
        <label htmlFor="url" className={labelClass}>
          Document address
        </label>
        <p id="url-hint" className={hintClass}>
          Where the publication can be read or downloaded (https://…); leave empty when there is none.
        </p>
        <input id="url" name="url" type="url" inputMode="url" defaultValue={values.url} maxLength={URL_MAX + 100}
          aria-invalid={!!errors.url} aria-describedby={describedBy('url-hint', errors.url && errorId('url'))}
          autoFocus={firstError === 'url'} className={inputClass} />
        {errors.url && <p id={errorId('url')} className={errorClass}>{fieldError('url')}</p>}
      </div>

      <MultiSelect id="languages" name="languages" label="Languages" options={options.languages} defaultSelected={values.languages}
        hint="The languages the publication is issued in, the main one first." error={fieldError('languages')} errorId={errorId('languages')} />

      <TranslationList defaultTranslations={values.translations} search={searchPublicationsAction}
        error={fieldError('translations')} errorId={errorId('translations')} />
      </div>

      <div className="flex items-center gap-4 border-t border-slate-200 pt-4">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          Save
        </button>
        {pending && <span role="status" className="text-sm text-slate-600">Saving…</span>}
      </div>
    </form>
  );
}

function ConflictDetails({
  conflict,
  opened,
  reloadHref,
  onReapply,
}: {
  conflict: PublicationConflict | null;
  opened?: PublicationSnapshot;
  reloadHref?: string;
  onReapply: () => void;
}) {
  if (!conflict) {
    return (
      <p className="mt-2">
        {/* A document load, so that no client state of the abandoned form survives. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/admin" className="underline">
          Back to the publications
        </a>{' '}
        (copy anything you want to keep from the form below first).
      </p>
    );
  }
  const changed = COMPARED.filter((field) => !opened || JSON.stringify(opened[field]) !== JSON.stringify(conflict[field]));
  const when = conflict.savedAt ? new Date(conflict.savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : null;
  return (
    <div className="mt-2 space-y-3 text-slate-900">
      <p>
        Saved {conflict.savedBy ? `by ${conflict.savedBy}` : ''} {when ? `on ${when}` : ''} (version {conflict.version}). What changed since you
        opened the form:
      </p>
      {changed.length === 0 ? (
        <p>No field differs from what you opened (only the version moved on).</p>
      ) : (
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Changes saved by someone else</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-2 py-1">Field</th>
              <th scope="col" className="px-2 py-1">When you opened it</th>
              <th scope="col" className="px-2 py-1">Saved now</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((field) => (
              <tr key={field} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-2 py-1 font-medium">{SNAPSHOT_LABELS[field]}</th>
                <td className="px-2 py-1 whitespace-pre-line">{opened ? displayValue(opened[field]) : '—'}</td>
                <td className="px-2 py-1 whitespace-pre-line">{displayValue(conflict[field])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>Your changes are still in the form below. Either:</p>
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={onReapply} className={primaryButtonClass}>
          Re-apply my changes
        </button>
        {reloadHref && (
          <a href={reloadHref} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-50">
            Discard my changes and reload
          </a>
        )}
      </div>
      <p className="text-xs text-slate-700">
        Re-applying keeps what you changed and takes the saved values for everything else; nothing is saved until you press Save.
      </p>
    </div>
  );
}
