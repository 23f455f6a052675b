import 'server-only';
import { hasSessionCookie } from '@/lib/auth/session';
import { prisma, reader } from '@/lib/db';
import type { Db } from '@/lib/prisma-client';
import { languageName } from '@/lib/languages';
import { foldText, slugify } from '@/lib/text';
import { FACETS, PAGE_SIZE, defaultSort, hasFilters, type CatalogueParams, type Facet } from '@/lib/catalogue/params';
import { highlight, snippet, type Segment } from '@/lib/search/highlight';
import { fieldLanguages } from '@/lib/search/catalogue-index';
import { parseQuery, type SearchQuery } from '@/lib/search/query';
import { IndexStore } from '@/lib/search/store';
import { dialect } from '@/lib/sql/dialect';
import { isPublicationSlug } from '@/lib/validation/publication';

export type Named = { slug: string; name: string };
export type CountryRef = { code: string; name: string };

export type PublicationItem = {
  slug: string;
  title: string;
  summary: string;
  year: number | null;
  category: Named | null;
  countries: CountryRef[];
  regions: Named[];
  authors: Named[];
  /** ISO 639-1 codes, the main language first. */
  languages: string[];
};

/** Title and summary excerpt with the words that matched the text query marked. */
export type Snippets = { title: Segment[]; summary: Segment[] };

export type PublicationDetail = PublicationItem & {
  url: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** When it was first published in the catalogue. */
  publishedAt: Date | null;
};

export type FacetValue = { value: string; label: string; count: number; selected: boolean };

export type CatalogueResult = {
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  items: (PublicationItem & { snippets: Snippets | null })[];
  facets: Record<Facet, FacetValue[]>;
  /** Distinct values each facet has among its matches, of which `facets` lists at most FACET_LIMIT. */
  facetSizes: Record<Facet, number>;
  /** The parameters actually applied: unknown facet values are dropped and the page clamped. */
  params: CatalogueParams;
};

/** Values listed per facet; the find box reaches the rest. */
export const FACET_LIMIT = 50;

const itemSelect = {
  slug: true,
  title: true,
  summary: true,
  year: true,
  category: { select: { slug: true, name: true } },
  countries: { select: { country: { select: { code: true, name: true } } }, orderBy: { country: { name: 'asc' } } },
  regions: { select: { region: { select: { slug: true, name: true } } }, orderBy: { region: { name: 'asc' } } },
  authors: { select: { author: { select: { slug: true, name: true } } }, orderBy: { position: 'asc' } },
  languages: { select: { code: true }, orderBy: { position: 'asc' } },
} as const;

const detailSelect = { ...itemSelect, url: true, createdAt: true, updatedAt: true, publishedAt: true } as const;

type ItemRow = {
  slug: string;
  title: string;
  summary: string;
  year: number | null;
  category: Named | null;
  countries: { country: CountryRef }[];
  regions: { region: Named }[];
  authors: { author: Named }[];
  languages: { code: string }[];
};

type DetailRow = ItemRow & { url: string | null; createdAt: Date; updatedAt: Date; publishedAt: Date | null };

function toItem(row: ItemRow): PublicationItem {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    year: row.year,
    category: row.category,
    countries: row.countries.map((c) => c.country),
    regions: row.regions.map((r) => r.region),
    authors: row.authors.map((a) => a.author),
    languages: row.languages.map((l) => l.code),
  };
}

function toDetail(row: DetailRow): PublicationDetail {
  return { ...toItem(row), url: row.url, createdAt: row.createdAt, updatedAt: row.updatedAt, publishedAt: row.publishedAt };
}

// One index per process, kept across hot reloads in development.
const globalForIndex = globalThis as unknown as { catalogueIndex?: IndexStore };
const store = (globalForIndex.catalogueIndex ??= new IndexStore());

/** Public reads go to a replica when there are any, staff reads to the primary (lib/db.ts). */
async function publicDb(): Promise<Db> {
  return reader({ ownWrites: await hasSessionCookie() });
}

type Labels = Record<Facet, Map<string, string>>;

// Country, region and category names change only with the taxonomy, which rebuilds the index: cache them per rebuild.
let taxonomyLabels: { generation: number; labels: Promise<Omit<Labels, 'author' | 'language' | 'year'>> } | null = null;

