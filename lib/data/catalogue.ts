import 'server-only';
import { prisma, reader } from '@/lib/db';
import { publicDb } from '@/lib/data/public-db';
import { hostedFileSelect, toHostedFile, type HostedFile, type HostedFileRow } from '@/lib/files/hosted';
import { env, searchSnapshotFile } from '@/lib/env';
import { logEvent } from '@/lib/log';
import type { Db } from '@/lib/prisma-client';
import { languageName } from '@/lib/languages';
import { foldText, slugify } from '@/lib/text';
import { FACETS, PAGE_SIZE, defaultSort, hasFilters, type CatalogueParams, type Facet } from '@/lib/catalogue/params';
import { highlight, snippet, type Segment } from '@/lib/search/highlight';
import { fieldLanguages, fileLanguage, type CatalogueIndex, type DocumentHit, type YearCount } from '@/lib/search/catalogue-index';
import { correctQuery, rareWordHint, suggestQueries, type QueryCorrection } from '@/lib/search/correct';
import { parseQuery, type SearchQuery } from '@/lib/search/query';
import { IndexStore } from '@/lib/search/store';
import { dialect, type CardRow } from '@/lib/sql/dialect';
import { isPublicationSlug } from '@/lib/validation/publication';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@/lib/i18n/locales';
import { categoryName, compareNames, countryName, regionName, type TranslatedName } from '@/lib/i18n/names';

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

/**
 * Title and summary excerpt with the words that matched the text query marked; `document`: where in an
 * attached document the query matches, when some of it matches nowhere the card shows (title, names,
 * summary), else null.
 */
export type Snippets = { title: Segment[]; summary: Segment[]; document: DocumentMatch | null };

/** A match in a publication's document: its page (null for a file without pages: DOCX, plain text) and an excerpt around it. */
export type DocumentMatch = { page: number | null; snippet: Segment[]; /** The document's ISO 639-1 code, when known. */ language: string | null };

/** Words in a document excerpt on a card: shorter than the summary's, it comes on top of it. */
const DOCUMENT_SNIPPET_WORDS = 24;

/** Another published publication of the same work, in its main language. */
export type TranslationRef = { slug: string; title: string; language: string };

export type PublicationDetail = PublicationItem & {
  url: string | null;
  /** The other published members of its translation group, by language code (drafts are never shown). */
  translations: TranslationRef[];
  createdAt: Date;
  updatedAt: Date;
  /** When it was first published in the catalogue. */
  publishedAt: Date | null;
  /** Its attached files, the main document first (lib/files). */
  files: HostedFile[];
};

export type FacetValue = { value: string; label: string; count: number; selected: boolean };

/** Another matching publication of a result's work, shown as a link in its language. */
export type GroupedTranslation = { slug: string; language: string };

export type CatalogueResult = {
  /** Publications matching. */
  total: number;
  /** Results listed: with translations grouped, one per work (its best-ranked matching member). */
  results: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** `translations`: the other matching members of the result's work (none unless grouped). */
  items: (PublicationItem & { snippets: Snippets | null; translations: GroupedTranslation[] })[];
  facets: Record<Facet, FacetValue[]>;
  /** Distinct values each facet has among its matches, of which `facets` lists at most FACET_LIMIT. */
  facetSizes: Record<Facet, number>;
  /** Every year with matches, oldest first, with the year selection and range left out (the histogram's bars). */
  yearHistogram: YearCount[];
  /** The parameters actually applied: unknown facet values are dropped and the page clamped. */
  params: CatalogueParams;
  /** The spelling correction searched in place of `params.q` (null: the words as typed were searched). */
  correction: QueryCorrection | null;
  /**
   * "Did you mean": when nothing matches, other queries (one word replaced by a close word of the catalogue)
   * that match something; else the query with its rare words replaced by close words finding far more, if any.
   */
  suggestions: string[];
};

/**
 * The query searched for `params`: the words as typed, or their spelling correction (lib/search/correct.ts)
 * unless `literal`. Pages, exports and feeds all search the same.
 */
