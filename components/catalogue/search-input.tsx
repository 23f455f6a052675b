'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

type Kind = 'title' | 'author' | 'country';
type Option = { kind: Kind; label: string; href: string };
type Value = { value: string; label: string; count: number };
type Answer = { titles: { slug: string; title: string }[]; authors: Value[]; countries: Value[] };

type Props = {
  name: string;
  defaultValue: string;
  placeholder: string;
  maxLength: number;
  locale: string;
  /** Where a title leads (its slug appended) and where a filter is applied. */
  recordPath: string;
  cataloguePath: string;
  /** The current filters (without the text query or page): a chosen author or country is added to them. */
  filters: string;
  /** Names of the kinds, and the live status: `none`, `one`, `many` (with # for the count). */
  text: Record<Kind | 'none' | 'one' | 'many', string>;
};

const DELAY_MS = 120;

/**
 * The search box's text field, with type-ahead where JavaScript runs: an ARIA 1.2 combobox (list popup,
 * focus stays in the field, aria-activedescendant marks the option). ↓/↑ move through the suggestions,
 * Enter follows the one marked (else submits the form as typed), Escape closes them. Without JavaScript it
 * is the plain field of the GET form.
 */
export function SearchInput({ name, defaultValue, placeholder, maxLength, locale, recordPath, cataloguePath, filters, text }: Props) {
  const [value, setValue] = useState(defaultValue);
  const [typed, setTyped] = useState(false);
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const id = useId();
  const listId = `${id}-list`;
  const closeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const q = value.trim();
    if (!typed || q.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/suggest?${new URLSearchParams({ q, locale })}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<Answer>) : null))
        .then((answer) => {
          if (!answer) return;
          const filter = (facet: 'author' | 'country', v: string) => {
            const search = new URLSearchParams(filters);
            if (!search.getAll(facet).includes(v)) search.append(facet, v);
            return `${cataloguePath}?${search}`;
          };
          setOptions([
            ...answer.titles.map((t): Option => ({ kind: 'title', label: t.title, href: `${recordPath}${encodeURIComponent(t.slug)}` })),
            ...answer.authors.map((a): Option => ({ kind: 'author', label: a.label, href: filter('author', a.value) })),
            ...answer.countries.map((c): Option => ({ kind: 'country', label: c.label, href: filter('country', c.value) })),
          ]);
          setActive(-1);
          setOpen(true);
        })
        .catch(() => undefined); // aborted by the next keystroke, or offline: no suggestions, the form still works
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value, typed, locale, filters, cataloguePath, recordPath]);

  const expanded = open && options.length > 0;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      const down = event.key === 'ArrowDown';
      if (!expanded) {
        setOpen(true);
        setActive(down ? 0 : options.length - 1);
      } else {
        setActive((a) => (down ? (a + 1) % options.length : a <= 0 ? options.length - 1 : a - 1));
      }
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      window.location.assign(options[active]!.href);
    }
  };

  const status = options.length === 0 ? text.none : options.length === 1 ? text.one : text.many.replace('#', String(options.length));

  return (
    <div className="relative min-w-0 flex-1">
      <input
        id="q"
        name={name}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-${active}` : undefined}
        autoComplete="off"
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(event) => {
          setValue(event.target.value);
          setTyped(true);
          if (event.target.value.trim().length < 2) setOptions([]);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          closeTimer.current = setTimeout(() => setOpen(false), 150);
        }}
        onFocus={() => {
          if (closeTimer.current) clearTimeout(closeTimer.current);
        }}
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={placeholder}
        hidden={!expanded}
        className="absolute inset-x-0 top-full z-20 mt-1 max-h-96 overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
      >
        {options.map((option, i) => (
          <li
            key={`${option.kind}:${option.href}`}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            // Keep the focus in the field while the pointer chooses.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => window.location.assign(option.href)}
            className={`flex cursor-pointer items-baseline gap-2 px-3 py-1.5 text-sm ${i === active ? 'bg-brand-50 text-brand-900' : 'text-slate-800'}`}
          >
            <span className="shrink-0 rounded bg-slate-100 px-1.5 text-xs text-slate-700">{text[option.kind]}</span>
            <span className="truncate">{option.label}</span>
          </li>
        ))}
      </ul>
      <p className="sr-only" aria-live="polite">
        {typed && open ? status : ''}
      </p>
    </div>
  );
}
