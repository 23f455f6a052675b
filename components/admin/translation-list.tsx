'use client';

import { useState } from 'react';
import { languageName } from '@/lib/languages';
import { encodeTranslation, type TranslationEntry } from '@/lib/validation/publication-form';
import { useRemoteSearch } from './use-remote-search';
import { describedBy, hintClass, inputClass, labelClass, optionClass } from './styles';

type Candidate = TranslationEntry & { slug: string; status: string };

const describe = (t: { title: string; language: string | null }) => `${t.title}${t.language ? ` (${languageName(t.language)})` : ''}`;

/**
 * The other publications of this work's translation group. Each linked one is a ticked checkbox named
 * `translations` (untick to unlink), so the list works without JavaScript; the find box is a plain text
 * input named `translationAdd` (an address or an exact title) that JavaScript turns into a type-ahead.
 */
export function TranslationList({
  defaultTranslations,
  search,
  error,
  errorId,
}: {
  defaultTranslations: TranslationEntry[];
  search: (query: string) => Promise<Candidate[]>;
  error?: string;
  errorId: string;
}) {
  const [linked, setLinked] = useState<TranslationEntry[]>(defaultTranslations);
  const { found, reset, combobox } = useRemoteSearch(search);
  const [announcement, setAnnouncement] = useState('');
  const hintId = 'translations-hint';

  const suggestions = found.filter((f) => !linked.some((l) => l.id === f.id));
  const { expanded, activeIndex, optionId, listId, input } = combobox(suggestions, add);

  function add(candidate: Candidate) {
    setLinked((list) => [...list, { id: candidate.id, title: candidate.title, language: candidate.language }]);
    reset();
    setAnnouncement(`${describe(candidate)} linked as a translation.`);
  }

  return (
    <fieldset>
      <legend className={labelClass}>Translations</legend>
      <p id={hintId} className={hintClass}>
        The same work in other languages, one publication per main language. Linking a publication that has translations brings them
        all in; untick one to unlink it.
      </p>
      {linked.length > 0 && (
        <ul className="mt-2 space-y-1" aria-label="Linked translations">
          {linked.map((entry) => (
            <li key={entry.id} className="rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm">
              <label className="flex items-center gap-2">
                <input type="checkbox" name="translations" value={encodeTranslation(entry)} defaultChecked />
                <span className="font-medium">{describe(entry)}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <div className="relative mt-2">
        <label htmlFor="translations" className="text-sm text-slate-700">
          Link a publication (its address or title)
        </label>
        <input
          id="translations"
          name="translationAdd"
          type="text"
          {...input}
          aria-invalid={!!error}
          aria-describedby={describedBy(hintId, error && errorId)}
          className={inputClass}
        />
        <ul id={listId} role="listbox" aria-label="Publications to link" hidden={!expanded}
          className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg">
          {expanded &&
            suggestions.map((suggestion, index) => (
              <li key={suggestion.id} id={optionId(index)} role="option" aria-selected={index === activeIndex} className={optionClass}
                onMouseDown={(event) => event.preventDefault()} onClick={() => add(suggestion)}>
                {describe(suggestion)}
                {suggestion.status === 'draft' && <span className="ml-2 text-xs text-slate-500">draft</span>}
              </li>
            ))}
        </ul>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