function getTaxonomyLabels(db: Db, generation: number) {
  if (taxonomyLabels?.generation !== generation) {
    const labels = Promise.all([
      db.country.findMany({ select: { code: true, name: true } }),
      db.region.findMany({ select: { slug: true, name: true } }),
      db.category.findMany({ select: { slug: true, name: true } }),
    ]).then(([countries, regions, categories]) => ({
      country: new Map(countries.map((c) => [c.code, c.name])),
      region: new Map(regions.map((r) => [r.slug, r.name])),
      category: new Map(categories.map((c) => [c.slug, c.name])),
    }));
    taxonomyLabels = { generation, labels };
    labels.catch(() => (taxonomyLabels = null));
  }
  return taxonomyLabels.labels;
}

type TaxonomyValues = Record<'country' | 'region' | 'category', string[]>;

/** Language names come from the runtime (lib/languages.ts), not the database. */
const languageLabels = (codes: string[]) => new Map(codes.map((code) => [code, languageName(code)]));

/**
 * Names of facet values, keyed by value; values that name nothing are absent. Authors are looked up as
 * needed; a taxonomy value missing from the cache (a category created since) reloads it once.
 */
async function facetLabels(db: Db, authors: string[], taxonomyValues: TaxonomyValues, languages: string[]): Promise<Labels> {
  await store.current(db);
  let cached = await getTaxonomyLabels(db, store.generation);
  const missing = (['country', 'region', 'category'] as const).some((f) => taxonomyValues[f].some((v) => !cached[f].has(v)));
  if (missing) {
    taxonomyLabels = null;
    cached = await getTaxonomyLabels(db, store.generation);
  }
  const [taxonomy, authorRows] = await Promise.all([
    cached,
    authors.length > 0
      ? db.author.findMany({ where: { slug: { in: authors } }, select: { slug: true, name: true } })
      : Promise.resolve([]),
  ]);
  return { ...taxonomy, author: new Map(authorRows.map((a) => [a.slug, a.name])), language: languageLabels(languages), year: new Map() };
}

/** Slugs of the authors whose name (or slug, which folds case and accents) contains the text. */
async function findAuthors(db: Db, text: string): Promise<Set<string>> {
  const slug = slugify(text);
  const authors = await db.author.findMany({
    where: { OR: [{ name: dialect(db).contains(text) }, ...(slug ? [{ slug: dialect(db).contains(slug) }] : [])] },
    select: { slug: true },
    take: 5_000,
  });
  return new Set(authors.map((a) => a.slug));
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

function compareFacetValues(facet: Facet) {
  return (a: FacetValue, b: FacetValue) =>
    facet === 'year' ? Number(b.value) - Number(a.value) : b.count - a.count || collator.compare(a.label, b.label);
}

/** Facet values that name nothing in the catalogue are ignored, as if absent from the URL. */
async function withKnownFacetValues(db: Db, requested: CatalogueParams): Promise<CatalogueParams> {
  return (await knownFacetValues(db, requested)).params;
}

/** The same, with the names of the values kept (the feeds' titles). */
async function knownFacetValues(db: Db, requested: CatalogueParams): Promise<{ params: CatalogueParams; labels: Labels }> {
  const labels = await facetLabels(db, requested.author, requested, requested.language);
  const params: CatalogueParams = { ...requested };
  for (const facet of ['country', 'region', 'category', 'author'] as const) {
    params[facet] = requested[facet].filter((v) => labels[facet].has(v));
  }
  return { params, labels };
}

/**
 * The page's rows. An index refreshed by a staff request (from the primary) can be ahead of a replica:
 * rows the replica does not have yet are read from the primary.
 */
async function readItems(db: Db, ids: number[]) {
  const select = { id: true, ...itemSelect } as const;
  const rows = await db.publication.findMany({ where: { id: { in: ids } }, select });
  if (rows.length === ids.length || db === prisma) return rows;
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  return [...rows, ...(await prisma.publication.findMany({ where: { id: { in: missing }, status: 'published' }, select }))];
}

/** The title in its own language, the summary in the catalogue's (the fields as the index stems them). */
function snippetsOf(row: { title: string; summary: string; languages: { code: string }[] }, query: SearchQuery): Snippets {
  const language = fieldLanguages(row.languages.map((l) => l.code));
  return { title: highlight(row.title, query, language.title), summary: snippet(row.summary, query, undefined, language.summary) };
}

export async function searchPublications(requested: CatalogueParams): Promise<CatalogueResult> {
  const db = await publicDb();
  const params = await withKnownFacetValues(db, requested);

  const countryFind = foldText(params.findCountry);
  // Country names come from the same cache as the facet labels.
  const countryNames = countryFind ? (await getTaxonomyLabels(db, store.generation)).country : null;
  const authorMatches = params.findAuthor ? await findAuthors(db, params.findAuthor) : null;
  const query = parseQuery(params.q);
  const index = await store.current(db);
  const result = index.search(params, query, {
    facetLimit: FACET_LIMIT,
    facetFilter: {
      ...(countryNames && { country: (code: string) => foldText(countryNames.get(code) ?? '').includes(countryFind) }),
      ...(authorMatches && { author: (slug: string) => authorMatches.has(slug) }),
    },
  });
  params.page = result.page;

  const [rows, labels] = await Promise.all([
    readItems(db, result.ids),
    facetLabels(
      db,
      result.facets.author.map((f) => f.value),
      {
        country: result.facets.country.map((f) => f.value),
        region: result.facets.region.map((f) => f.value),
        category: result.facets.category.map((f) => f.value),
      },
      result.facets.language.map((f) => f.value),
    ),
  ]);
  const position = new Map(result.ids.map((id, i) => [id, i]));
  rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);

  const facets = {} as Record<Facet, FacetValue[]>;
  for (const facet of FACETS) {
    facets[facet] = result.facets[facet]
      .map((f) => ({ ...f, label: facet === 'year' ? f.value : (labels[facet].get(f.value) ?? f.value) }))
      .sort(compareFacetValues(facet));
  }

  return {
    total: result.total,
    page: result.page,
    pageSize: PAGE_SIZE,
    pageCount: result.pageCount,
    items: rows.map((row) => ({
      ...toItem(row),
      snippets: query.empty ? null : snippetsOf(row, query),
    })),
    facets,
    facetSizes: result.facetSizes,
    params,
  };
}

