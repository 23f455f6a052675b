import { MIN_PUBLICATION_YEAR, maxPublicationYear } from '@/lib/validation/publication-form';
import { AuthorDirectory } from './authors';
import { CATEGORY_NAMES, resolveCategory } from './categories';
import { emptyFindings, mergeFindings, type Findings, type NormalizedField } from './findings';
import { tidySpaces } from './keys';
import { resolveLanguage } from './languages';
import { normalizePlaces } from './places';

/**
 * The one normalizer, used by the import, the admin form and the seed: a publication as a source gives
 * it (names, codes, free text) → the catalogue's canonical values (ISO codes, region and category slugs,
 * one spelling per author), with a report of every change, every value it could not resolve (left
 * out, never guessed) and every value a person should check. Canonical input comes back unchanged with
 * nothing to report.
 */

export { AuthorDirectory } from './authors';
export type { Change, ChangeRule, Findings, NormalizedField, ReviewNote, Unresolved } from './findings';
export { resolveCountry } from './countries';
export { resolveRegion } from './regions';
export { resolveCategory } from './categories';
export { resolveLanguage } from './languages';
export { normalizePlaces } from './places';

/** A publication as a source writes it. `undefined` = the source does not have the field at all. */
export type SourcePublication = {
  title: string;
  summary: string;
  countries: readonly string[];
  regions: readonly string[];
  authors: readonly string[];
  year: string | number | null;
  category?: string | null;
  /** In the order given; one value may hold several ("English; French"). */
  languages?: readonly string[] | null;
  url?: string | null;
};

/** Canonical values; category, languages and url stay undefined when the source does not carry them. */
export type NormalizedPublication = {
  title: string;
  summary: string;
  countries: string[];
  regions: string[];
  authors: string[];
  year: number | null;
  category: string | null | undefined;
  languages: string[] | undefined;
  url: string | null | undefined;
};

/** A value that makes the record unusable as it stands (the import rejects the record). */
export type FieldError = { field: NormalizedField | 'slug' | 'record' | 'files'; message: string };

export type NormalizeResult = { record: NormalizedPublication; findings: Findings; errors: FieldError[] };

function normalizeTitle(title: string, findings: Findings): string {
  const tidy = tidySpaces(title);
  // "Needs Assessment Tool:Counter-trafficking Response" → "…Tool: Counter-trafficking…"
  const spaced = tidy.replace(/(\p{L}):(\p{Lu})/gu, '$1: $2');
  if (spaced !== tidy) findings.changes.push({ field: 'title', from: tidy, to: spaced, rule: 'format', reason: 'a space after the colon' });
  else if (tidy !== title.trim()) findings.changes.push({ field: 'title', from: title, to: tidy, rule: 'case', reason: 'spacing' });
  return spaced;
}

function normalizeYear(year: string | number | null, errors: FieldError[]): number | null {
  if (year === null) return null;
  const text = String(year).trim();
  if (text === '') return null;
  // The form's bounds: an import cannot write a year the form would refuse when the record is next edited.
  const max = maxPublicationYear();
  if (/^\d{4}$/.test(text)) {
    const value = Number(text);
    if (value >= MIN_PUBLICATION_YEAR && value <= max) return value;
  }
  errors.push({ field: 'year', message: `“${text}” is not a year (four digits, ${MIN_PUBLICATION_YEAR}–${max})` });
  return null;
}

function normalizeCategory(value: string | null | undefined, findings: Findings): string | null | undefined {
  if (value === undefined) return undefined;
  const text = tidySpaces(value ?? '');
  if (!text) return null;
  const found = resolveCategory(text);
  if (found.kind === 'unknown') {
    findings.unresolved.push({ field: 'category', value: text, reason: `not one of the catalogue’s categories (${[...CATEGORY_NAMES.values()].join(', ')})` });
    return null;
  }
  if (!found.exact) findings.changes.push({ field: 'category', from: value!, to: CATEGORY_NAMES.get(found.slug)!, rule: found.rule, reason: found.reason });
  return found.slug;
}

function normalizeLanguage(value: string, findings: Findings): string | null {
  const text = tidySpaces(value);
  if (!text) return null;
  const found = resolveLanguage(text);
  if (found.kind === 'language') {
    if (!found.exact) findings.changes.push({ field: 'languages', from: value, to: found.code, rule: found.rule, reason: found.reason });
    return found.code;
  }
  findings.unresolved.push({
    field: 'languages',
    value: text,
    reason: found.kind === 'ambiguous' ? found.reason : 'not a language name or ISO 639-1 code',
    ...(found.kind === 'ambiguous' && { candidates: found.candidates }),
  });
  return null;
}

/** ISO 639-1 codes in the order given, without repeats; "English, French" and "en/fr" are two values. */
function normalizeLanguages(values: readonly string[] | null | undefined, findings: Findings): string[] | undefined {
  if (values === undefined) return undefined;
  const codes = (values ?? [])
    .flatMap((v) => v.split(/[;,/|]|\s+(?:and|&)\s+/i))
    .map((v) => normalizeLanguage(v, findings))
    .filter((code): code is string => code !== null);
  return [...new Set(codes)];
}

function normalizeUrl(value: string | null | undefined, errors: FieldError[]): string | null | undefined {
  if (value === undefined) return undefined;
  const text = (value ?? '').trim();
  if (!text) return null;
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // reported below
  }
  errors.push({ field: 'url', message: `“${text}” is not a web address (http:// or https://)` });
  return null;
}

/**
 * Normalizes one publication. `authors` carries what is known about author names (the catalogue's,
 * and the file's when every record was observed first); a fresh directory is fine for a single record.
 */
export function normalizePublication(source: SourcePublication, authors: AuthorDirectory = new AuthorDirectory()): NormalizeResult {
  const findings = emptyFindings();
  const errors: FieldError[] = [];
  const title = normalizeTitle(source.title, findings);
  const summary = source.summary.replace(/\r\n?/g, '\n').trim();
  if (!title) errors.push({ field: 'title', message: 'the title is missing' });
  if (!summary) errors.push({ field: 'summary', message: 'the summary is missing' });
  const places = normalizePlaces(source.countries, source.regions);
  const people = authors.normalize(source.authors);
  mergeFindings(findings, places.findings, people.findings);
  const record: NormalizedPublication = {
    title,
    summary,
    countries: places.countries,
    regions: places.regions,
    authors: people.authors,
    year: normalizeYear(source.year, errors),
    category: normalizeCategory(source.category, findings),
    languages: normalizeLanguages(source.languages, findings),
    url: normalizeUrl(source.url, errors),
  };
  return { record, findings, errors };
}

/** Normalizes a batch: every author list is observed first, so spellings unify across records. */
export function normalizePublications(
  sources: readonly SourcePublication[],
  { known = [], onProgress }: { known?: Iterable<string>; onProgress?: (done: number) => void } = {},
): NormalizeResult[] {
  const directory = new AuthorDirectory(known);
  for (const source of sources) directory.observe(source.authors);
  return sources.map((source, i) => {
    if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1);
    return normalizePublication(source, directory);
  });
}

export function hasFindings(findings: Findings): boolean {
  return findings.changes.length + findings.unresolved.length + findings.review.length > 0;
}
