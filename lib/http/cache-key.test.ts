import { describe, expect, it } from 'vitest';
import { cacheTarget, cookieValue } from './cache-key';

const target = (url: string, headers: Record<string, string> = {}, method = 'GET') => cacheTarget(method, url, headers, 'host');

describe('cacheTarget', () => {
  it('gives every way of writing one catalogue query the same key and renders the canonical URL', () => {
    const a = target('/?country=th&year=2019&country=NG&page=1&sort=newest&country=NG&year=2017');
    const b = target('/?year=2017,2019&country=NG,TH');
    expect(a).toEqual(b);
    expect(a!.url).toBe('/?country=NG&country=TH&year=2017&year=2019');
    expect(target('/api/publications?q=labour&sort=relevance')!.url).toBe('/api/publications?q=labour');
    expect(target('/fr/feed.xml?region=europe&region=asia')!.url).toBe('/fr/feed.xml?region=asia&region=europe');
  });

  it('keeps a query with a parameter it does not know as written, and the facet listed in full', () => {
    expect(target('/?country=NG&utm_source=x')!.url).toBe('/?country=NG&utm_source=x');
    expect(target('/?more=country&country=ng')!.url).toBe('/?country=NG&more=country');
    expect(target('/?more=nonsense')!.url).toBe('/');
    expect(target('/?view=map&country=ng&more=country')!.url).toBe('/?country=NG&more=country&view=map');
    expect(target('/?view=globe')!.url).toBe('/');
  });

  it('keys a publication page by the search it came from, normalised, and by its bare URL when none is left', () => {
    const a = target('/fr/publications/x?from=' + encodeURIComponent('country=th&country=NG&page=2&sort=newest'));
    const b = target('/fr/publications/x?from=' + encodeURIComponent('country=NG,TH&page=2'));
    expect(a).toEqual(b);
    expect(a!.url).toBe('/fr/publications/x?from=' + encodeURIComponent('country=NG&country=TH&page=2').replace(/%20/g, '+'));
    for (const hostile of ['//evil.example', 'javascript:alert(1)', 'https://evil.example/', '']) {
      expect(target('/publications/x?from=' + encodeURIComponent(hostile))).toEqual(target('/publications/x'));
    }
    // Anything beside `from` is keyed as written, as on the other pages.
    expect(target('/publications/x?from=q%3Dx&utm_source=y')!.url).toBe('/publications/x?from=q%3Dx&utm_source=y');
  });

  it('keys localized pages by what next-intl reads, and data routes by the URL alone', () => {
    const french = target('/publications/x', { 'accept-language': 'fr-FR,fr;q=0.9' });
    const english = target('/publications/x', { 'accept-language': 'en-GB' });
    expect(french!.key).not.toBe(english!.key);
    // A valid locale cookie decides; Accept-Language no longer matters.
    expect(target('/publications/x', { cookie: 'NEXT_LOCALE=en', 'accept-language': 'fr' })!.key).toBe(
      target('/publications/x', { cookie: 'NEXT_LOCALE=en', 'accept-language': 'es' })!.key,
    );
    expect(target('/fr', { 'sec-fetch-dest': 'document' })!.key).not.toBe(target('/fr', { 'sec-fetch-dest': 'empty' })!.key);
    expect(target('/api/publications/x', { 'accept-language': 'fr' })!.key).toBe(target('/api/publications/x')!.key);
    expect(target('/fr/about', { 'accept-language': 'es' })!.key).not.toBe(target('/about', { 'accept-language': 'es' })!.key);
    expect(target('/about', { cookie: 'NEXT_LOCALE=en', 'accept-language': 'fr' })!.key).not.toBe(target('/about', { cookie: 'NEXT_LOCALE=fr' })!.key);
    expect(cacheTarget('GET', '/', {}, 'a.example')!.key).not.toBe(cacheTarget('GET', '/', {}, 'b.example')!.key);
  });

  it('leaves staff, other methods, client-side navigation, private and unknown paths to Next', () => {
    expect(target('/', { cookie: 'NEXT_LOCALE=fr; ct_session=abc' })).toBeNull();
    expect(target('/', { cookie: '__Host-ct_session=abc' })).toBeNull();
    expect(target('/', {}, 'POST')).toBeNull();
    expect(target('/', { rsc: '1' })).toBeNull();
    expect(target('/?_rsc=abc')).toBeNull();
    expect(target('/', { range: 'bytes=0-10' })).toBeNull();
    for (const path of ['/admin', '/sign-in', '/api/publications.csv', '/en', '/_next/static/x.js', '/publications/x/cite.bib', '/publications/%zz']) {
      expect(target(path), path).toBeNull();
    }
    for (const path of ['/oai?verb=Identify', '/sitemap.xml', '/sitemaps/1.xml', '/robots.txt', '/api/openapi.json', '/api/suggest?q=traff', '/es/atom.xml']) {
      expect(target(path), path).not.toBeNull();
    }
  });

  it('reads cookies by exact name', () => {
    expect(cookieValue('a=1; NEXT_LOCALE=fr; b=2', 'NEXT_LOCALE')).toBe('fr');
    expect(cookieValue('XNEXT_LOCALE=fr', 'NEXT_LOCALE')).toBeUndefined();
    expect(cookieValue(undefined, 'x')).toBeUndefined();
  });
});
