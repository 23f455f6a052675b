import 'server-only';
import { cache } from 'react';
import { prisma } from '@/lib/db';
import { foldText } from '@/lib/text';
import { FACETS, PAGE_SIZE, type CatalogueParams, type Facet } from '@/lib/catalogue/params';
import { runQuery, type IndexedPublication } from '@/lib/search/facet-engine';

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
};

export type PublicationDetail = PublicationItem & {
  language: string | null;
  url: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type FacetValue = { value: string; label: string; count: number; selected: boolean };

export type CatalogueResult = {
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  items: PublicationItem[];
  facets: Record<Facet, FacetValue[]>;
  /** The parameters actually applied: unknown facet values are dropped and the page clamped. */
  params: CatalogueParams;
};

const itemSelect = {
  slug: true,
  title: true,
  summary: true,
  year: true,
  category: { select: { slug: true, name: true } },
  countries: { select: { country: { select: { code: true, name: true } } }, orderBy: { country: { name: 'asc' } } },
  regions: { select: { region: { select: { slug: true, name: true } } }, orderBy: { region: { name: 'asc' } } },
  authors: { select: { author: { select: { slug: true, name: true } } }, orderBy: { position: 'asc' } },
} as const;

type ItemRow = {
  slug: string;
  title: string;
  summary: string;
  year: number | null;
  category: Named | null;
  countries: { country: CountryRef }[];
  regions: { region: Named }[];
  authors: { author: Named }[];
};

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
  };
}

/** Labels of every facet value, keyed by the value used in URLs. */
const getFacetLabels = cache(async (): Promise<Record<Facet, Map<string, string>>> => {
  const [countries, regions, categories, authors] = await Promise.all([
    prisma.country.findMany({ select: { code: true, name: true } }),
    prisma.region.findMany({ select: { slug: true, name: true } }),
    prisma.category.findMany({ select: { slug: true, name: true } }),
    prisma.author.findMany({ select: { slug: true, name: true } }),
  ]);
  return {
    country: new Map(countries.map((c) => [c.code, c.name])),
    region: new Map(regions.map((r) => [r.slug, r.name])),
    category: new Map(categories.map((c) => [c.slug, c.name])),
    author: new Map(authors.map((a) => [a.slug, a.name])),
    year: new Map(),
  };
});

/** Every publication's facet keys and searchable text, read in one pass per request. */
const getIndex = cache(async (): Promise<IndexedPublication[]> => {
  const [rows, memberships] = await Promise.all([
    prisma.publication.findMany({
      select: {
        id: true,
        title: true,
        summary: true,
        year: true,
        category: { select: { slug: true } },
        countries: { select: { countryCode: true } },
        regions: { select: { region: { select: { slug: true } } } },
        authors: { select: { author: { select: { slug: true } } }, orderBy: { position: 'asc' } },
      },
    }),
    prisma.countryRegion.findMany({ select: { countryCode: true, region: { select: { slug: true } } } }),
  ]);
  const regionsOfCountry = new Map<string, string[]>();
  for (const m of memberships) {
    regionsOfCountry.set(m.countryCode, [...(regionsOfCountry.get(m.countryCode) ?? []), m.region.slug]);
  }
  return rows.map((row) => {
    const countries = row.countries.map((c) => c.countryCode);
    const regions = new Set(row.regions.map((r) => r.region.slug));
    for (const code of countries) for (const slug of regionsOfCountry.get(code) ?? []) regions.add(slug);
    return {
      id: row.id,
      title: row.title,
      year: row.year,
      category: row.category?.slug ?? null,
      countries,
      regions: [...regions],
      authors: row.authors.map((a) => a.author.slug),
      text: foldText(`${row.title}\n${row.summary}`),
    };
  });
});

function compareFacetValues(facet: Facet) {
  return (a: FacetValue, b: FacetValue) =>
    facet === 'year'
      ? Number(b.value) - Number(a.value)
      : b.count - a.count || a.label.localeCompare(b.label, 'en', { sensitivity: 'base' });
}

export async function searchPublications(requested: CatalogueParams): Promise<CatalogueResult> {
  const [labels, index] = await Promise.all([getFacetLabels(), getIndex()]);
  // Facet values that name nothing in the catalogue are ignored, as if absent from the URL.
  const params: CatalogueParams = { ...requested };
  params.country = requested.country.filter((v) => labels.country.has(v));
  params.region = requested.region.filter((v) => labels.region.has(v));
  params.category = requested.category.filter((v) => labels.category.has(v));
  params.author = requested.author.filter((v) => labels.author.has(v));

  const result = runQuery(index, params);
  params.page = result.page;

  const rows = await prisma.publication.findMany({
    where: { id: { in: result.ids } },
    select: { id: true, ...itemSelect },
  });
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
    items: rows.map(toItem),
    facets,
    params,
  };
}

export async function getPublication(slug: string): Promise<PublicationDetail | null> {
  const row = await prisma.publication.findUnique({
    where: { slug },
    select: { ...itemSelect, language: true, url: true, createdAt: true, updatedAt: true },
  });
  if (!row) return null;
  return { ...toItem(row), language: row.language, url: row.url, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export async function publicationExists(slug: string): Promise<boolean> {
  return (await prisma.publication.count({ where: { slug } })) > 0;
}
