import { describe, expect, it } from 'vitest';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { runQuery, type IndexedPublication } from './facet-engine';

function pub(id: string, fields: Partial<IndexedPublication>): IndexedPublication {
  return { id, title: id, year: null, category: null, countries: [], regions: [], authors: [], text: id, ...fields };
}

const records = [
  pub('a', { year: 2017, category: 'handbook', countries: ['RS'], regions: ['south-eastern-europe'], text: 'etude traite' }),
  pub('b', { year: 2014, category: 'report', countries: ['RS', 'BA'], regions: ['south-eastern-europe'] }),
  pub('c', { year: 2019, category: 'handbook', countries: ['ML'], regions: ['west-africa'], authors: ['iom'] }),
  pub('d', { year: null, category: null, regions: ['worldwide'], authors: ['iom', 'g-liu'] }),
];
const run = (query: string) => runQuery(records, parseCatalogueParams(new URLSearchParams(query)));
const counts = (result: ReturnType<typeof run>, facet: 'country' | 'category' | 'year' | 'region' | 'author') =>
  Object.fromEntries(result.facets[facet].map((f) => [f.value, f.count]));

describe('runQuery', () => {
  it('returns everything, newest first, with records lacking a year last', () => {
    const result = run('');
    expect(result.total).toBe(4);
    expect(result.ids).toEqual(['c', 'a', 'b', 'd']);
    expect(run('sort=oldest').ids).toEqual(['b', 'a', 'c', 'd']);
    expect(counts(result, 'country')).toEqual({ RS: 2, BA: 1, ML: 1 });
  });

  it('ORs values within a facet and ANDs facets', () => {
    expect(run('country=BA&country=ML').ids.sort()).toEqual(['b', 'c']);
    expect(run('country=RS&category=handbook').ids).toEqual(['a']);
  });

  it("counts a facet without its own selection but with every other's", () => {
    const result = run('country=RS&category=handbook');
    // Countries under category=handbook: a (RS), c (ML).
    expect(counts(result, 'country')).toEqual({ RS: 1, ML: 1 });
    // Categories under country=RS: a (handbook), b (report).
    expect(counts(result, 'category')).toEqual({ handbook: 1, report: 1 });
    expect(result.facets.country.find((f) => f.value === 'RS')?.selected).toBe(true);
  });

  it('keeps a selected value with no matches at a count of zero', () => {
    expect(run('category=report&country=ML').facets.country.find((f) => f.value === 'ML')).toEqual({ value: 'ML', count: 0, selected: true });
  });

  it('filters a year range and excludes records without a year', () => {
    expect(run('yearFrom=2015').ids).toEqual(['c', 'a']);
    expect(run('yearFrom=2014&yearTo=2017').ids).toEqual(['a', 'b']);
    expect(counts(run('yearTo=2016'), 'year')).toEqual({ 2014: 1 });
  });

  it('matches every search word, ignoring case and accents', () => {
    expect(run('q=ETUDE').ids).toEqual(['a']);
    expect(run('q=etude+traite').ids).toEqual(['a']);
    expect(run('q=etude+missing').total).toBe(0);
  });

  it('clamps the page to the last one', () => {
    const result = run('page=50');
    expect(result.page).toBe(1);
    expect(result.pageCount).toBe(1);
  });
});
