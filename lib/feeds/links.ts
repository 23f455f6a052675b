import { defaultSort, type CatalogueParams } from '@/lib/catalogue/params';
import { catalogueHref } from '@/lib/catalogue/url';
import { translator } from '@/lib/i18n/messages';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/routing';

/** Where a catalogue query's feeds live and what they are called; apart from feed.ts so that pages link to feeds without loading the feed library. */

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_PATHS: Record<FeedFormat, string> = { rss: '/feed.xml', atom: '/atom.xml', json: '/feed.json' };
export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
/** Link types for autodiscovery (`<link rel="alternate" type=…>`). */
export const FEED_LINK_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** The query as the feed sees it: filters only (sort, page and find boxes do not change a feed). */
export function feedParams(params: CatalogueParams): CatalogueParams {
  return { ...params, page: 1, sort: defaultSort(params.q), findCountry: '', findAuthor: '' };
}

/** The feed URL (path and query) of a catalogue query, its parameters in the catalogue's canonical order. */
export function feedHref(format: FeedFormat, params: CatalogueParams): string {
  return catalogueHref(feedParams(params), {}, FEED_PATHS[format]);
}

/** "Counter-trafficking publications — Nigeria or Ghana, 2019": the query's text, facet names and years. */
/** Names of selected facet values, by value (facets without names, the year, need none). */
export type FacetLabels = Record<'country' | 'region' | 'category' | 'author' | 'language', Record<string, string>>;

export function feedTitle({ params, labels }: { params: CatalogueParams; labels: FacetLabels }, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale, 'Feed');
  // Values of one facet are alternatives ("Nigeria or Ghana"), in the locale's own words for "or".
  const or = new Intl.ListFormat(locale, { type: 'disjunction' });
  const parts: string[] = [];
  if (params.q) parts.push(t('quoted', { text: params.q }));
  for (const facet of ['country', 'region', 'category', 'author', 'language'] as const) {
    if (params[facet].length > 0) parts.push(or.format(params[facet].map((v) => labels[facet][v] ?? v)));
  }
  if (params.year.length > 0) parts.push(or.format([...params.year].sort((a, b) => a - b).map(String)));
  if (params.yearFrom !== null && params.yearTo !== null) parts.push(`${params.yearFrom}–${params.yearTo}`);
  else if (params.yearFrom !== null) parts.push(t('fromYear', { year: String(params.yearFrom) }));
  else if (params.yearTo !== null) parts.push(t('untilYear', { year: String(params.yearTo) }));
  return parts.length > 0 ? t('titleWithQuery', { query: parts.join(', ') }) : t('title');
}
