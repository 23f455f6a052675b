'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Where JavaScript runs: dragging across the year histogram's bars chooses that range of years (on
 * release, the range's URL). A press and release on one bar is left to that bar's link. Renders nothing:
 * it only listens to the server-rendered SVG.
 */
export function YearBrush({ svgId, first, size, bars, rangeHref }: { svgId: string; first: number; size: number; bars: number; rangeHref: string }) {
  const router = useRouter();
  useEffect(() => {
    const svg = document.getElementById(svgId) as SVGSVGElement | null;
    const band = svg?.querySelector('.brush');
    if (!svg || !band) return;
    const step = svg.viewBox.baseVal.width / bars;
    let start = -1;
    let end = -1;
    const barAt = (e: PointerEvent) => {
      const box = svg.getBoundingClientRect();
      return Math.min(bars - 1, Math.max(0, Math.floor(((e.clientX - box.left) / box.width) * bars)));
    };
    const span = () => [Math.min(start, end), Math.max(start, end)] as const;
    const move = (e: PointerEvent) => {
      end = barAt(e);
      const [a, b] = span();
      band.setAttribute('x', String(a * step));
      band.setAttribute('width', String(a === b ? 0 : (b - a + 1) * step));
    };
    const up = () => {
      removeEventListener('pointermove', move);
      removeEventListener('pointerup', up);
      const [a, b] = span();
      start = -1;
      band.setAttribute('width', '0');
      if (a === b) return;
      const url = new URL(rangeHref, location.href);
      url.searchParams.set('yearFrom', String(first + a * size));
      url.searchParams.set('yearTo', String(first + b * size + size - 1));
      router.push(url.pathname + url.search, { scroll: false });
    };
    const down = (e: PointerEvent) => {
      if (e.button !== 0 || !e.isPrimary) return;
      start = end = barAt(e);
      addEventListener('pointermove', move);
      addEventListener('pointerup', up);
    };
    // A link pressed and moved would otherwise start dragging its URL and cancel the pointer.
    const noDrag = (e: Event) => e.preventDefault();
    svg.addEventListener('pointerdown', down);
    svg.addEventListener('dragstart', noDrag);
    return () => {
      svg.removeEventListener('pointerdown', down);
      svg.removeEventListener('dragstart', noDrag);
      removeEventListener('pointermove', move);
      removeEventListener('pointerup', up);
    };
  }, [svgId, first, size, bars, rangeHref, router]);
  return null;
}
