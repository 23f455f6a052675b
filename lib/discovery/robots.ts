import { MAX_INDEXED_PAGE } from '@/lib/catalogue/metadata';
import { FACETS, FROM_PARAM, MORE_PARAM, VIEW_PARAM } from '@/lib/catalogue/params';
import { LOCALES, localePath } from '@/lib/i18n/routing';

/**
 * robots.txt. Everything is open (catalogue, publication pages, feeds, /oai, /api) but staff pages and
 * the catalogue's deep combinations, the pages `isIndexable` (lib/catalogue/metadata.ts) marks noindex.
 * Patterns use `*` and `$` only (Google, Bing). They rely on the order catalogueHref writes parameters
 * in, which every link on the site uses: q, the facets, yearFrom, yearTo, sort, page, find boxes. So:
 * - `/?*&country=` and the like, one per filter parameter: in that order a filter parameter after an `&`
 *   follows q or another filter, i.e. a text query or a second filter value. A URL written in another
 *   order (`/?sort=title&country=NG`) is kept out too: its canonical form is the one crawled.
 * - `/?*,` and `/?*%2C`: several values of one filter written comma-separated.
 * - `/?*q=`: text queries, wherever q sits (no other parameter name ends in q).
 * - `/?*more=`: a facet's whole list of values, the same results as the page without it (its canonical).
 * - pages beyond 10: `page=` then one of `pagePrefixesAbove(10)`, which match exactly the numbers above 10.
 * Every pattern starts with a catalogue page's query (`/?`, and `/fr?`, `/es?` for the other languages),
 * so the same parameters on /api, /oai and the feeds stay open.
 * Publication pages are open but for `?from=`, the search a reader came from (lib/catalogue/url.ts
 * `publicationHref`): the same record under as many URLs as result pages list it. Its canonical link is the
 * bare record URL, which the sitemap and every other link give; closing the variants saves crawlers
 * fetching each record once per results page (Google's advice for parameters that do not change a page).
 */
export function robotsTxt(origin: string): string {
  const filterParams = [...FACETS, 'yearFrom', 'yearTo'];
  const deepPages = pagePrefixesAbove(MAX_INDEXED_PAGE);
  const catalogues = LOCALES.map((locale) => `${localePath(locale, '/')}?`);
  const rules = (patterns: string[]) => catalogues.flatMap((catalogue) => patterns.map((p) => `Disallow: ${catalogue}${p}`));
  return [
    '# Counter-trafficking publications catalogue',
    '# Open: the catalogue, publication pages, feeds, /oai, /api. Closed: staff pages, publication pages\' ?from= variants, and catalogue URLs',
    `# with a text query, more than one filter value, or a page beyond ${MAX_INDEXED_PAGE} (also noindex).`,
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    'Disallow: /sign-in',
    'Disallow: /reset-password',
    '# A second filter parameter (links write q, then filters, then sort and page).',
    ...rules(filterParams.map((name) => `*&${name}=`)),
    '# Several values of one filter, comma-separated.',
    ...rules(['*,', '*%2C', '*%2c']),
    '# Text queries.',
    ...rules(['*q=']),
    '# A facet\'s whole list of values: the same results as the page without it.',
    ...rules([`*${MORE_PARAM}=`]),
    '# The map: the same results as the page without it.',
    ...rules([`*${VIEW_PARAM}=`]),
    `# Result pages beyond ${MAX_INDEXED_PAGE}.`,
    ...rules(deepPages.map((n) => `*page=${n}`)),
    '# A publication page reached from a search: the same record as its bare URL (the canonical one).',
    ...LOCALES.map((locale) => `Disallow: ${localePath(locale, '/publications/')}*?${FROM_PARAM}=`),
    '',
    `Sitemap: ${new URL('/sitemap.xml', origin).toString()}`,
    '',
  ].join('\n');
}

/**
 * Digit strings that, as prefixes, match exactly the decimal numbers above `max` (no leading zeros):
 * every number of max's length above it, and for each number of that length up to it, its ten
 * one-digit-longer extensions. For 10: 11…99 and 100…109 (10 and 1…9 match none).
 */
export function pagePrefixesAbove(max: number): string[] {
  const digits = String(max).length;
  const prefixes: string[] = [];
  for (let n = max + 1; n < 10 ** digits; n++) prefixes.push(String(n));
  for (let n = 10 ** (digits - 1); n <= max; n++) for (let d = 0; d <= 9; d++) prefixes.push(`${n}${d}`);
  return prefixes;
}
