import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { FACETS, parseCatalogueParams, type Facet } from '@/lib/catalogue/params';
import { catalogueQuery } from '@/lib/catalogue/url';
import { searchPublications } from '@/lib/data/catalogue';

// Brute force over every record in plain TypeScript, written independently of the query layer.
type Row = {
  title: string;
  summary: string;
  year: number | null;
  category: string | null;
  countries: string[];
  regions: string[];
  authors: string[];
};

let rows: Row[] = [];
let regionsOf = new Map<string, string[]>();
let pools: Record<Facet, string[]>;

beforeAll(async () => {
  const all = await prisma.publication.findMany({
    include: {
      category: true,
      countries: true,
      regions: { include: { region: true } },
      authors: { include: { author: true } },
    },
  });
  rows = all.map((p) => ({
    title: p.title,
    summary: p.summary,
    year: p.year,
    category: p.category?.slug ?? null,
    countries: p.countries.map((c) => c.countryCode),
    regions: p.regions.map((r) => r.region.slug),
    authors: p.authors.map((a) => a.author.slug),
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
    year: [...new Set(rows.map((r) => r.year).filter((y) => y !== null).map(String))],
  };
});

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function keysOf(row: Row, facet: Facet): string[] {
  if (facet === 'country') return row.countries;
  if (facet === 'region') return [...new Set([...row.regions, ...row.countries.flatMap((c) => regionsOf.get(c) ?? [])])];
  if (facet === 'category') return row.category ? [row.category] : [];
  if (facet === 'author') return row.authors;
  return row.year === null ? [] : [String(row.year)];
}

type Query = { q: string; yearFrom: number | null; yearTo: number | null } & Record<Facet, string[]>;

function matches(row: Row, query: Query, except?: Facet): boolean {
  const words = fold(query.q).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const text = fold(`${row.title}\n${row.summary}`);
  if (!words.every((w) => text.includes(w))) return false;
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

// A fixed seed keeps failures reproducible; each case prints its URL.
function randomQueries(count: number, seed: number): Query[] {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const sample = (pool: string[], max: number) =>
    Array.from({ length: Math.floor(random() * (max + 1)) }, () => pool[Math.floor(random() * pool.length)]!).filter(
      (v, i, all) => all.indexOf(v) === i,
    );
  const words = ['', '', '', 'trafficking', 'labour', 'victims', 'children', 'etude', 'referral mechanism', 'europe'];
  return Array.from({ length: count }, () => {
    const query: Query = {
      q: words[Math.floor(random() * words.length)]!,
      country: random() < 0.4 ? sample(pools.country, 3) : [],
      region: random() < 0.4 ? sample(pools.region, 2) : [],
      category: random() < 0.4 ? sample(pools.category, 2) : [],
      author: random() < 0.3 ? sample(pools.author, 2) : [],
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
  it('agrees with brute force on every count and total for 300 random queries', async () => {
    let nonEmpty = 0;
    for (const query of randomQueries(300, 42)) {
      const params = parseCatalogueParams({ ...query, year: query.year, yearFrom: query.yearFrom?.toString(), yearTo: query.yearTo?.toString() });
      const label = `/?${catalogueQuery(params)}`;
      const result = await searchPublications(params);
      const total = rows.filter((r) => matches(r, query)).length;
      expect(result.total, label).toBe(total);
      if (total > 0) nonEmpty++;
      for (const facet of FACETS) {
        const actual = Object.fromEntries(result.facets[facet].map((f) => [f.value, f.count]));
        expect(actual, `${facet} counts for ${label}`).toEqual(expectedCounts(query, facet));
        for (const value of result.facets[facet]) expect(value.selected, label).toBe(query[facet].includes(value.value));
      }
    }
    // The random queries must exercise real matches, not only empty results.
    expect(nonEmpty).toBeGreaterThan(100);
  });
});
