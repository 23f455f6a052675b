/**
 * The arithmetic of the catalogue's visual facets (components/catalogue/year-histogram.tsx and world-map.tsx):
 * year bars and their buckets, and the colour classes of the map.
 */

import type { YearCount } from '@/lib/search/catalogue-index';

/** One bar: the years `from`–`to` (equal for a single year) and their publications. */
export type YearBar = { from: number; to: number; count: number };

/** More bars than this and years are grouped: a bar narrower than a few pixels can no longer be aimed at. */
export const MAX_BARS = 40;
const BUCKET_SIZES = [1, 2, 5, 10, 20, 50, 100] as const;

/**
 * Bars from the first to the last year with publications, empty years included so that the axis is
 * linear. Years are grouped by the smallest of 1, 2, 5, 10… years that keeps to `maxBars`, buckets starting
 * at multiples of their size (1990–1994, not 1988–1992), so that a bucket reads as a round period.
 */
export function yearBars(counts: readonly YearCount[], maxBars = MAX_BARS): { size: number; bars: YearBar[] } {
  const years = counts.filter((c) => c.count > 0);
  if (years.length === 0) return { size: 1, bars: [] };
  const first = Math.min(...years.map((c) => c.year));
  const last = Math.max(...years.map((c) => c.year));
  const bucketsOf = (size: number) => Math.floor(last / size) - Math.floor(first / size) + 1;
  const size: number = BUCKET_SIZES.find((s) => bucketsOf(s) <= maxBars) ?? 100;
  const start = Math.floor(first / size) * size;
  const bars: YearBar[] = Array.from({ length: bucketsOf(size) }, (_, i) => ({ from: start + i * size, to: start + i * size + size - 1, count: 0 }));
  for (const { year, count } of years) bars[Math.floor(year / size) - Math.floor(first / size)]!.count += count;
  return { size, bars };
}

/** Whether a bar lies within the reader's year choice: the range, or one of the years picked from the list. */
export function barSelected(bar: YearBar, choice: { year: readonly number[]; yearFrom: number | null; yearTo: number | null }): boolean {
  if (choice.yearFrom !== null || choice.yearTo !== null) {
    return bar.from >= (choice.yearFrom ?? -Infinity) && bar.to <= (choice.yearTo ?? Infinity);
  }
  return choice.year.some((y) => y >= bar.from && y <= bar.to);
}

/** Colour classes of the map. */
export const MAP_CLASSES = 5;

/**
 * The lowest count of each colour class, ascending from 1: geometric steps up to `max`, since publications
 * per country are heavy-tailed (a few countries have most of them) and equal steps would paint all but
 * those few in the first colour. Fewer classes when the counts are few (max 3: 1, 2, 3).
 */
export function countScale(max: number, classes = MAP_CLASSES): number[] {
  if (max < 1) return [];
  const lows = [1];
  for (let i = 1; i < classes; i++) {
    const low = Math.ceil(max ** (i / classes));
    if (low > lows[lows.length - 1]! && low <= max) lows.push(low);
  }
  return lows;
}

/** The class (0-based) of a count under `lows` (countScale); -1 for none. */
export function classOf(count: number, lows: readonly number[]): number {
  let k = -1;
  for (let i = 0; i < lows.length && count >= lows[i]!; i++) k = i;
  return k;
}

/** Each class's range of counts for the legend: [low, high], equal for a class of one value. */
export function scaleRanges(lows: readonly number[], max: number): [number, number][] {
  return lows.map((low, i) => [low, i + 1 < lows.length ? lows[i + 1]! - 1 : max]);
}
