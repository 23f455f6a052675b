'use client';

import { useEffect, useId, useRef, useState } from 'react';

/**
 * A type-ahead over a Server Action: what was typed, the answers to the latest question (150 ms after the
 * last key; a late answer to an earlier one is dropped), whether the list is open and which option is
 * highlighted, and the list's arrow/Enter/Escape keys. The author list and the translation list use it:
 * `combobox(options, pick)` gives the text box's ARIA combobox props and the list's ids.
 */
export function useRemoteSearch<T>(search: (query: string) => Promise<T[]>) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(0);
  const listId = useId();

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function onQuery(value: string) {
    setQuery(value);
    setActive(0);
    setOpen(true);
    if (timer.current) clearTimeout(timer.current);
    const text = value.trim();
    if (!text) {
      setFound([]);
      return;
    }
    timer.current = setTimeout(async () => {
      const request = ++latest.current;
      try {
        const results = await search(text);
        if (request === latest.current) setFound(results);
      } catch {
        if (request === latest.current) setFound([]);
      }
    }, 150);
  }

  /** After a choice: an empty box and no answers. */
  function reset() {
    setQuery('');
    setFound([]);
    setActive(0);
  }

  /** Arrows move through the `options` shown, Enter picks the highlighted one (never sending the form), Escape closes. */
  function onKeyDown<O>(event: React.KeyboardEvent<HTMLInputElement>, options: O[], pick: (option: O) => void) {
    const expanded = open && options.length > 0;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = expanded ? options[Math.min(active, options.length - 1)] : undefined;
      if (option) pick(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  /** The box and its list for the `options` shown: spread `input` on the text box, ids on the list and options. */
  function combobox<O>(options: O[], pick: (option: O) => void) {
    const expanded = open && options.length > 0;
    const activeIndex = Math.min(active, options.length - 1);
    const optionId = (index: number) => `${listId}-option-${index}`;
    const input = {
      role: 'combobox',
      autoComplete: 'off',
      'aria-autocomplete': 'list',
      'aria-expanded': expanded,
      'aria-controls': listId,
      'aria-activedescendant': expanded ? optionId(activeIndex) : undefined,
      value: query,
      onChange: (event: React.ChangeEvent<HTMLInputElement>) => onQuery(event.target.value),
      onFocus: () => setOpen(true),
      onBlur: () => setOpen(false),
      onKeyDown: (event: React.KeyboardEvent<HTMLInputElement>) => onKeyDown(event, options, pick),
    } as const;
    return { expanded, activeIndex, optionId, listId, input };
  }

  return { query, found, reset, combobox };
}
