import { foldText } from '@/lib/text';
import { FACETS, PAGE_SIZE, type CatalogueParams, type Facet, type Sort } from '@/lib/catalogue/params';

/** What the engine knows of one published record: its facet keys, sort keys and searchable text. */
export type IndexedPublication = {
  id: string;
  title: string;
  year: number | null;
  category: string | null;
  countries: string[];
  /** Regions tagged on the record together with the regions of its countries. */
  regions: string[];
  authors: string[];
  /** Folded title and summary. */
  text: string;
};

export type FacetCount = { value: string; count: number; selected: boolean };

export type EngineResult = {
  total: number;
  page: number;
  pageCount: number;
  ids: string[];
  facets: Record<Facet, FacetCount[]>;
};

function facetKeys(record: IndexedPublication, facet: Facet): readonly string[] {
  switch (facet) {
    case 'country':
      return record.countries;
    case 'region':
      return record.regions;
    case 'author':
      return record.authors;
    case 'category':
      return record.category === null ? [] : [record.category];
    case 'year':
      return record.year === null ? [] : [String(record.year)];
  }
}

function selection(params: CatalogueParams, facet: Facet): Set<string> {
  return new Set(params[facet].map(String));
}

function queryTerms(q: string): string[] {
  return foldText(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

const compareTitle = (a: IndexedPublication, b: IndexedPublication) =>
  a.title.localeCompare(b.title, 'en', { sensitivity: 'base' });

// Records without a year go last in both directions.
const COMPARATORS: Record<Sort, (a: IndexedPublication, b: IndexedPublication) => number> = {
  newest: (a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || compareTitle(a, b),
  oldest: (a, b) => (a.year ?? Infinity) - (b.year ?? Infinity) || compareTitle(a, b),
  title: (a, b) => compareTitle(a, b) || (b.year ?? 0) - (a.year ?? 0),
};

/**
 * Filters, counts and pages the catalogue. Values within a facet are OR'd, facets are AND'd,
 * and each facet is counted with every other facet's selection applied but not its own.
 */
export function runQuery(records: readonly IndexedPublication[], params: CatalogueParams): EngineResult {
  const terms = queryTerms(params.q);
  const { yearFrom, yearTo } = params;
  const base = records.filter(
    (r) =>
      terms.every((t) => r.text.includes(t)) &&
      (yearFrom === null || (r.year !== null && r.year >= yearFrom)) &&
      (yearTo === null || (r.year !== null && r.year <= yearTo)),
  );

  const active = FACETS.filter((f) => params[f].length > 0).map((f) => ({ facet: f, selected: selection(params, f) }));
  // For each record, the active facets it fails; a record counts for facet F when it fails none but (maybe) F.
  const misses = base.map((r) =>
    active.filter(({ facet, selected }) => !facetKeys(r, facet).some((k) => selected.has(k))).map((a) => a.facet),
  );

  const facets = {} as Record<Facet, FacetCount[]>;
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    base.forEach((r, i) => {
      const miss = misses[i]!;
      if (miss.length > 1 || (miss.length === 1 && miss[0] !== facet)) return;
      for (const key of facetKeys(r, facet)) counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    const selected = selection(params, facet);
    for (const value of selected) if (!counts.has(value)) counts.set(value, 0);
    facets[facet] = [...counts].map(([value, count]) => ({ value, count, selected: selected.has(value) }));
  }

  const matches = base.filter((_, i) => misses[i]!.length === 0).sort(COMPARATORS[params.sort]);
  const pageCount = Math.max(1, Math.ceil(matches.length / PAGE_SIZE));
  const page = Math.min(params.page, pageCount);
  const ids = matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => r.id);
  return { total: matches.length, page, pageCount, ids, facets };
}
