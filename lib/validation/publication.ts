import { z } from 'zod';
import { MAX_YEAR, MIN_YEAR } from '@/lib/catalogue/params';

export const LanguageCodeSchema = z.string().regex(/^[a-z]{2}$/, { error: 'Use ISO 639-1 codes (two letters)' });

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, { error: 'Use lower-case letters, digits and hyphens' });

/** Whether a string can be a publication's slug: anything else names none, and need not reach the database. */
export function isPublicationSlug(value: string): boolean {
  return value.length <= 200 && SLUG.test(value);
}

/** A publication record as the seed file (and later the importer's JSON) carries it. */
export const PublicationRecordSchema = z.object({
  title: z.string().trim().min(1, { error: 'Title is required' }).max(500),
  summary: z.string().trim().min(1, { error: 'Summary is required' }).max(20_000),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/, { error: 'Use ISO 3166-1 alpha-2 codes' })),
  regions: z.array(slug),
  authors: z.array(z.string().trim().min(1).max(300)),
  year: z.int().min(MIN_YEAR).max(MAX_YEAR).nullable(),
  category: slug.nullable(),
  /** ISO 639-1 codes, the main language first. */
  languages: z.array(LanguageCodeSchema).max(20),
  url: z.url().nullable(),
});

export type PublicationRecord = z.infer<typeof PublicationRecordSchema>;
