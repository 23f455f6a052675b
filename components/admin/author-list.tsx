'use client';

import { useEffect, useRef, useState } from 'react';
import { encodeAuthor, type AuthorEntry } from '@/lib/validation/publication-form';
import { useRemoteSearch } from './use-remote-search';
import { describedBy, hintClass, inputClass, labelClass, optionClass, smallButtonClass } from './styles';

type Suggestion = { kind: 'existing'; id: number; name: string } | { kind: 'new'; name: string };
type Item = AuthorEntry & { key: string };

let nextKey = 0;
const withKey = (author: AuthorEntry): Item => ({ ...author, key: `author-${nextKey++}` });
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The authors in credited order: find an existing author by name or add a new one, remove, move up and
 * down. Each author travels as a hidden `authors` input, in order.
 */
export function AuthorList({
  defaultAuthors,
  search,
  error,
  errorId,
}: {
  defaultAuthors: AuthorEntry[];
  search: (query: string) => Promise<{ id: number; name: string }[]>;
  error?: string;
  errorId: string;
}) {
  const [authors, setAuthors] = useState<Item[]>(() => defaultAuthors.map(withKey));
  const { query, found, reset, combobox } = useRemoteSearch(search);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const focusAfterRender = useRef<string | null>(null);
  const hintId = 'authors-hint';

  // After a move the button's row is re-ordered in the page; put the focus back on it.
  useEffect(() => {
    if (focusAfterRender.current) {
      document.getElementById(focusAfterRender.current)?.focus();
      focusAfterRender.current = null;
    }
  });

  const chosenIds = new Set(authors.flatMap((a) => (a.id === undefined ? [] : [a.id])));
  const trimmed = query.trim();
  const suggestions: Suggestion[] = [
    ...found.filter((f) => !chosenIds.has(f.id)).map((f) => ({ kind: 'existing' as const, ...f })),
    ...(trimmed && !found.some((f) => sameName(f.name, trimmed)) && !authors.some((a) => sameName(a.name, trimmed))
      ? [{ kind: 'new' as const, name: trimmed }]
      : []),
  ];
  const { expanded, activeIndex, optionId, listId, input } = combobox(suggestions, add);

  function add(suggestion: Suggestion) {
    const author = suggestion.kind === 'existing' ? { id: suggestion.id, name: suggestion.name } : { name: suggestion.name };
    setAuthors((list) => [...list, withKey(author)]);
    reset();
    setAnnouncement(`${author.name} added as author ${authors.length + 1}.`);
    document.getElementById('authors')?.focus();
  }

  function remove(index: number) {
    const author = authors[index];
    if (!author) return;
    setAuthors((list) => list.filter((_, i) => i !== index));
    setAnnouncement(`${author.name} removed.`);
    inputRef.current?.focus();
  }

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    const author = authors[index];
    if (!author || target < 0 || target >= authors.length) return;
    const list = [...authors];
    list.splice(index, 1);
    list.splice(target, 0, author);
    setAuthors(list);
    setAnnouncement(`${author.name} moved to position ${target + 1} of ${list.length}.`);
    // Keep the focus on the same button unless that move is no longer possible.
    const edge = by === -1 ? target === 0 : target === list.length - 1;
    focusAfterRender.current = `${author.key}-${edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}`;
  }

  return (
    <div>
      <label htmlFor="authors" className={labelClass}>
        Authors
      </label>
      <p id={hintId} className={hintClass}>
        In the order they are credited. Find an existing author or add a new one.
      </p>
      {authors.length > 0 && (
        <ol className="mt-2 space-y-1" aria-label="Credited authors">
          {authors.map((author, index) => (
            <li key={author.key} className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm">
              <span className="w-6 text-right text-slate-500">{index + 1}.</span>
              <span className="min-w-0 flex-1 font-medium">
                {author.name}
                {author.id === undefined && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-normal text-amber-900">new</span>}
              </span>
              <input type="hidden" name="authors" value={encodeAuthor(author)} />
              <button id={`${author.key}-up`} type="button" className={smallButtonClass} disabled={index === 0}
                onClick={() => move(index, -1)} aria-label={`Move ${author.name} up`}>
                ↑ Up
              </button>
              <button id={`${author.key}-down`} type="button" className={smallButtonClass} disabled={index === authors.length - 1}
                onClick={() => move(index, 1)} aria-label={`Move ${author.name} down`}>
                ↓ Down
              </button>
              <button type="button" className={smallButtonClass} onClick={() => remove(index)} aria-label={`Remove ${author.name}`}>
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="relative">
        <input
          ref={inputRef}
          id="authors"
          type="text"
          {...input}
          aria-invalid={!!error}
          aria-describedby={describedBy(hintId, error && errorId)}
          placeholder="Type a name…"
          className={inputClass}
        />
        <ul id={listId} role="listbox" aria-label="Authors to choose from" hidden={!expanded}
          className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg">
          {expanded &&
            suggestions.map((suggestion, index) => (
              <li key={suggestion.kind === 'existing' ? suggestion.id : 'new'} id={optionId(index)} role="option"
                aria-selected={index === activeIndex} className={optionClass}
                onMouseDown={(event) => event.preventDefault()} onClick={() => add(suggestion)}>
                {suggestion.kind === 'existing' ? suggestion.name : `Add “${suggestion.name}” as a new author`}
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
    </div>
  );
}
