import { slugify } from '@/lib/text';

/**
 * The URL slug for a publication: its title, then its year, then a number, whichever is first free.
 * Long titles that share their first 80 characters (a second edition, the same report for another
 * country) would otherwise collide.
 */
export function publicationSlug(title: string, year: number | null, taken: (slug: string) => boolean): string {
  const base = slugify(title) || 'publication';
  for (const candidate of [base, ...(year === null ? [] : [`${base}-${year}`])]) {
    if (!taken(candidate)) return candidate;
  }
  for (let n = 2; ; n++) {
    if (!taken(`${base}-${n}`)) return `${base}-${n}`;
  }
}
