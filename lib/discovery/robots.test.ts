import { describe, expect, it } from 'vitest';
import { isIndexable } from '@/lib/catalogue/metadata';
import { EMPTY_PARAMS, parseCatalogueParams, type CatalogueParams } from '@/lib/catalogue/params';
import { catalogueHref, facetListHref, publicationHref, toggleFacetHref, withView } from '@/lib/catalogue/url';
import { LOCALES, localePath } from '@/lib/i18n/routing';
import { pagePrefixesAbove, robotsTxt } from './robots';

/** Google's reading of robots.txt: the longest matching pattern decides, Allow on a tie; `*` and `$`. */
function allowed(txt: string, url: string): boolean {
  const rules = txt
    .split('\n')
    .map((line) => /^(Allow|Disallow):\s*(\S+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, kind, pattern]) => ({
      allow: kind === 'Allow',
      length: pattern!.length,
      regex: new RegExp(`^${pattern!.replace(/[.+?^{}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\\\$$|\$$/, '$')}`),
    }));
  let best: { allow: boolean; length: number } = { allow: true, length: -1 };
  for (const rule of rules) {
    if (!rule.regex.test(url)) continue;
    if (rule.length > best.length || (rule.length === best.length && rule.allow)) best = rule;
  }
  return best.allow;
}

const txt = robotsTxt('https://catalogue.example');
const parse = (query: string) => parseCatalogueParams(new URLSearchParams(query));

describe('robots.txt', () => {
  it('names the sitemap on the origin and closes staff pages', () => {
    expect(txt).toContain('\nSitemap: https://catalogue.example/sitemap.xml\n');
    for (const path of ['/admin', '/admin/publications/3/edit', '/sign-in', '/sign-in?next=/admin']) expect(allowed(txt, path)).toBe(false);
  });

  it('keeps out publication pages reached from a search, not the records themselves', () => {
    const from = parse('q=labour&country=NG&page=2');
    for (const locale of LOCALES) {
      expect(allowed(txt, localePath(locale, publicationHref('some-report', from)))).toBe(false);
      expect(allowed(txt, localePath(locale, publicationHref('some-report')))).toBe(true);
    }
    expect(allowed(txt, '/publications/some-report/cite.bib')).toBe(true);
  });

  it('opens publication pages, feeds, the API and OAI-PMH, whatever their parameters', () => {
    for (const path of [
      '/',
      '/publications/some-report',
      '/feed.xml?country=NG&year=2019&q=labour',
      '/atom.xml?country=NG,GH',
      '/feed.json',
      '/api/publications?country=NG&region=west-africa&page=40',
      '/api/publications.csv?q=x',
      '/oai?verb=ListRecords&metadataPrefix=oai_dc',
      '/sitemap.xml',
      '/sitemaps/publications-0.xml',
    ]) {
      expect(allowed(txt, path), path).toBe(true);
    }
  });

  it('lets crawlers reach exactly the catalogue pages that may be indexed, for links as the site writes them', () => {
    const values: Partial<CatalogueParams>[] = [
      {},
      { country: ['NG'] },
      { country: ['NG', 'GH'] },
      { region: ['west-africa'] },
      { category: ['handbook'], author: ['iom'] },
      { year: [2019] },
      { year: [2019, 2014] },
      { yearFrom: 2010 },
      { yearTo: 2015 },
      { yearFrom: 2010, yearTo: 2015 },
      { country: ['NG'], yearFrom: 2010 },
      { q: 'labour' },
      { q: 'forced labour', country: ['NG'] },
    ];
    const extras: Partial<CatalogueParams>[] = [{}, { sort: 'title' }, { sort: 'oldest', findCountry: 'ni' }, { findAuthor: 'smith' }];
    let checked = 0;
    for (const v of values) {
      for (const extra of extras) {
        for (const page of [1, 2, 9, 10, 11, 19, 20, 99, 100, 105, 110, 1000, 1234]) {
          const params = { ...parse(''), ...v, ...extra, page };
          // The same rules on the French and Spanish catalogues.
          for (const locale of LOCALES) {
            const href = localePath(locale, catalogueHref(params, { page }));
            expect(allowed(txt, href), href).toBe(isIndexable(params));
          }
          checked++;
        }
      }
    }
    expect(checked).toBe(values.length * 4 * 13);
  });

  it('keeps out comma-separated values and URLs written in another order', () => {
    for (const path of ['/?country=NG,GH', '/?country=NG%2CGH', '/?sort=title&country=NG&region=west-africa', '/?page=2&q=x', '/fr?page=50', '/es?q=trata']) {
      expect(allowed(txt, path), path).toBe(false);
    }
  });

  it('keeps out a facet\'s whole list of values, as the site links to it', () => {
    const params = parseCatalogueParams({ country: 'NG' });
    for (const path of [facetListHref(EMPTY_PARAMS, 'author', 'author'), facetListHref(params, 'year', 'year'), localePath('fr', facetListHref(params, 'country', 'country'))]) {
      expect(allowed(txt, path.split('#')[0]!), path).toBe(false);
    }
    expect(allowed(txt, facetListHref(params, 'year', null).split('#')[0]!)).toBe(true);
  });

  it('keeps out the map and its links, as the site writes them', () => {
    for (const path of [
      withView(catalogueHref(EMPTY_PARAMS), 'map'),
      withView(toggleFacetHref(EMPTY_PARAMS, 'country', 'NG'), 'map'),
      localePath('es', withView(catalogueHref(parse('region=west-africa')), 'map')),
    ]) {
      expect(allowed(txt, path.split('#')[0]!), path).toBe(false);
    }
  });
});

describe('pagePrefixesAbove', () => {
  it.each([10, 9, 25, 1])('matches exactly the numbers above %i', (max) => {
    const prefixes = pagePrefixesAbove(max);
    for (let n = 1; n <= 3000; n++) expect(prefixes.some((p) => String(n).startsWith(p)), String(n)).toBe(n > max);
  });
});