export async function getPublication(slug: string): Promise<PublicationDetail | null> {
  if (!isPublicationSlug(slug)) return null;
  const db = await publicDb();
  const row = await db.publication.findUnique({ where: { slug, status: 'published' }, select: detailSelect });
  return row && toDetail(row);
}

/** Whether the slug names a publication that was public and is no longer: its URLs answer 410 Gone. */
export async function isWithdrawn(slug: string): Promise<boolean> {
  if (!isPublicationSlug(slug)) return false;
  return (await (await publicDb()).publicationTombstone.count({ where: { slug } })) > 0;
}

/**
 * Whether the slug names a published publication, one that was public and is no longer (410 Gone), or
 * nothing. `ownWrites`: the request is from signed-in staff (the proxy reads cookies from the request itself).
 */
export async function publicationState(slug: string, { ownWrites }: { ownWrites: boolean }): Promise<'published' | 'gone' | 'missing'> {
  if (!isPublicationSlug(slug)) return 'missing';
  const db = reader({ ownWrites });
  if ((await db.publication.count({ where: { slug, status: 'published' } })) > 0) return 'published';
  return (await db.publicationTombstone.count({ where: { slug } })) > 0 ? 'gone' : 'missing';
}

/**
 * Every published publication a catalogue query matches — no page limit — in the catalogue's order, a
 * batch at a time (the CSV and JSON exports). The ids come from the search index page by page, exactly as
 * the catalogue pages them, so the export is the catalogue's result set whatever the filters and sort;
 * an id a concurrent edit moves to a later page is not repeated.
 */
export async function* listAllPublications(requested: CatalogueParams, batchSize = 500): AsyncGenerator<PublicationDetail[]> {
  const db = await publicDb();
  const params = await withKnownFacetValues(db, { ...requested, page: 1 });
  const index = await store.current(db);
  // One search for the whole result set, in catalogue order; rows are then read in batches.
  const { ids } = index.search(params, parseQuery(params.q), { facetLimit: 0, pageSize: Number.MAX_SAFE_INTEGER });
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize);
    const rows = await db.publication.findMany({
      where: { id: { in: batch }, status: 'published' },
      select: { id: true, ...detailSelect },
    });
    const position = new Map(batch.map((id, i) => [id, i]));
    rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    yield rows.map(toDetail);
  }
}

/** Items per feed. */
export const FEED_SIZE = 50;
/** Rows per query while walking the catalogue newest first, and ids per `IN (…)` when reading matches. */
type NewestPaging = { walkPage: number; idChunk: number };
const NEWEST_PAGING: NewestPaging = { walkPage: 1_000, idChunk: 500 };

type Dated = { id: number; publishedAt: Date | null };
const newerFirst = (a: Dated, b: Dated) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || b.id - a.id;

