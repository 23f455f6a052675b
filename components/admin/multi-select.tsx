'use client';

import { useId, useMemo, useRef, useState } from 'react';
import { foldText } from '@/lib/text';
import { describedBy, hintClass, inputClass, labelClass, optionClass, smallButtonClass } from './styles';

export type Option = { value: string; label: string };

const MAX_SHOWN = 50;

/**
 * A type-ahead multi-select (ARIA combobox + listbox). The choices travel as hidden inputs named `name`,
 * which the server renders too, so a form sent without JavaScript keeps them.
 */
export function MultiSelect({
  id,
  name,
  label,
  options,
  defaultSelected,
  hint,
  error,
  errorId,
}: {
  id: string;
  name: string;
  label: string;
  options: Option[];
  defaultSelected: string[];
  hint?: string;
  error?: string;
  errorId: string;
}) {
  const [selected, setSelected] = useState<string[]>(defaultSelected);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const hintId = `${id}-hint`;

  const byValue = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);
  const folded = useMemo(() => options.map((o) => ({ option: o, text: foldText(`${o.label} ${o.value}`) })), [options]);
  const matches = useMemo(() => {
    const q = foldText(query.trim());
    const free = folded.filter(({ option }) => !selected.includes(option.value));
    const hits = q
      ? free
          .filter(({ text }) => text.includes(q))
          // Names that start with the text first.
          .sort((a, b) => Number(!a.text.startsWith(q)) - Number(!b.text.startsWith(q)))
      : free;
    return hits.slice(0, MAX_SHOWN).map((h) => h.option);
  }, [folded, query, selected]);

  const expanded = open && matches.length > 0;
  const activeIndex = Math.min(active, matches.length - 1);

  function add(option: Option) {
    setSelected((s) => (s.includes(option.value) ? s : [...s, option.value]));
    setQuery('');
    setActive(0);
    setAnnouncement(`${option.label} added.`);
    inputRef.current?.focus();
  }

  function remove(value: string) {
    setSelected((s) => s.filter((v) => v !== value));
    setAnnouncement(`${byValue.get(value)?.label ?? value} removed.`);
    inputRef.current?.focus();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      // Enter picks the highlighted choice; it never sends the form from here.
      event.preventDefault();
      const option = expanded ? matches[activeIndex] : undefined;
      if (option) add(option);
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
      }
    } else if (event.key === 'Backspace' && query === '' && selected.length > 0) {
      remove(selected[selected.length - 1]!);
    }
  }

  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      )}
      {selected.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-2" aria-label={`Chosen ${label.toLowerCase()}`}>
          {selected.map((value) => {
            const text = byValue.get(value)?.label ?? value;
            return (
              <li key={value} className="flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pl-3 pr-1 text-sm text-brand-800">
                {text}
                <button type="button" onClick={() => remove(value)} aria-label={`Remove ${text}`} className="rounded-full px-1.5 hover:bg-brand-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {selected.map((value) => (
        <input key={value} type="hidden" name={name} value={value} />
      ))}
      <div className="relative">
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
          aria-invalid={!!error}
          aria-describedby={describedBy(hint && hintId, error && errorId)}
          placeholder="Type to find…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className={inputClass}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={`${label} to choose from`}
          hidden={!expanded}
          className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
        >
          {expanded &&
            matches.map((option, index) => (
              <li
                key={option.value}
                id={optionId(index)}
                role="option"
                aria-selected={index === activeIndex}
                className={optionClass}
                // Keeps the focus in the input, so the list stays open for the next choice.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => add(option)}
              >
                {option.label}
              </li>
            ))}
        </ul>
      </div>
      {selected.length > 1 && (
        <p className="mt-1">
          <button type="button" className={smallButtonClass} onClick={() => { setSelected([]); setAnnouncement(`All ${label.toLowerCase()} removed.`); }}>
            Remove all {label.toLowerCase()}
          </button>
        </p>
      )}
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
