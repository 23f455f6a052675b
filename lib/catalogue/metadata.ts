import type { Metadata } from 'next';
import type { FacetValue } from '@/lib/data/catalogue';
import { FEED_LINK_TYPES, feedHref, feedTitle, type FacetLabels, type FeedFormat } from '@/lib/feeds/links';
import { languageAlternates } from '@/lib/i18n/alternates';
import { DEFAULT_LOCALE, localePath, type Locale } from '@/lib/i18n/routing';
import { FACETS, type CatalogueParams, type Facet } from './params';
import { catalogueHref } from './url';

/** Result pages beyond this one are not indexed (robots.txt keeps crawlers out of them too). */
export const MAX_INDEXED_PAGE = 10;

/**
 * Filter parameters in a query: each facet value, and each year bound (a range from–to is two). The
 * catalogue's facet combinations are endless; only the whole catalogue and one-value pages are indexed.
 */
export function filterCount(params: CatalogueParams): number {
  return FACETS.reduce((n, facet) => n + params[facet].length, 0) + (params.yearFrom !== null ? 1 : 0) + (params.yearTo !== null ? 1 : 0);
}

/**
 * Whether search engines should index the catalogue page of `params`: the whole catalogue or one filter
 * value (one country, one year…), pages 1 to MAX_INDEXED_PAGE. Text queries are not indexed: their
 * space is unbounded and their results repeat the facet pages. Sort orders are (the same records, in
 * another order; the canonical URL keeps the sort because page n differs between orders).
 */
export function isIndexable(params: CatalogueParams): boolean {
  return params.q === '' && filterCount(params) <= 1 && params.page <= MAX_INDEXED_PAGE;
}

export const FEED_FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/**
 * The catalogue page's metadata: canonical URL (the query normalised: canonical parameter order, unknown
 * values dropped, find boxes left out, as they do not change the results), feed autodiscovery for the
 * query, the same page in the other languages, and noindex on the pages `isIndexable` refuses. `facets`
 * gives the selected values' names.
 */
export function catalogueMetadata(
  params: CatalogueParams,
  facets: Record<Facet, FacetValue[]>,
  origin: string,
  locale: Locale = DEFAULT_LOCALE,
): Metadata {
  const absolute = (href: string) => new URL(localePath(locale, href), origin).toString();
  const labels = {} as FacetLabels;
  for (const facet of ['country', 'region', 'category', 'author', 'language'] as const) {
    labels[facet] = Object.fromEntries(facets[facet].filter((f) => f.selected).map((f) => [f.value, f.label]));
  }
  const title = feedTitle({ params, labels }, locale);
  const canonical = catalogueHref(params, { page: params.page, findCountry: '', findAuthor: '' });
  const types = Object.fromEntries(
    (Object.keys(FEED_LINK_TYPES) as FeedFormat[]).map((format) => [
      FEED_LINK_TYPES[format],
      [{ url: absolute(feedHref(format, params)), title: `${title} (${FEED_FORMAT_NAMES[format]})` }],
    ]),
  );
  return {
    alternates: { canonical: absolute(canonical), languages: languageAlternates(canonical, origin), types },
    ...(!isIndexable(params) && { robots: { index: false, follow: true } }),
  };
}
