import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { FACETS, parseCatalogueParams, type Facet } from '@/lib/catalogue/params';
import { catalogueQuery } from '@/lib/catalogue/url';
import { FACET_LIMIT, searchPublications } from '@/lib/data/catalogue';
import { parseQuery, type Clause } from '@/lib/search/query';
import { catalogueChanged } from '@/lib/publications/changes';
import { dialect } from '@/lib/sql/dialect';
import { stemKey, textLanguage, tokenize, type TextLanguage } from '@/lib/search/tokenize';
import { attachFile } from '@/lib/files/files';
import { makeDocx, makePdf } from '@/tests/fixtures/documents';

// Brute force over every record in plain TypeScript, written independently of the query layer.
type Row = {
  id: number;
  /** Per searchable field (and per page of each attached file): its stemming language, the stems and the folded words, in order. */
  fields: { language: TextLanguage; terms: string[]; surfaces: string[] }[];
  year: number | null;
  category: string | null;
  countries: string[];
  regions: string[];
  authors: string[];
  /** Its translation group, null when none. */
  group: number | null;
  languages: string[];
};

let rows: Row[] = [];
let regionsOf = new Map<string, string[]>();
let pools: Record<Facet, string[]>;

/**
 * Translation groups over the sample (which has none): works of two and of three, so that every query
 * below also runs with grouped results. The index only needs the group ids; the language rule of the
 * staff form is not what is tested here.
 */
