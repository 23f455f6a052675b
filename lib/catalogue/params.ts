import { z } from 'zod';
import { LANGUAGE_CODES } from '@/lib/normalize/languages';

export const SORTS = ['relevance', 'newest', 'oldest', 'title'] as const;
export type Sort = (typeof SORTS)[number];

/** Relevance when there is a text query to be relevant to, newest first otherwise. */
export function defaultSort(q: string): Sort {
  return q ? 'relevance' : 'newest';
}

export const PAGE_SIZE = 20;
export const MAX_PAGE = 10_000;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
export const MAX_VALUES_PER_FACET = 50;
export const MAX_QUERY_LENGTH = 500;
export const MAX_FIND_LENGTH = 100;

export const FACETS = ['country', 'region', 'category', 'author', 'language', 'year'] as const;
export type Facet = (typeof FACETS)[number];

/** Facets long enough to need a box that finds a value by name. */
export const FINDABLE_FACETS = ['country', 'author'] as const;
export type FindableFacet = (typeof FINDABLE_FACETS)[number];
export const FIND_PARAM: Record<FindableFacet, 'findCountry' | 'findAuthor'> = {
  country: 'findCountry',
  author: 'findAuthor',
};

/** `grouped` (the default): a work's translations make one result; `separate`: one result per publication. */
export const TRANSLATION_VIEWS = ['grouped', 'separate'] as const;
export type TranslationView = (typeof TRANSLATION_VIEWS)[number];

export type CatalogueParams = {
  q: string;
  country: string[];
  region: string[];
  category: string[];
  author: string[];
  /** ISO 639-1 codes. */
  language: string[];
  year: number[];
  yearFrom: number | null;
  yearTo: number | null;
  sort: Sort;
  translations: TranslationView;
  /** Search the words as typed: no spelling correction (`literal=1`, the "search instead for" link). */
  literal: boolean;
  page: number;
  /** Narrow the list of a long facet's values by name; results are unaffected. */
  findCountry: string;
  findAuthor: string;
};

type RawValue = string | string[] | undefined;
export type RawSearchParams = Record<string, RawValue> | URLSearchParams;

const raw = z.union([z.string(), z.array(z.string())]).optional().catch(undefined);

function valuesOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim());
}

function firstOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseYear(value: string | undefined): number | null {
  if (value === undefined || !/^\s*\d{1,6}\s*$/.test(value)) return null;
  return Math.min(MAX_YEAR, Math.max(MIN_YEAR, Number(value)));
}

/** Repeatable values: trimmed, matched against `pattern`, normalised, de-duplicated and capped. */
function listOf(pattern: RegExp, normalise: (v: string) => string = (v) => v, known?: ReadonlySet<string>) {
  return raw.transform((value) => {
    const values = valuesOf(value).filter((v) => pattern.test(v)).map(normalise).filter((v) => !known || known.has(v));
    return [...new Set(values)].slice(0, MAX_VALUES_PER_FACET);
  });
}

const SLUG = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;
const toLower = (v: string) => v.toLowerCase();
const KNOWN_LANGUAGES: ReadonlySet<string> = new Set(LANGUAGE_CODES);

// Never fails: every malformed value is dropped or clamped, so any query string yields a page.
export const CatalogueParamsSchema = z.object({
  // Control characters and the non-characters U+FFFE/U+FFFF become spaces: no XML (feeds, OAI) can hold them.
  q: raw.transform((v) =>
    (firstOf(v) ?? '')
      .replace(/[\u0000-\u001f\u007f\ufffe\uffff]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_QUERY_LENGTH),
  ),
  country: listOf(/^[A-Za-z]{2}$/, (v) => v.toUpperCase()),
  region: listOf(SLUG, toLower),
  category: listOf(SLUG, toLower),
  author: listOf(SLUG, toLower),
  // Codes the runtime cannot name are dropped here: a language needs no lookup in the database to be known.
  language: listOf(/^[A-Za-z]{2}$/, toLower, KNOWN_LANGUAGES),
  year: raw.transform((value) => {
    const years = valuesOf(value).map((v) => parseYear(v)).filter((y): y is number => y !== null);
    return [...new Set(years)].slice(0, MAX_VALUES_PER_FACET);
  }),
  yearFrom: raw.transform((v) => parseYear(firstOf(v))),
  yearTo: raw.transform((v) => parseYear(firstOf(v))),
  sort: raw.transform((v) => SORTS.find((s) => s === firstOf(v)) ?? null),
  translations: raw.transform((v): TranslationView => (firstOf(v) === 'separate' ? 'separate' : 'grouped')),
  literal: raw.transform((v) => firstOf(v) === '1' || firstOf(v) === 'true'),
  page: raw.transform((v) => {
    const page = Number.parseInt(firstOf(v) ?? '', 10);
    return Number.isFinite(page) ? Math.min(MAX_PAGE, Math.max(1, page)) : 1;
  }),
  findCountry: raw.transform((v) => (firstOf(v) ?? '').trim().slice(0, MAX_FIND_LENGTH)),
  findAuthor: raw.transform((v) => (firstOf(v) ?? '').trim().slice(0, MAX_FIND_LENGTH)),
});