/**
 * The ids of the `limit` most recently published of `ids`, newest first (ties: higher id first). The
 * index has no publication dates, so the database orders them, two ways, whichever is cheaper:
 * - walk the published rows newest first (the publishedAt index, keyset pages of (id, publishedAt)) and
 *   keep those among `ids`: about limit × catalogue ÷ matches rows, cheap when the matches are many;
 * - read (id, publishedAt) of every match, `idChunk` ids a query, and keep the newest in memory:
 *   as many rows as matches, cheap when they are few.
 * The walk stops once it has read as many rows as there are matches, then the second way finishes: a
 * query never costs more than about twice the cheaper of the two, and no query sends more than
 * `idChunk` ids as parameters.
 */
async function newestAmong(db: Db, ids: number[], limit: number, { walkPage, idChunk }: NewestPaging): Promise<number[]> {
  const wanted = new Set(ids);
  const found: number[] = [];
  let cursor: Dated | null = null;
  for (let scanned = 0; scanned < ids.length; ) {
    const take = Math.min(walkPage, ids.length - scanned);
    const rows: Dated[] = await db.publication.findMany({
      where: {
        status: 'published',
        publishedAt: { not: null },
        ...(cursor && {
          OR: [{ publishedAt: { lt: cursor.publishedAt! } }, { publishedAt: cursor.publishedAt!, id: { lt: cursor.id } }],
        }),
      },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take,
      select: { id: true, publishedAt: true },
    });
    for (const row of rows) {
      if (!wanted.has(row.id)) continue;
      found.push(row.id);
      if (found.length === limit) return found;
    }
    if (rows.length < take) return found; // the whole catalogue was walked
    scanned += rows.length;
    cursor = rows.at(-1)!;
  }
  let newest: Dated[] = [];
  for (let start = 0; start < ids.length; start += idChunk) {
    const rows = await db.publication.findMany({
      where: { id: { in: ids.slice(start, start + idChunk) }, status: 'published', publishedAt: { not: null } },
      select: { id: true, publishedAt: true },
    });
    newest = [...newest, ...rows].sort(newerFirst).slice(0, limit);
  }
  return newest.map((row) => row.id);
}

export type NewestPublications = {
  /** The parameters applied: unknown facet values dropped; sort and page do not apply to a feed. */
  params: CatalogueParams;
  /** Names of the selected country, region, category and author values, by value. */
  labels: Record<'country' | 'region' | 'category' | 'author' | 'language', Record<string, string>>;
  items: PublicationDetail[];
};

/**
 * The publications a catalogue query matches that were most recently added to the catalogue (by
 * publishedAt, not by year), newest first, at most `limit`: the feeds. Published records only; every
 * published record has a publishedAt (set on first publication, backfilled by its migration). Without
 * filters the database answers alone (the publishedAt index, `limit` rows); with filters the index gives
 * the matching ids and `newestAmong` picks the newest of them. `paging` is for tests (small pages on small data).
 */
export async function listNewestPublications(
  requested: CatalogueParams,
  limit = FEED_SIZE,
  paging: NewestPaging = NEWEST_PAGING,
): Promise<NewestPublications> {
  const db = await publicDb();
  const { params, labels: known } = await knownFacetValues(db, { ...requested, page: 1, sort: defaultSort(requested.q), findCountry: '', findAuthor: '' });
  const labels = {} as NewestPublications['labels'];
  for (const facet of ['country', 'region', 'category', 'author', 'language'] as const) {
    labels[facet] = Object.fromEntries(params[facet].map((v) => [v, known[facet].get(v) ?? v]));
  }

  let rows: (DetailRow & { id: number })[];
  if (!hasFilters(params)) {
    rows = await db.publication.findMany({
      where: { status: 'published', publishedAt: { not: null } },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: { id: true, ...detailSelect },
    });
  } else {
    const index = await store.current(db);
    // Any order will do (newestAmong reorders): 'newest' walks the index's cached order, no scoring.
    const { ids } = index.search({ ...params, sort: 'newest' }, parseQuery(params.q), { facetLimit: 0, pageSize: Number.MAX_SAFE_INTEGER });
    const newest = await newestAmong(db, ids, limit, paging);
    const position = new Map(newest.map((id, i) => [id, i]));
    rows = await db.publication.findMany({ where: { id: { in: newest }, status: 'published' }, select: { id: true, ...detailSelect } });
    rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  }
  return { params, labels, items: rows.map(toDetail) };
}