async function groupSomePublications() {
  const ids = (await prisma.publication.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((p) => p.id);
  const works: number[][] = [];
  for (let i = 0; i + 2 < ids.length; i += 7) works.push(i % 2 === 0 ? [ids[i]!, ids[i + 1]!] : [ids[i]!, ids[i + 1]!, ids[i + 2]!]);
  await prisma.$transaction(async (tx) => {
    for (const work of works) {
      const group = await tx.translationGroup.create({ data: {} });
      await tx.publication.updateMany({ where: { id: { in: work } }, data: { translationGroupId: group.id } });
    }
    await catalogueChanged(tx, works.flat());
  });
}

/**
 * Documents on some sample records (and one draft's, never to be found): English, French by the file's own
 * language and by the record's main one, a DOCX, words found nowhere else and words of the query mix,
 * phrases within a page and across two.
 */
async function attachSomeDocuments() {
  const publications = await prisma.publication.findMany({ select: { id: true, languages: { orderBy: { position: 'asc' } } }, orderBy: { id: 'asc' } });
  const english = publications.filter((p) => p.languages[0]?.code === 'en');
  const french = publications.find((p) => p.languages[0]?.code === 'fr')!;
  const draft = await prisma.publication.create({ data: { slug: 'oracle-draft-with-document', title: 'Oracle draft', summary: 'Draft.', status: 'draft' } });
  const documents: [number, Buffer, string, string | undefined][] = [
    [english[0]!.id, makePdf(['Quokkaharbour inspection notes on forced labour wombatgate.', 'Dingofield: the wallaby ranching season\nand child labour.', 'Final page wallaby']), 'a.pdf', undefined],
    [english[1]!.id, makePdf(['Ranching starts here. Quokkaharbour again, with victims of trafficking.']), 'b.pdf', undefined],
    [english[2]!.id, makePdf(['La traite des êtres humains et les victimes dans les ports.', 'Évaluations des lacunes.']), 'c.pdf', 'fr'],
    [french.id, makePdf(['Rapport sur les travailleurs saisonniers exploités par des intermédiaires.']), 'd.pdf', undefined],
    [english[3]!.id, makeDocx(['Numbatcreek handbook for referral of migrants.', 'Second paragraph.']), 'e.docx', undefined],
    [draft.id, makePdf(['Quokkaharbour draft text with bilbyvalley.']), 'f.pdf', undefined],
  ];
  const run = <T,>(write: (tx: typeof prisma) => Promise<T>) => prisma.$transaction((tx) => write(tx as typeof prisma), { timeout: 60_000 });
  for (const [id, bytes, fileName, language] of documents) {
    const attached = await attachFile(run, prisma, id, { bytes, fileName, language }, { id: 1, name: 'Oracle' });
    expect(attached).toMatchObject({ ok: true, textStatus: 'ok' });
  }
}

beforeAll(async () => {
  await groupSomePublications();
  await attachSomeDocuments();
  const all = await prisma.publication.findMany({
    include: {
      category: true,
      countries: true,
      regions: { include: { region: true } },
      authors: { include: { author: true } },
      languages: { orderBy: { position: 'asc' } },
    },
  });
  const texts = new Map((await dialect(prisma).readSearchText(prisma)).map((t) => [t.id, t]));
  // The title is in the publication's first language (French and Spanish stemmed as such, any other as
  // English); summaries and names are the catalogue's English.
  const fieldsOf = (id: number, first: string | undefined) =>
    (['title', 'summary', 'names'] as const).map((field) => {
      const language: TextLanguage = field === 'title' && (first === 'fr' || first === 'es') ? first : 'en';
      const tokens = tokenize(texts.get(id)![field], language);
      return { language, terms: tokens.map((t) => t.term), surfaces: tokens.map((t) => t.surface) };
    });
  // Each page of a published record's files, in the file's language (else the record's main one).
  const files = await prisma.publicationFile.findMany({ where: { textStatus: 'ok' }, orderBy: [{ publicationId: 'asc' }, { position: 'asc' }] });
  const pagesOf = (id: number, first: string | undefined) =>
    files
      .filter((f) => f.publicationId === id)
      .flatMap((f) => f.text.split('\f').map((page) => ({ page, language: textLanguage(f.language ?? first) })))
      .map(({ page, language }) => {
        const tokens = tokenize(page, language);
        return { language, terms: tokens.map((t) => t.term), surfaces: tokens.map((t) => t.surface) };
      });
  rows = all.filter((p) => p.status === 'published').map((p) => ({
    id: p.id,
    fields: [...fieldsOf(p.id, p.languages[0]?.code), ...pagesOf(p.id, p.languages[0]?.code)],
    year: p.year,
    category: p.category?.slug ?? null,
    countries: p.countries.map((c) => c.countryCode),
    regions: p.regions.map((r) => r.region.slug),
    authors: p.authors.map((a) => a.author.slug),
    group: p.translationGroupId,
    languages: p.languages.map((l) => l.code),
  }));
  regionsOf = new Map();
  for (const m of await prisma.countryRegion.findMany({ include: { region: true } })) {
    regionsOf.set(m.countryCode, [...(regionsOf.get(m.countryCode) ?? []), m.region.slug]);
  }
  pools = {
    country: [...new Set(rows.flatMap((r) => r.countries))],
    region: (await prisma.region.findMany()).map((r) => r.slug),
    category: (await prisma.category.findMany()).map((c) => c.slug),
    author: [...new Set(rows.flatMap((r) => r.authors))],
    // A code no publication has too: it must count 0, selected.
    language: [...new Set([...rows.flatMap((r) => r.languages), 'de'])],
    year: [...new Set(rows.map((r) => r.year).filter((y) => y !== null).map(String))],
  };
});

/** A query word matches a field when its stem in the field's language is the field's word's. */
function clauseMatches(row: Row, clause: Clause): boolean {
  return row.fields.some(({ language, terms, surfaces }) => {
    if (clause.kind === 'term') return terms.includes(stemKey(clause.surface, language));
    if (clause.kind === 'prefix') return surfaces.some((s) => s.startsWith(clause.prefix));
    const phrase = clause.surfaces.map((s) => stemKey(s, language));
    return terms.some((_, i) => phrase.every((t, j) => terms[i + j] === t));
  });
}

function keysOf(row: Row, facet: Facet): string[] {
  if (facet === 'country') return row.countries;
  if (facet === 'region') return [...new Set([...row.regions, ...row.countries.flatMap((c) => regionsOf.get(c) ?? [])])];
  if (facet === 'category') return row.category ? [row.category] : [];
  if (facet === 'author') return row.authors;
  if (facet === 'language') return row.languages;
  return row.year === null ? [] : [String(row.year)];
}

type Query = { q: string; yearFrom: number | null; yearTo: number | null } & Record<Facet, string[]>;

function matches(row: Row, query: Query, except?: Facet): boolean {
  const text = parseQuery(query.q);
  if (!text.must.every((group) => group.some((clause) => clauseMatches(row, clause)))) return false;
  if (text.not.some((clause) => clauseMatches(row, clause))) return false;
  if (query.yearFrom !== null && (row.year === null || row.year < query.yearFrom)) return false;
  if (query.yearTo !== null && (row.year === null || row.year > query.yearTo)) return false;
  return FACETS.every((f) => f === except || query[f].length === 0 || keysOf(row, f).some((k) => query[f].includes(k)));
}

function expectedCounts(query: Query, facet: Facet): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows.filter((r) => matches(r, query, facet))) {
    for (const key of keysOf(row, facet)) counts[key] = (counts[key] ?? 0) + 1;
  }
  for (const value of query[facet]) counts[value] ??= 0;
  return counts;
}

