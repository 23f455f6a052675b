'use client';

import { useEffect } from 'react';

const KEY = 'catalogue:focus-results';

/**
 * After a filter, sort or page link (a link to the catalogue inside an element marked `data-refines`), the next catalogue
 * page starts with focus on the results heading, so a keyboard or screen reader user lands on what changed
 * rather than at the top of the page. Each page is a full load, so the choice crosses it in sessionStorage.
 */
export function FocusResults() {
  useEffect(() => {
    try {
      if (sessionStorage.getItem(KEY)) {
        sessionStorage.removeItem(KEY);
        document.getElementById('results-heading')?.focus();
      }
    } catch {
      // Storage refused (private mode, disabled): the page simply keeps the browser's focus.
    }
    const remember = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('[data-refines] a[href]') as HTMLAnchorElement | null | undefined;
      // Only links to another catalogue page: not exports or feeds, nor "show more", which returns to its facet.
      if (!link || link.pathname !== location.pathname || link.hash) return;
      try {
        sessionStorage.setItem(KEY, '1');
      } catch {
        // As above: no focus hand-over, nothing else lost.
      }
    };
    document.addEventListener('click', remember);
    return () => document.removeEventListener('click', remember);
  }, []);
  return null;
}
