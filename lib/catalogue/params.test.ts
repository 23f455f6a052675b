import { describe, expect, it } from 'vitest';
import { MAX_PAGE, MAX_YEAR, MIN_YEAR, parseCatalogueParams, parseMoreFacet, parseView } from './params';

describe('parseCatalogueParams', () => {
  it('gives the defaults for an empty query', () => {
    expect(parseCatalogueParams({})).toEqual({
      q: '',
      country: [],
      region: [],
      category: [],
      author: [],
      language: [],
      year: [],
      yearFrom: null,
      yearTo: null,
      sort: 'newest',
      translations: 'grouped',
      literal: false,
      page: 1,
      findCountry: '',
      findAuthor: '',
    });
  });

  it('groups translations unless asked for each publication separately', () => {
    expect(parseCatalogueParams(new URLSearchParams('translations=separate')).translations).toBe('separate');
    for (const value of ['grouped', 'SEPARATE', 'x', '']) expect(parseCatalogueParams({ translations: value }).translations).toBe('grouped');
  });

  it('reads repeated and comma-separated values from URLSearchParams', () => {
    const params = parseCatalogueParams(new URLSearchParams('country=rs&country=BA,al&region=West-Africa&year=2017&year=2019'));
    expect(params.country).toEqual(['RS', 'BA', 'AL']);
    expect(params.region).toEqual(['west-africa']);
    expect(params.year).toEqual([2017, 2019]);
  });

  it('reads the record shape Next passes to pages', () => {
    const params = parseCatalogueParams({ country: ['rs', 'rs', 'RS'], category: 'handbook', q: ['  traite   des  ', 'ignored'] });
    expect(params.country).toEqual(['RS']);
    expect(params.category).toEqual(['handbook']);
    expect(params.q).toBe('traite des');
  });

  it('turns control characters in the text query into spaces: no feed or OAI response could carry them', () => {
    expect(parseCatalogueParams(new URLSearchParams('q=a%00b%01%1Fc%EF%BF%BF d%7F')).q).toBe('a b c d');
  });

  it('reads languages as lower-case ISO 639-1 codes, repeated or comma-separated, and drops the rest', () => {
    expect(parseCatalogueParams(new URLSearchParams('language=FR&language=es,fr&language=fra&language=zz&language=e1')).language).toEqual(['fr', 'es']);
    expect(parseCatalogueParams({ language: ' En ' }).language).toEqual(['en']);
  });

  it('drops malformed facet values', () => {
    const params = parseCatalogueParams(
      new URLSearchParams('country=SRB&country=R&country=1A&country=rs&region=a%20b&region=-x&author=%3Cscript%3E&year=20x7&year=2019'),
    );
    expect(params.country).toEqual(['RS']);
    expect(params.region).toEqual([]);
    expect(params.author).toEqual([]);
    expect(params.year).toEqual([2019]);
  });

  it('clamps years and pages into range', () => {
    const params = parseCatalogueParams({ yearFrom: '1', yearTo: '999999', page: '99999999', year: '3000' });
    expect(params.yearFrom).toBe(MIN_YEAR);
    expect(params.yearTo).toBe(MAX_YEAR);
    expect(params.year).toEqual([MAX_YEAR]);
    expect(params.page).toBe(MAX_PAGE);
    expect(parseCatalogueParams({ page: '-4' }).page).toBe(1);
    expect(parseCatalogueParams({ page: 'abc' }).page).toBe(1);
    expect(parseCatalogueParams({ page: '2.9' }).page).toBe(2);
  });

  it('ignores malformed year bounds and swaps a reversed range', () => {
    expect(parseCatalogueParams({ yearFrom: 'abc', yearTo: '' })).toMatchObject({ yearFrom: null, yearTo: null });
    expect(parseCatalogueParams({ yearFrom: '2020', yearTo: '2010' })).toMatchObject({ yearFrom: 2010, yearTo: 2020 });
  });

  it('defaults to relevance with a text query, and ignores relevance without one', () => {
    expect(parseCatalogueParams({ q: 'labour' }).sort).toBe('relevance');
    expect(parseCatalogueParams({ q: 'labour', sort: 'title' }).sort).toBe('title');
    expect(parseCatalogueParams({ sort: 'relevance' }).sort).toBe('newest');
  });

  it('whitelists the sort', () => {
    expect(parseCatalogueParams({ sort: 'title' }).sort).toBe('title');
    expect(parseCatalogueParams({ sort: 'oldest' }).sort).toBe('oldest');
    expect(parseCatalogueParams({ sort: 'DROP TABLE' }).sort).toBe('newest');
  });

  it('caps the query length and the number of values', () => {
    const params = parseCatalogueParams({ q: 'a'.repeat(5000), country: Array.from({ length: 300 }, (_, i) => `A${String.fromCharCode(65 + (i % 26))}`) });
    expect(params.q).toHaveLength(500);
    expect(params.country.length).toBeLessThanOrEqual(50);
  });
});

describe('parseMoreFacet', () => {
  it('reads one facet name, from either shape of parameters, and nothing else', () => {
    expect(parseMoreFacet({})).toBeNull();
    expect(parseMoreFacet({ more: 'author' })).toBe('author');
    expect(parseMoreFacet({ more: ['year', 'author'] })).toBe('year');
    expect(parseMoreFacet(new URLSearchParams('more=country&more=year'))).toBe('country');
    for (const value of ['Author', 'page', '', 'author,year', '__proto__']) expect(parseMoreFacet({ more: value })).toBeNull();
  });
});

describe('parseView', () => {
  it('reads the map view, from either shape of parameters, and nothing else', () => {
    expect(parseView({})).toBeNull();
    expect(parseView({ view: 'map' })).toBe('map');
    expect(parseView({ view: ['map', 'list'] })).toBe('map');
    expect(parseView(new URLSearchParams('view=map&country=RS'))).toBe('map');
    for (const value of ['Map', 'list', '', 'map,list', '__proto__']) expect(parseView({ view: value })).toBeNull();
  });
});
