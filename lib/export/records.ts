import type { PublicationDetail } from '@/lib/data/catalogue';
import { csvCell } from '@/lib/import/formats/csv-parse';

/**
 * A publication as the exports write it: the import's own record shape (lib/import/schema.ts) with the
 * catalogue's canonical values — ISO codes, region and category slugs, author names in credit order —
 * plus the slug, so that importing an export gives back the same catalogue.
 */
export type ExportRecord = {
  title: string;
  summary: string;
  countries: string[];
  regions: string[];
  authors: string[];
  year: number | null;
  category: string | null;
  languages: string[];
  url: string | null;
  slug: string;
  /** The same key on every published member of a translation group (the first of their slugs), null when none. */
  translationGroup: string | null;
};

export const EXPORT_COLUMNS = ['title', 'summary', 'countries', 'regions', 'authors', 'year', 'category', 'languages', 'url', 'slug', 'translationGroup'] as const;

export function toExportRecord(p: PublicationDetail): ExportRecord {
  return {
    title: p.title,
    summary: p.summary,
    countries: p.countries.map((c) => c.code),
    regions: p.regions.map((r) => r.slug),
    authors: p.authors.map((a) => a.name),
    year: p.year,
    category: p.category?.slug ?? null,
    languages: p.languages,
    url: p.url,
    slug: p.slug,
    // A slug of the group: importing the export links the members again, in this catalogue or another.
    translationGroup: p.translations.length === 0 ? null : [p.slug, ...p.translations.map((t) => t.slug)].sort()[0]!,
  };
}

/** CSV rows end in CRLF (RFC 4180); lists are separated by "; ", as the import reads them. */
export const CSV_HEADER = `${EXPORT_COLUMNS.join(',')}\r\n`;

export function csvRow(record: ExportRecord): string {
  const cells = EXPORT_COLUMNS.map((column) => {
    const value = record[column];
    if (Array.isArray(value)) return value.join('; ');
    return value === null ? '' : String(value);
  });
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** One record per line inside the array, so a large export stays readable and diffable. */
export function jsonItem(record: ExportRecord, first: boolean): string {
  return `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
}
