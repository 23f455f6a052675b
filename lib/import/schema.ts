import { z } from 'zod';
import { PublicationRecordSchema } from '@/lib/validation/publication';

/** The columns of the import CSV (the export writes the same, plus `slug`). */
export const CSV_COLUMNS = ['title', 'summary', 'countries', 'regions', 'authors', 'year', 'category', 'languages', 'url'] as const;
/**
 * `translationGroup`: records (and catalogue publications) with the same value are one work in different
 * languages. The value is any key the file chooses, or the slug of another member (`translation_of`).
 * `files`: files to attach, from the import's folder: "path|label|language" items separated by ";" (lib/import/files.ts).
 */
export const OPTIONAL_CSV_COLUMNS = ['slug', 'translationGroup', 'files'] as const;
/**
 * Header cells are read in lower case. Older exports (one language a record) named the column `language`:
 * read as `languages`; `translation_of` is the other spelling of the group column.
 */
export const CSV_COLUMN_ALIASES: Record<string, CsvColumn> = {
  language: 'languages',
  translationgroup: 'translationGroup',
  translation_group: 'translationGroup',
  translation_of: 'translationGroup',
  translationof: 'translationGroup',
};
export type CsvColumn = (typeof CSV_COLUMNS)[number] | (typeof OPTIONAL_CSV_COLUMNS)[number];

const slug = z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Use lower-case letters, digits and hyphens' }).max(100);

const list = z.array(z.string({ error: 'must be a list of strings' }), { error: 'must be a list of strings' }).nullish().transform((v) => v ?? []);
const text = z.string({ error: 'must be a string or null' }).nullable();

/** One element of an import JSON file. Unknown keys are ignored; a missing key means the file says nothing about that field. */
export const JsonRecordSchema = z.object({
  title: z.string({ error: 'is required and must be a string' }),
  summary: z.string({ error: 'is required and must be a string' }),
  countries: list,
  regions: list,
  authors: list,
  year: z.union([z.number(), z.string(), z.null()], { error: 'must be a number or null' }).optional().transform((v) => v ?? null),
  category: text.optional(),
  /** A list, or one string that may name several ("English; French"); `language` is the older spelling. */
  languages: z.union([z.array(z.string({ error: 'must be a list of strings' })), z.string(), z.null()], { error: 'must be a list of strings' }).optional(),
  language: text.optional(),
  url: text.optional(),
  slug: slug.nullish(),
  /** See OPTIONAL_CSV_COLUMNS; `translation_of` is the other spelling. */
  translationGroup: text.optional(),
  translation_of: text.optional(),
  /** See OPTIONAL_CSV_COLUMNS: one string of items separated by ";", or a list of items. */
  files: z.union([z.string(), z.array(z.string({ error: 'must be a list of strings' })), z.null()], { error: 'must be a string or a list of strings' }).optional(),
});
export type JsonRecord = z.infer<typeof JsonRecordSchema>;

export const ImportFileSchema = z.array(z.unknown(), { error: 'The file must hold a JSON array of publications ([ {…}, {…} ]).' });

/** A normalized record, checked once more with the rules every publication obeys (lib/validation). */
export const ImportRecordSchema = PublicationRecordSchema.extend({
  category: PublicationRecordSchema.shape.category.optional(),
  languages: PublicationRecordSchema.shape.languages.optional(),
  url: PublicationRecordSchema.shape.url.optional(),
  slug: slug.optional(),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;

export const SlugSchema = slug;