function searchedQuery(index: CatalogueIndex, params: CatalogueParams): { query: SearchQuery; correction: QueryCorrection | null } {
  const correction = params.literal || params.q === '' ? null : correctQuery(index, params.q);
  return { query: parseQuery(correction?.q ?? params.q), correction };
}

/** Values listed per facet; the find box reaches the rest. */
export const FACET_LIMIT = 50;

const translatedNamed = { slug: true, name: true, nameFr: true, nameEs: true } as const;

const itemSelect = {
  slug: true,
  title: true,
  summary: true,
  year: true,
  category: { select: translatedNamed },
  countries: { select: { country: { select: { code: true, name: true } } }, orderBy: { country: { name: 'asc' } } },
  regions: { select: { region: { select: translatedNamed } }, orderBy: { region: { name: 'asc' } } },
  authors: { select: { author: { select: { slug: true, name: true } } }, orderBy: { position: 'asc' } },
  languages: { select: { code: true }, orderBy: { position: 'asc' } },
} as const;

const memberSelect = {
  id: true,
  slug: true,
  title: true,
  translationGroupId: true,
  languages: { select: { code: true }, orderBy: { position: 'asc' }, take: 1 },
} as const;

const detailSelect = { ...itemSelect, url: true, createdAt: true, updatedAt: true, publishedAt: true, id: true, translationGroupId: true, files: hostedFileSelect } as const;

type TranslatedNamed = Named & TranslatedName;

/** A publication row as Prisma's nested select (itemSelect) reads it. */
type ItemRow = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  year: number | null;
  category: TranslatedNamed | null;
  countries: { country: CountryRef }[];
  regions: { region: TranslatedNamed }[];
  authors: { author: Named }[];
  languages: { code: string }[];
};

type MemberRow = { id: number; slug: string; title: string; translationGroupId: number | null; languages: { code: string }[] };
type DetailRow = ItemRow & {
  url: string | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  translationGroupId: number | null;
  files: HostedFileRow[];
};
/** The published members of translation groups, by group id. */
type Members = Map<number, MemberRow[]>;