/** The text of the random queries (empty = no text), in every form of the query language. */
const TEXT_QUERIES = [
  '', '', '', 'trafficking', 'labour', 'victims', 'children', 'etude', 'referral mechanism', 'europe',
  'trafficked', '"forced labour"', 'migrants -children', 'exploit*', 'asia OR africa', 'iom', 'handbook',
  '"national referral"', 'protection -"forced labour"', 'securite', 'unodc OR ilo', 'vict*', '"unbalanced',
  'traite des personnes', 'trata de personas',
  // Words of the attached documents only.
  'quokkaharbour', '"wallaby ranching"', 'saisonniers', 'numbatcreek OR ranching', 'quokka*',
];

// A fixed seed keeps failures reproducible; each case prints its URL. The queries are searched literally
// (literal=1): the oracle checks the words given, and a word finding nothing would otherwise be corrected
// (tests/integration/search.test.ts checks that a corrected search is the search of its correction).
function randomQueries(count: number, seed: number): Query[] {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const sample = (pool: string[], max: number) =>
    Array.from({ length: Math.floor(random() * (max + 1)) }, () => pool[Math.floor(random() * pool.length)]!).filter(
      (v, i, all) => all.indexOf(v) === i,
    );
  return Array.from({ length: count }, () => {
    const query: Query = {
      q: TEXT_QUERIES[Math.floor(random() * TEXT_QUERIES.length)]!,
      country: random() < 0.4 ? sample(pools.country, 3) : [],
      region: random() < 0.4 ? sample(pools.region, 2) : [],
      category: random() < 0.4 ? sample(pools.category, 2) : [],
      author: random() < 0.3 ? sample(pools.author, 2) : [],
      language: random() < 0.2 ? sample(pools.language, 2) : [],
      year: random() < 0.4 ? sample(pools.year, 3) : [],
      yearFrom: random() < 0.3 ? 2005 + Math.floor(random() * 15) : null,
      yearTo: random() < 0.3 ? 2012 + Math.floor(random() * 14) : null,
    };
    if (query.yearFrom !== null && query.yearTo !== null && query.yearFrom > query.yearTo) {
      [query.yearFrom, query.yearTo] = [query.yearTo, query.yearFrom];
    }
    return query;
  });
}

