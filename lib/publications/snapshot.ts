/**
 * A publication as people read it: names rather than ids, authors in credited order. The audit log keeps
 * these (before → after), and a save that lost a race shows the editor one of them.
 */
export type PublicationSnapshot = {
  slug: string;
  title: string;
  summary: string;
  year: number | null;
  category: string | null;
  countries: string[];
  regions: string[];
  authors: string[];
  url: string | null;
  /** ISO 639-1 codes, the main language first. */
  languages: string[];
  /** The addresses (slugs) of the other publications of its translation group, sorted. */
  translations: string[];
  status: string;
};

export const SNAPSHOT_LABELS: Record<keyof PublicationSnapshot, string> = {
  slug: 'Address',
  title: 'Title',
  summary: 'Summary',
  year: 'Year',
  category: 'Category',
  countries: 'Countries',
  regions: 'Regions',
  authors: 'Authors',
  url: 'Document address',
  languages: 'Languages',
  translations: 'Translations',
  status: 'Status',
};

/** One value of a snapshot (or of an audit entry) as text. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(String).join('; ');
  return String(value);
}
