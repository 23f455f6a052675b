import type { CardRow } from './dialect';

/**
 * A card row as either driver returns it: the JSON aggregates come back as text from SQLite and parsed
 * from PostgreSQL, ids as bigint or number.
 */
export type RawCardRow = Omit<CardRow, 'id' | 'category' | 'countries' | 'regions' | 'authors' | 'languages'> & {
  id: number | bigint;
  year: number | bigint | null;
  category: string | CardRow['category'];
  countries: string | CardRow['countries'];
  regions: string | CardRow['regions'];
  authors: string | CardRow['authors'];
  languages: string | CardRow['languages'];
};

const json = <T>(value: string | T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export function toCardRow(row: RawCardRow): CardRow {
  return {
    id: Number(row.id),
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    year: row.year === null ? null : Number(row.year),
    category: row.category === null ? null : json(row.category),
    countries: json(row.countries),
    regions: json(row.regions),
    authors: json(row.authors),
    languages: json(row.languages),
  };
}
