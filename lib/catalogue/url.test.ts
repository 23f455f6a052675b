import { describe, expect, it } from 'vitest';
import { parseCatalogueParams, parseFromParam } from './params';
import { backToResultsHref, catalogueHref, catalogueQuery, facetListHref, publicationHref, toggleFacetHref, withView } from './url';

const parse = (query: string) => parseCatalogueParams(new URLSearchParams(query));

describe('catalogue URLs', () => {
  it('builds the bare path for the default state', () => {
    expect(catalogueHref(parse(''))).toBe('/');
  });

  it('writes parameters in a stable order and leaves out defaults', () => {
    const params = parse('sort=title&page=3&country=rs&q=labour&yearTo=2015&region=worldwide&year=2014');
    expect(catalogueQuery(params)).toBe('q=labour&country=RS&region=worldwide&year=2014&yearTo=2015&sort=title&page=3');
  });

  it('round-trips through the parser', () => {
    const params = parse('q=forced+labour&country=RS&country=BA&category=handbook&author=g-liu&yearFrom=2000&yearTo=2010&sort=oldest&page=2');
    expect(parse(catalogueQuery(params))).toEqual(params);
  });

  it('resets the page when a filter changes, and keeps it when only the page changes', () => {
    const params = parse('country=RS&page=4');
    expect(catalogueHref(params, { sort: 'title' })).toBe('/?country=RS&sort=title');
    expect(catalogueHref(params, { page: 5 })).toBe('/?country=RS&page=5');
  });

  it('toggles a facet value on and off', () => {
    const params = parse('country=RS&page=2');
    expect(toggleFacetHref(params, 'country', 'BA')).toBe('/?country=RS&country=BA');
    expect(toggleFacetHref(params, 'country', 'RS')).toBe('/');
    expect(toggleFacetHref(parse('year=2017'), 'year', 2017)).toBe('/');
  });

  it('switches a default sort to relevance when a text query is added, and back when removed', () => {
    expect(catalogueHref(parse(''), { q: 'labour' })).toBe('/?q=labour');
    expect(parse('q=labour').sort).toBe('relevance');
    expect(catalogueHref(parse('q=labour'), { q: '' })).toBe('/');
    expect(catalogueHref(parse('q=labour&sort=title'), { q: '' })).toBe('/?sort=title');
  });

  it('encodes the query safely', () => {
    expect(catalogueHref(parse(''), { q: 'a&b=c "d"' })).toBe('/?q=a%26b%3Dc+%22d%22');
  });

  it('can target another path with the same parameters', () => {
    expect(catalogueHref(parse('country=RS&page=2'), { page: 2 }, '/api/publications')).toBe('/api/publications?country=RS&page=2');
  });

  it('opens and closes the whole list of a facet on the same results page, back at its heading', () => {
    const params = parse('country=RS&page=3&findAuthor=liu');
    expect(facetListHref(params, 'author', 'author')).toBe('/?country=RS&page=3&findAuthor=liu&more=author#facet-author');
    expect(facetListHref(params, 'author', null)).toBe('/?country=RS&page=3&findAuthor=liu#facet-author');
    expect(facetListHref(parse(''), 'year', 'year')).toBe('/?more=year#facet-year');
    expect(withView('/', 'map')).toBe('/?view=map#world-map');
    expect(withView('/?country=RS', 'map')).toBe('/?country=RS&view=map#world-map');
    expect(withView('/?country=RS', null)).toBe('/?country=RS');
  });
});

describe('back to results', () => {
  const from = (value: string) => parseFromParam(new URLSearchParams({ from: value }));

  it('carries the search on the card link and returns to it exactly', () => {
    const params = parse('q=forced+labour&country=RS&year=2014&sort=title&page=3');
    const href = publicationHref('a-report', params);
    expect(href).toBe('/publications/a-report?from=q%3Dforced%2Blabour%26country%3DRS%26year%3D2014%26sort%3Dtitle%26page%3D3');
    const back = parseFromParam(new URL(href, 'http://x').searchParams)!;
    expect(back).toEqual(params);
    expect(backToResultsHref(back)).toBe('/?q=forced+labour&country=RS&year=2014&sort=title&page=3');
  });

  it('needs no from for the first page of the whole catalogue', () => {
    expect(publicationHref('a-report', parse(''))).toBe('/publications/a-report');
    expect(publicationHref('a-report')).toBe('/publications/a-report');
    expect(from('')).toBeNull();
    expect(parseFromParam({})).toBeNull();
  });

  it('ignores what is no catalogue search: absolute URLs, //host, javascript:, unknown parameters', () => {
    for (const hostile of ['https://evil.example/?q=x', '//evil.example', 'javascript:alert(1)', 'redirect=https://evil.example', 'x'.repeat(5000)]) {
      expect(from(hostile), hostile).toBeNull();
    }
    // What is left of a search is normalised, and the link back is always the catalogue's own path.
    const mixed = from('q=labour&next=//evil.example&country=zz9&country=ng');
    expect(backToResultsHref(mixed!)).toBe('/?q=labour&country=NG');
  });
});