export function parseCatalogueParams(input: RawSearchParams): CatalogueParams {
  const record: Record<string, RawValue> = {};
  if (input instanceof URLSearchParams) {
    for (const key of new Set(input.keys())) record[key] = input.getAll(key);
  } else {
    Object.assign(record, input);
  }
  const { sort, ...rest } = CatalogueParamsSchema.parse(record);
  // Relevance needs a text query; without one it falls back to the default.
  const params: CatalogueParams = { ...rest, sort: sort && (sort !== 'relevance' || rest.q) ? sort : defaultSort(rest.q) };
  // A reversed range is read as the range the user meant.
  if (params.yearFrom !== null && params.yearTo !== null && params.yearFrom > params.yearTo) {
    [params.yearFrom, params.yearTo] = [params.yearTo, params.yearFrom];
  }
  return params;
}

export const EMPTY_PARAMS: CatalogueParams = parseCatalogueParams({});

/**
 * `more=<facet>`: the catalogue page lists every value it has of that facet rather than the first few. A
 * display choice of the page alone (the results, the API and the feeds ignore it), so it is not one of the
 * CatalogueParams; a cache keyed by the normalised query must keep it.
 */
export const MORE_PARAM = 'more';

const MoreFacetSchema = z.object({ [MORE_PARAM]: raw.transform((v) => FACETS.find((f) => f === firstOf(v)) ?? null) });

export function parseMoreFacet(input: RawSearchParams): Facet | null {
  const value = input instanceof URLSearchParams ? (input.get(MORE_PARAM) ?? undefined) : input[MORE_PARAM];
  return MoreFacetSchema.parse({ [MORE_PARAM]: value })[MORE_PARAM];
}

export function hasFilters(params: CatalogueParams): boolean {
  return (
    params.q !== '' ||
    FACETS.some((facet) => params[facet].length > 0) ||
    params.yearFrom !== null ||
    params.yearTo !== null
  );
}

/**
 * `from=<catalogue query>` on a publication's page: the search its reader came from, for "Back to results".
 * A display choice of the page (like `more`); the record is the same with or without it.
 */
export const FROM_PARAM = 'from';
/** Longer than any query the catalogue writes (a 500-character text query and a few filters). */
export const MAX_FROM_LENGTH = 4096;

const FromSchema = z.object({
  [FROM_PARAM]: raw.transform((v) => {
    const from = firstOf(v);
    return from && from.length <= MAX_FROM_LENGTH ? from : null;
  }),
});

/**
 * The catalogue search `from` names, parsed as the catalogue parses its own query (unknown parameters and
 * values dropped, the page clamped): only ever catalogue parameters, so a link back built from them
 * (lib/catalogue/url.ts `catalogueHref`) stays on the catalogue whatever was written (`//evil.example`,
 * `javascript:…`, an absolute URL). Null when nothing of a search is left: no `from`, an empty or
 * hostile one, or the first page of the whole catalogue.
 */
export function parseFromParam(input: RawSearchParams): CatalogueParams | null {
  const value = input instanceof URLSearchParams ? (input.getAll(FROM_PARAM)[0] ?? undefined) : input[FROM_PARAM];
  const from = FromSchema.parse({ [FROM_PARAM]: value })[FROM_PARAM];
  if (from === null) return null;
  const params = parseCatalogueParams(new URLSearchParams(from));
  const blank = !hasFilters(params) && params.page === 1 && params.sort === EMPTY_PARAMS.sort && params.translations === EMPTY_PARAMS.translations;
  return blank ? null : params;
}

/**
 * `view=map`: the catalogue page shows the world map of the country facet above the results. Like `more`, a
 * display choice of the page alone; on its own URL so that `/` does not carry the map's 30 KB of paths.
 */
export const VIEW_PARAM = 'view';
export type CatalogueView = 'map';

const ViewSchema = z.object({ [VIEW_PARAM]: raw.transform((v): CatalogueView | null => (firstOf(v) === 'map' ? 'map' : null)) });

export function parseView(input: RawSearchParams): CatalogueView | null {
  const value = input instanceof URLSearchParams ? (input.get(VIEW_PARAM) ?? undefined) : input[VIEW_PARAM];
  return ViewSchema.parse({ [VIEW_PARAM]: value })[VIEW_PARAM];
}