describe('facet oracle', () => {
  it('agrees with brute force on every count and total for 400 random queries', async () => {
    let nonEmpty = 0;
    for (const query of randomQueries(400, 42)) {
      const params = parseCatalogueParams({ ...query, year: query.year, yearFrom: query.yearFrom?.toString(), yearTo: query.yearTo?.toString(), literal: '1' });
      const label = `/?${catalogueQuery(params)}`;
      const result = await searchPublications(params);
      const matching = rows.filter((r) => matches(r, query));
      const total = matching.length;
      expect(result.total, label).toBe(total);
      // Grouped (the default): one result per work among the matches, publications counted everywhere else.
      const works = new Set(matching.map((r) => (r.group === null ? `p${r.id}` : `g${r.group}`)));
      expect(result.results, label).toBe(works.size);
      expect(result.pageCount, label).toBe(Math.max(1, Math.ceil(works.size / 20)));
      if (total > 0) nonEmpty++;
      for (const facet of FACETS) {
        const expected = expectedCounts(query, facet);
        const listed = result.facets[facet];
        // Every listed count is exact; at most FACET_LIMIT values are listed, the highest counts first.
        for (const value of listed) {
          expect(value.count, `${facet}=${value.value} for ${label}`).toBe(expected[value.value]);
          expect(value.selected, label).toBe(query[facet].includes(value.value));
        }
        const nonZero = Object.entries(expected).filter(([, count]) => count > 0);
        expect(result.facetSizes[facet], `${facet} size for ${label}`).toBe(nonZero.length);
        const listedValues = new Set(listed.map((v) => v.value));
        const lowestListed = Math.min(...listed.filter((v) => !v.selected).map((v) => v.count));
        for (const [value, count] of nonZero) {
          if (!listedValues.has(value)) expect(count, `${facet}=${value} unlisted for ${label}`).toBeLessThanOrEqual(lowestListed);
        }
        const listedNonZero = listed.filter((v) => v.count > 0).length;
        expect(listedNonZero).toBeGreaterThanOrEqual(Math.min(nonZero.length, FACET_LIMIT));
        expect(listedNonZero).toBeLessThanOrEqual(FACET_LIMIT + query[facet].length);
        for (const value of query[facet]) expect(listedValues.has(value), `${facet}=${value} selected for ${label}`).toBe(true);
      }
    }
    // The random queries must exercise real matches, not only empty results.
    expect(nonEmpty).toBeGreaterThan(120);
  });
});

describe('grouped translations oracle', () => {
  const pages = async (query: string) => {
    const items: { slug: string; translations: string[] }[] = [];
    const first = await searchPublications(parseCatalogueParams(new URLSearchParams(query)));
    for (let page = 1; page <= first.pageCount; page++) {
      const result = page === 1 ? first : await searchPublications(parseCatalogueParams(new URLSearchParams(`${query}&page=${page}`)));
      items.push(...result.items.map((i) => ({ slug: i.slug, translations: i.translations.map((t) => t.slug) })));
    }
    return items;
  };

  it('lists each work once, at the place of its best-ranked member, with its other matching members, on every page', async () => {
    const slugs = new Map((await prisma.publication.findMany({ select: { id: true, slug: true } })).map((p) => [p.id, p.slug]));
    const groupOf = new Map(rows.map((r) => [slugs.get(r.id)!, r.group]));
    // Main languages: a member without one is never offered as a link.
    const language = new Map((await prisma.publicationLanguage.findMany({ where: { position: 0 } })).map((l) => [slugs.get(l.publicationId)!, l.code]));
    let grouped = 0;
    for (const query of randomQueries(300, 7).filter((_, i) => i % 2 === 0)) {
      const params = parseCatalogueParams({ ...query, year: query.year, yearFrom: query.yearFrom?.toString(), yearTo: query.yearTo?.toString(), literal: '1' });
      const base = catalogueQuery({ ...params, translations: 'separate' });
      const separate = (await pages(base)).map((i) => i.slug);
      // Brute force from the separate list: a work shows where its first member stands, with the members after it.
      const expected: { slug: string; translations: string[] }[] = [];
      const seen = new Map<number, { slug: string; translations: string[] }>();
      for (const slug of separate) {
        const group = groupOf.get(slug) ?? null;
        const shown = group === null ? undefined : seen.get(group);
        if (shown) {
          if (language.has(slug)) shown.translations.push(slug);
          continue;
        }
        const entry = { slug, translations: [] };
        expected.push(entry);
        if (group !== null) seen.set(group, entry);
      }
      const label = `/?${catalogueQuery(params)}`;
      const actual = await pages(catalogueQuery({ ...params, translations: 'grouped' }));
      expect(actual, label).toEqual(expected);
      if (actual.length < separate.length) grouped++;
    }
    // Enough of the queries must match two members of one work for the check to mean something.
    expect(grouped).toBeGreaterThanOrEqual(5);
  });
});

