import { describe, expect, it } from 'vitest';
import type { FacetValue } from '@/lib/data/catalogue';
import { catalogueMetadata, filterCount, isIndexable } from './metadata';
import { FACETS, parseCatalogueParams, type Facet } from './params';

const parse = (query: string) => parseCatalogueParams(new URLSearchParams(query));
const noFacets = Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, FacetValue[]>;

describe('which catalogue pages are indexed', () => {
  it.each([
    ['', true],
    ['country=NG', true],
    ['year=2019&page=10', true],
    ['yearFrom=2010&sort=title', true],
    ['findCountry=nig&country=NG', true],
    ['page=11', false],
    ['country=NG&year=2019', false],
    ['country=NG&country=GH', false],
    ['country=NG,GH', false],
    ['yearFrom=2010&yearTo=2015', false],
    ['q=labour', false],
  ])('%s → %s', (query, indexable) => {
    expect(isIndexable(parse(query))).toBe(indexable);
  });

  it('counts every facet value and each year bound', () => {
    expect(filterCount(parse('country=NG&region=west-africa&category=handbook&author=iom&year=2019&yearFrom=2000&yearTo=2020'))).toBe(7);
  });
});

describe('catalogue page metadata', () => {
  const origin = 'https://catalogue.example';

  it('gives the normalised query as canonical URL, without find boxes, keeping sort and page', () => {
    const meta = catalogueMetadata(parse('page=3&sort=title&findCountry=ni&country=ng'), noFacets, origin);
    expect(meta.alternates?.canonical).toBe(`${origin}/?country=NG&sort=title&page=3`);
    expect(catalogueMetadata(parse(''), noFacets, origin).alternates?.canonical).toBe(`${origin}/`);
  });

  it('links the feeds of the query, named after its facet values, and marks deep pages noindex', () => {
    const facets = { ...noFacets, country: [{ value: 'NG', label: 'Nigeria', count: 3, selected: true }, { value: 'GH', label: 'Ghana', count: 2, selected: false }] };
    const meta = catalogueMetadata(parse('country=NG&year=2019&sort=oldest&page=2'), facets, origin);
    expect(meta.alternates?.types).toEqual({
      'application/rss+xml': [{ url: `${origin}/feed.xml?country=NG&year=2019`, title: 'Counter-trafficking publications — Nigeria, 2019 (RSS)' }],
      'application/atom+xml': [{ url: `${origin}/atom.xml?country=NG&year=2019`, title: 'Counter-trafficking publications — Nigeria, 2019 (Atom)' }],
      'application/feed+json': [{ url: `${origin}/feed.json?country=NG&year=2019`, title: 'Counter-trafficking publications — Nigeria, 2019 (JSON Feed)' }],
    });
    expect(meta.robots).toEqual({ index: false, follow: true });
    expect(catalogueMetadata(parse('country=NG'), facets, origin).robots).toBeUndefined();
  });
});