/** The nested row flattened to what the results page reads in one statement (lib/sql `readCards`). */
function cardOf(row: ItemRow): CardRow {
  return {
    id: row.id,
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

/**
 * The published members of the rows' translation groups, in one query, none when no row is in a group.
 * Not Prisma's nested select of the group's publications: for a row in no group it scanned every
 * publication (55 ms a detail page at 100,000).
 */
async function groupMembers(db: Db, rows: DetailRow[]): Promise<Members> {
  const groups = [...new Set(rows.flatMap((r) => (r.translationGroupId === null ? [] : [r.translationGroupId])))];
  const members: Members = new Map();
  if (groups.length === 0) return members;
  const found = await db.publication.findMany({ where: { translationGroupId: { in: groups }, status: 'published' }, select: memberSelect });
  for (const member of found) {
    const list = members.get(member.translationGroupId!);
    if (list) list.push(member);
    else members.set(member.translationGroupId!, [member]);
  }
  return members;
}

/** The other members, each in its main language (the group's rule gives every member one), ordered by it. */
function translationsOf(id: number, group: MemberRow[] | undefined): TranslationRef[] {
  return (group ?? [])
    .filter((p) => p.id !== id && p.languages[0])
    .map((p) => ({ slug: p.slug, title: p.title, language: p.languages[0]!.code }))
    .sort((a, b) => (a.language < b.language ? -1 : a.language > b.language ? 1 : 0));
}

/** Countries and regions by name in the locale; English keeps the database's order. */
function byName<T extends { name: string }>(list: T[], locale: Locale): T[] {
  if (locale === DEFAULT_LOCALE) return list;
  const compare = compareNames(locale);
  return [...list].sort((a, b) => compare(a.name, b.name));
}

/** A row as the reader sees it: names of its category, countries and regions in the locale. */
function toItem(row: CardRow, locale: Locale = DEFAULT_LOCALE): PublicationItem {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    year: row.year,
    category: row.category && { slug: row.category.slug, name: categoryName(row.category, locale) },
    countries: byName(
      row.countries.map((country) => (locale === DEFAULT_LOCALE ? { code: country.code, name: country.name } : { code: country.code, name: countryName(country.code, locale) })),
      locale,
    ),
    regions: byName(
      row.regions.map((region) => ({ slug: region.slug, name: regionName(region, locale) })),
      locale,
    ),
    authors: row.authors.map((a) => ({ slug: a.slug, name: a.name })),
    languages: row.languages,
  };
}

function toDetail(row: DetailRow, members: Members, locale: Locale = DEFAULT_LOCALE): PublicationDetail {
  return {
    ...toItem(cardOf(row), locale),
    url: row.url,
    translations: translationsOf(row.id, row.translationGroupId === null ? undefined : members.get(row.translationGroupId)),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    files: row.files.map((file) => toHostedFile(row.slug, file)),
  };
}

// One index per process, kept across hot reloads in development.
const globalForIndex = globalThis as unknown as { catalogueIndex?: IndexStore };
const snapshotFile = searchSnapshotFile();
const store = (globalForIndex.catalogueIndex ??= new IndexStore(snapshotFile ? { file: snapshotFile } : null));

/**
 * Loads the search index now, in the background, for a production server starting (instrumentation.ts):
 * the first request then finds it ready, and readiness checks (`store.ready`) can tell when it is.
 */
export function warmCatalogueIndex(): void {
  if (env.NODE_ENV !== 'production') return;
  const started = performance.now();
  store.current(reader({ ownWrites: false })).then(
    (index) => logEvent('search-index-ready', { size: index.size, ms: Math.round(performance.now() - started) }),
    // The first request tries again.
    (error: Error) => logEvent('search-index-failed', { error: error.message }),
  );
}

type Labels = Record<Facet, Map<string, string>>;
type TaxonomyLabels = Omit<Labels, 'author' | 'language' | 'year'>;

// Country, region, category and author names change only with the taxonomy (lib/taxonomy/admin.ts), whose
// every rename and merge logs a change that rebuilds the index: cache them per rebuild. They are read from
// the primary, which is never behind the index: a replica lagging behind a rebuild fed from the primary
// would fill this rebuild's cache with the names from before it, and nothing would correct them until the
// next rebuild. These reads are rare (once per rebuild, and authors once each), so the primary barely notices.
let taxonomyLabels: { generation: number; labels: Promise<Record<Locale, TaxonomyLabels>> } | null = null;

function getTaxonomyLabels(generation: number): Promise<Record<Locale, TaxonomyLabels>> {
  if (taxonomyLabels?.generation !== generation) {
    const labels = Promise.all([
      prisma.country.findMany({ select: { code: true, name: true } }),
      prisma.region.findMany({ select: translatedNamed }),
      prisma.category.findMany({ select: translatedNamed }),
    ]).then(([countries, regions, categories]) => {
      const inLocale = (locale: Locale): TaxonomyLabels => ({
        // English keeps the stored names; the others come from the ISO package (lib/i18n/names).
        country: new Map(countries.map((c) => [c.code, locale === DEFAULT_LOCALE ? c.name : countryName(c.code, locale)])),
        region: new Map(regions.map((r) => [r.slug, regionName(r, locale)])),
        category: new Map(categories.map((c) => [c.slug, categoryName(c, locale)])),
      });
      return Object.fromEntries(LOCALES.map((l) => [l, inLocale(l)])) as Record<Locale, TaxonomyLabels>;
    });
    taxonomyLabels = { generation, labels };
    labels.catch(() => (taxonomyLabels = null));
  }
  return taxonomyLabels.labels;
}

/** Author names by slug, filled as facets and filters name authors: at most every author, once per rebuild. */
let authorNames: { generation: number; names: Map<string, string> } | null = null;
/** Slugs per `IN (…)` list, far below either database's parameter limit. */
const SLUG_CHUNK = 500;

async function getAuthorNames(slugs: string[], generation: number): Promise<Map<string, string>> {
  if (authorNames?.generation !== generation) authorNames = { generation, names: new Map() };
  const { names } = authorNames;
  const missing = [...new Set(slugs.filter((slug) => !names.has(slug)))];
  for (let start = 0; start < missing.length; start += SLUG_CHUNK) {
    const rows = await prisma.author.findMany({ where: { slug: { in: missing.slice(start, start + SLUG_CHUNK) } }, select: { slug: true, name: true } });
    // A rebuild while this read ran started a new cache: these names belong to the old one.
    if (authorNames.generation === generation) for (const row of rows) names.set(row.slug, row.name);
  }
  return new Map(slugs.flatMap((slug) => (names.has(slug) ? [[slug, names.get(slug)!] as const] : [])));
}

type TaxonomyValues = Record<'country' | 'region' | 'category', string[]>;

/** Language names come from the runtime (lib/i18n/names), not the database. */
const languageLabels = (codes: string[], locale: Locale) => new Map(codes.map((code) => [code, languageName(code, locale)]));

/**
 * Names of facet values in the locale, keyed by value; values that name nothing are absent. `generation`:
 * the index's, read after bringing it up to date (store.current), so that no name predates the index.
 * A taxonomy value missing from the cache (a category created since) reloads it once.
 */
async function facetLabels(authors: string[], taxonomyValues: TaxonomyValues, languages: string[], locale: Locale, generation: number): Promise<Labels> {
  const [all, author] = await Promise.all([getTaxonomyLabels(generation), getAuthorNames(authors, generation)]);
  let cached = all[locale];
  const missing = (['country', 'region', 'category'] as const).some((f) => taxonomyValues[f].some((v) => !cached[f].has(v)));
  if (missing) {
    if (taxonomyLabels?.generation === generation) taxonomyLabels = null;
    cached = (await getTaxonomyLabels(generation))[locale];
  }
  return { ...cached, author, language: languageLabels(languages, locale), year: new Map() };
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

/** Most matches first; equal counts by name in the reader's collation (years: newest first). */
function compareFacetValues(facet: Facet, locale: Locale) {
  const compare = compareNames(locale);
  return (a: FacetValue, b: FacetValue) =>
    facet === 'year' ? Number(b.value) - Number(a.value) : b.count - a.count || compare(a.label, b.label);
}

/**
 * Facet values that name nothing in the catalogue are ignored, as if absent from the URL; with the names of
 * the values in the locale (the feeds' titles). `generation`: as for facetLabels.
 */
async function knownFacetValues(requested: CatalogueParams, locale: Locale, generation: number): Promise<{ params: CatalogueParams; labels: Labels }> {
  const labels = await facetLabels(requested.author, requested, requested.language, locale, generation);
  const params: CatalogueParams = { ...requested };
  for (const facet of ['country', 'region', 'category', 'author'] as const) {
    params[facet] = requested[facet].filter((v) => labels[facet].has(v));
  }
  return { params, labels };
}

/**
 * The cards of the published publications among `ids`, by id, in one statement. An index refreshed by a
 * staff request (from the primary) can be ahead of a replica: rows the replica does not have yet are read
 * from the primary.
 */
async function readCards(db: Db, ids: number[]): Promise<Map<number, CardRow>> {
  const rows = await dialect(db).readCards(db, ids);
  if (rows.length < ids.length && db !== prisma) {
    const found = new Set(rows.map((r) => r.id));
    rows.push(...(await dialect(prisma).readCards(prisma, ids.filter((id) => !found.has(id)))));
  }
  return new Map(rows.map((row) => [row.id, row]));
}

/** The title in its own language, the summary in the catalogue's (the fields as the index stems them). */
function snippetsOf(row: CardRow, query: SearchQuery, document: DocumentMatch | null): Snippets {
  const language = fieldLanguages(row.languages);
  return { title: highlight(row.title, query, language.title), summary: snippet(row.summary, query, undefined, language.summary), document };
}

/**
 * The document matches of a page's cards: for each hit the index gave, the piece of text it lies in (at most
 * a few kilobytes: lib/search/document-text.ts), read in one statement, and an excerpt of it.
 */
async function documentMatches(db: Db, hits: Map<number, DocumentHit>, cards: Map<number, CardRow>, query: SearchQuery): Promise<Map<number, DocumentMatch>> {
  const matches = new Map<number, DocumentMatch>();
  if (hits.size === 0) return matches;
  const pieces = await dialect(db).readFilePieces(db, [...hits.values()]);
  const pieceOf = new Map(pieces.map((p) => [`${p.fileId}:${p.start}`, p]));
  for (const [id, hit] of hits) {
    const piece = pieceOf.get(`${hit.fileId}:${hit.start}`);
    const row = cards.get(id);
    if (!piece || !row) continue;
    const segments = snippet(piece.text, query, DOCUMENT_SNIPPET_WORDS, fileLanguage(piece.language, row.languages));
    // A piece that no longer holds the words (its file changed since the index read it): no line rather than a wrong one.
    if (segments.some((s) => s.mark)) matches.set(id, { page: hit.page, snippet: segments, language: piece.language ?? row.languages[0] ?? null });
  }
  return matches;
}

/**
 * `locale`: the language of the names of facet values and of each item's category, countries and regions.
 * `allCountries`: the country facet lists every country with matches, not only the first FACET_LIMIT (the map).
 */
export async function searchPublications(
  requested: CatalogueParams,
  locale: Locale = DEFAULT_LOCALE,
  { allCountries = false }: { allCountries?: boolean } = {},
): Promise<CatalogueResult> {
  const db = await publicDb();
  const index = await store.current(db);
  const generation = store.generation;
  const { params } = await knownFacetValues(requested, DEFAULT_LOCALE, generation);

  const countryFind = foldText(params.findCountry);
  // Country names come from the same cache as the facet labels. The find box matches the reader's name
  // and the English one (a French reader may well type "Egypt").
  const countryNames = countryFind ? await getTaxonomyLabels(generation) : null;
  const countryMatches = (code: string) =>
    [countryNames![locale], countryNames![DEFAULT_LOCALE]].some((names) => foldText(names.country.get(code) ?? '').includes(countryFind));
  const authorMatches = params.findAuthor ? await findAuthors(db, params.findAuthor) : null;
  const { query, correction } = searchedQuery(index, params);
  const result = index.search(params, query, {
    facetLimit: FACET_LIMIT,
    ...(allCountries && { facetLimits: { country: Infinity } }),
    yearHistogram: true,
    facetFilter: {
      ...(countryNames && { country: countryMatches }),
      ...(authorMatches && { author: (slug: string) => authorMatches.has(slug) }),
    },
  });
  params.page = result.page;

  // The page's cards and its grouped translations' (a member is shown by slug and main language) in one read.
  const memberIds = (result.translations ?? []).flat();
  const [cards, labels] = await Promise.all([
    readCards(db, [...new Set([...result.ids, ...memberIds])]),
    facetLabels(
      result.facets.author.map((f) => f.value),
      {
        country: result.facets.country.map((f) => f.value),
        region: result.facets.region.map((f) => f.value),
        category: result.facets.category.map((f) => f.value),
      },
      result.facets.language.map((f) => f.value),
      locale,
      generation,
    ),
  ]);
  const memberOf = (id: number): GroupedTranslation[] => {
    const member = cards.get(id);
    return member?.languages[0] ? [{ slug: member.slug, language: member.languages[0] }] : [];
  };
  const documents = query.empty ? new Map<number, DocumentMatch>() : await documentMatches(db, index.documentHits(result.ids, query), cards, query);
  // An id whose row is gone (deleted or withdrawn since the index last looked) is left out of the page.
  const page = result.ids.flatMap((id, i) => {
    const row = cards.get(id);
    return row ? [{ row, translations: (result.translations?.[i] ?? []).flatMap(memberOf) }] : [];
  });

  const facets = {} as Record<Facet, FacetValue[]>;
  for (const facet of FACETS) {
    facets[facet] = result.facets[facet]
      .map((f) => ({ ...f, label: facet === 'year' ? f.value : (labels[facet].get(f.value) ?? f.value) }))
      .sort(compareFacetValues(facet, locale));
  }

  return {
    total: result.total,
    results: result.results,
    page: result.page,
    pageSize: PAGE_SIZE,
    pageCount: result.pageCount,
    items: page.map(({ row, translations }) => ({
      ...toItem(row, locale),
      snippets: query.empty ? null : snippetsOf(row, query, documents.get(row.id) ?? null),
      translations,
    })),
    facets,
    facetSizes: result.facetSizes,
    yearHistogram: result.yearHistogram ?? [],
    params,
    correction,
    suggestions: query.empty ? [] : suggestionsFor(index, params, correction?.q ?? params.q, result.total),
  };
}

function suggestionsFor(index: CatalogueIndex, params: CatalogueParams, q: string, total: number): string[] {
  if (total === 0) return suggestQueries(index, q, (alternative) => index.search({ ...params, page: 1 }, parseQuery(alternative), { facetLimit: 0, pageSize: 1 }).total);
  const hint = rareWordHint(index, q);
  return hint === null ? [] : [hint];
}

export async function getPublication(slug: string, locale: Locale = DEFAULT_LOCALE): Promise<PublicationDetail | null> {
  if (!isPublicationSlug(slug)) return null;
  const db = await publicDb();
  const row = await db.publication.findUnique({ where: { slug, status: 'published' }, select: detailSelect });
  return row && toDetail(row, await groupMembers(db, [row]), locale);
}

/** What a related publication's card shows: a link to it and a line of facts. */
export type RelatedPublication = Pick<PublicationItem, 'slug' | 'title' | 'year' | 'category' | 'countries' | 'languages'>;

/** A publication's page: the record and its related publications. */
export type PublicationPage = { publication: PublicationDetail; related: RelatedPublication[] };

/**
 * The related publications' cards, best first: the ranking from the search index alone
 * (CatalogueIndex.related), the cards in one statement, as the results page reads them.
 */
async function relatedCards(db: Db, publication: { id: number; title: string; summary: string }, locale: Locale): Promise<RelatedPublication[]> {
  const index = await store.current(db);
  const ids = index.related(publication.id, publication);
  if (ids.length === 0) return [];
  const cards = await readCards(db, ids);
  // An id whose row is gone (deleted or withdrawn since the index last looked) is left out.
  return ids.flatMap((id) => {
    const row = cards.get(id);
    if (!row) return [];
    const { slug, title, year, category, countries, languages } = toItem(row, locale);
    return [{ slug, title, year, category, countries, languages }];
  });
}

/** Up to six publications related to a published one (lib/search/related.ts); [] for one not public. */
export async function listRelatedPublications(publication: { id: number; title: string; summary: string }, locale: Locale = DEFAULT_LOCALE): Promise<RelatedPublication[]> {
  return relatedCards(await publicDb(), publication, locale);
}

/** The publication's page (getPublication) with its related publications, read side by side. */
export async function getPublicationPage(slug: string, locale: Locale = DEFAULT_LOCALE): Promise<PublicationPage | null> {
  if (!isPublicationSlug(slug)) return null;
  const db = await publicDb();
  const row = await db.publication.findUnique({ where: { slug, status: 'published' }, select: detailSelect });
  if (!row) return null;
  const [members, related] = await Promise.all([groupMembers(db, [row]), relatedCards(db, row, locale)]);
  return { publication: toDetail(row, members, locale), related };
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
export async function* listAllPublications(
  requested: CatalogueParams,
  batchSize = 500,
  locale: Locale = DEFAULT_LOCALE,
): AsyncGenerator<PublicationDetail[]> {
  const db = await publicDb();
  const index = await store.current(db);
  const { params } = await knownFacetValues({ ...requested, page: 1 }, DEFAULT_LOCALE, store.generation);
  // One search for the whole result set, in catalogue order; rows are then read in batches.
  // Every publication, translations too: an export is records, not results.
  const { ids } = index.search({ ...params, translations: 'separate' }, searchedQuery(index, params).query, { facetLimit: 0, pageSize: Number.MAX_SAFE_INTEGER });
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize);
    const rows = await db.publication.findMany({
      where: { id: { in: batch }, status: 'published' },
      select: detailSelect,
    });
    const position = new Map(batch.map((id, i) => [id, i]));
    rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    const members = await groupMembers(db, rows);
    yield rows.map((row) => toDetail(row, members, locale));
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
  locale: Locale = DEFAULT_LOCALE,
): Promise<NewestPublications> {
  const db = await publicDb();
  const index = await store.current(db);
  const { params, labels: known } = await knownFacetValues(
    { ...requested, page: 1, sort: defaultSort(requested.q), findCountry: '', findAuthor: '' },
    locale,
    store.generation,
  );
  const labels = {} as NewestPublications['labels'];
  for (const facet of ['country', 'region', 'category', 'author', 'language'] as const) {
    labels[facet] = Object.fromEntries(params[facet].map((v) => [v, known[facet].get(v) ?? v]));
  }

  let rows: DetailRow[];
  if (!hasFilters(params)) {
    rows = await db.publication.findMany({
      where: { status: 'published', publishedAt: { not: null } },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: detailSelect,
    });
  } else {
    // Any order will do (newestAmong reorders): 'newest' walks the index's cached order, no scoring.
    const { ids } = index.search({ ...params, sort: 'newest', translations: 'separate' }, searchedQuery(index, params).query, { facetLimit: 0, pageSize: Number.MAX_SAFE_INTEGER });
    const newest = await newestAmong(db, ids, limit, paging);
    const position = new Map(newest.map((id, i) => [id, i]));
    rows = await db.publication.findMany({ where: { id: { in: newest }, status: 'published' }, select: detailSelect });
    rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  }
  const members = await groupMembers(db, rows);
  return { params, labels, items: rows.map((row) => toDetail(row, members, locale)) };
}

export type Suggestion = { value: string; label: string; count: number };
export type Suggestions = {
  /** Published publications whose title has the words (each at a word's start). */
  titles: { slug: string; title: string }[];
  /** Authors and countries whose name has them, most publications first. */
  authors: Suggestion[];
  countries: Suggestion[];
};

/** Per set of taxonomy labels and locale: each country's names (the locale's and English) folded, words separated by spaces. */
const countryNameCache = new WeakMap<Record<Locale, TaxonomyLabels>, Partial<Record<Locale, Map<string, string[]>>>>();

function foldedCountryNames(taxonomy: Record<Locale, TaxonomyLabels>, locale: Locale): Map<string, string[]> {
  const cached = countryNameCache.get(taxonomy) ?? {};
  countryNameCache.set(taxonomy, cached);
  return (cached[locale] ??= new Map(
    [...taxonomy[DEFAULT_LOCALE].country.keys()].map((code) => [
      code,
      [...new Set([taxonomy[locale].country.get(code), taxonomy[DEFAULT_LOCALE].country.get(code)])]
        .filter((name) => name !== undefined)
        .map((name) => foldText(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()),
    ]),
  ));
}

/** Titles, authors and countries suggested for the words typed so far. */
export const SUGGESTION_LIMIT = { titles: 5, authors: 3, countries: 3 } as const;

/**
 * Type-ahead for the search box: every word typed must start a word of the title or name (the last one
 * may be unfinished). Published publications only (the index holds nothing else), names in `locale`.
 */
export async function suggestPublications(q: string, locale: Locale = DEFAULT_LOCALE): Promise<Suggestions> {
  const db = await publicDb();
  const index = await store.current(db);
  const generation = store.generation;
  const words = foldText(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return { titles: [], authors: [], countries: [] };
  const ids = index.suggestTitles(words, SUGGESTION_LIMIT.titles);
  const [cards, taxonomy] = await Promise.all([readCards(db, ids), getTaxonomyLabels(generation)]);
  // Author slugs are their names folded (lib/text.ts slugify), so the index finds the words in them.
  const authors = index.suggestValues('author', words, SUGGESTION_LIMIT.authors);
  // A country is found by its name in the reader's language and in English (a French reader may type "Egypt").
  const names = foldedCountryNames(taxonomy, locale);
  const countries = index.suggestValues('country', words, SUGGESTION_LIMIT.countries, (code) => names.get(code) ?? []);
  const authorNames = await getAuthorNames(authors.map((a) => a.value), generation);
  return {
    titles: ids.flatMap((id) => {
      const card = cards.get(id);
      return card ? [{ slug: card.slug, title: card.title }] : [];
    }),
    authors: authors.map((a) => ({ ...a, label: authorNames.get(a.value) ?? a.value })),
    countries: countries.map((c) => ({ ...c, label: taxonomy[locale].country.get(c.value) ?? c.value })),
  };
}