// The database's own full-text index (FTS5 or tsvector), kept in step on every write, must agree with the in-memory index.
describe('full-text cross-check', () => {
  it('the database full-text index and the in-memory index match the same publications', async () => {
    const fixed = ['trafficking', 'trafficked victims', '"forced labour"', 'asia OR africa', 'labour -"forced labour"',
      'migrants -children', 'etude', 'personnes', '"national referral mechanisms"', 'unodc OR ilo handbook', 'liu',
      // French and Spanish titles, stemmed in their language: plural, singular, verb forms, phrases, exclusions.
      'traite des personnes', 'traites', '"traite des êtres humains"', 'évaluations lacunes', 'humain',
      'trata de personas', '"trata de personas"', 'persona', 'víctima', 'diagnósticos', 'trata -colombia',
      'explot*', 'personas OR traite',
      // Document text: English, French by file language and by main language, a DOCX, prefixes, phrases.
      'quokkaharbour', '"wallaby ranching"', 'ranching -wombatgate', 'exploités saisonnier', '"êtres humains" ports',
      'lacune', 'numbatcreek', 'quokka*', 'intermédiair*', '"inspection notes"',
      // Spelling variants: parseQuery makes each an OR of its spellings, which both databases' full text then stem on their own.
      'labor', '"forced labor"', 'organization', 'labor -"forced labour"', 'program*'];
    const queries = [...new Set([...fixed, ...TEXT_QUERIES.filter((q) => q !== '')])];
    for (const q of queries) {
      const fts = (await dialect(prisma).matchFullText(prisma, q)).sort((a, b) => a - b);
      const expected = rows.filter((r) => matches(r, { q, yearFrom: null, yearTo: null, country: [], region: [], category: [], author: [], language: [], year: [] })).map((r) => r.id).sort((a, b) => a - b);
      expect(fts, q).toEqual(expected);
      expect((await searchPublications(parseCatalogueParams({ q, literal: '1' }))).total, q).toBe(expected.length);
      if (fixed.includes(q)) expect(expected.length, `${q} should match something`).toBeGreaterThan(0);
      // Searched as typed by the page, a query whose word finds nothing is its correction's search, counts and all.
      const page = await searchPublications(parseCatalogueParams({ q }));
      if (expected.length > 0) expect(page.correction, q).toBeNull();
      if (page.correction) expect(page.total, q).toBe((await searchPublications(parseCatalogueParams({ q: page.correction.q, literal: '1' }))).total);
    }
    // Phrases hold within one field in one language: these words are all in a title, but not in this order.
    for (const q of ['"trata personas"', '"personnes des traite"', '"personas de trata"',
      // …and within one page of a document: these words end one page and start the next, and a draft's document is never searched.
      '"wombatgate dingofield"', '"ports évaluations"', 'bilbyvalley']) {
      expect(await dialect(prisma).matchFullText(prisma, q), q).toEqual([]);
      expect((await searchPublications(parseCatalogueParams({ q, literal: '1' }))).total, q).toBe(0);
    }
  });
});
