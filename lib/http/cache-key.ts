import type { IncomingHttpHeaders } from 'node:http';
import { CatalogueParamsSchema, FROM_PARAM, MORE_PARAM, parseCatalogueParams, parseFromParam, parseMoreFacet, parseView, VIEW_PARAM, type CatalogueParams } from '@/lib/catalogue/params';
import { catalogueQuery } from '@/lib/catalogue/url';
import { LOCALES } from '@/lib/i18n/locales';
import { SESSION_COOKIE_NAMES } from '@/lib/auth/cookie-names';

/** next-intl's cookie (lib/i18n/routing.ts): which locale a reader chose. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

/** A request the response cache may answer: its key, and the URL Next renders it from (the canonical one). */
export type CacheTarget = { key: string; url: string };

// Public answers that depend only on the catalogue, the URL and the reader's locale. Whole-result exports
// (.csv, .bib, …) are left out: large, rare, and limited per client instead (rate-limit.ts).
const CATALOGUE = /^\/(?:fr|es)?$/;
const FEED = /^\/(?:(?:fr|es)\/)?(?:feed\.xml|atom\.xml|feed\.json)$/;
const LOCALIZED = /^\/(?:(?:fr|es)\/)?(?:publications\/[^/]+|about)$/;
const API_LIST = /^\/api\/publications$/;
// The type-ahead (/api/suggest) too: its answer depends on its URL (q, locale) and the catalogue alone.
const FIXED = /^\/(?:api\/publications\/[^/]+|api|api\/openapi\.json|api\/suggest|oai|sitemap\.xml|sitemaps\/[^/]+|robots\.txt)$/;

// `more`: which facet the page lists in full, `view`: the map; display choices the page reads beside the catalogue's parameters.
const CATALOGUE_PARAMS = new Set([...Object.keys(CatalogueParamsSchema.shape), MORE_PARAM, VIEW_PARAM]);

/**
 * Headers that make Next answer something other than the page (React Server Component payloads for
 * client-side navigation, prefetches, Server Actions) or a part of it.
 */
const BYPASS_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url', 'range', 'authorization'];

export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The query for catalogue parameters, the same for every way of writing them: parsed as the pages parse
 * them (bad values dropped, case and defaults folded, duplicates removed), each facet's values sorted.
 * Null when the query has a parameter the catalogue does not know: it is then keyed as written.
 */
function canonicalCatalogueQuery(search: URLSearchParams): string | null {
  for (const name of search.keys()) if (!CATALOGUE_PARAMS.has(name)) return null;
  const query = sortedQuery(parseCatalogueParams(search));
  const more = parseMoreFacet(search);
  const view = parseView(search);
  if (!more && !view) return query;
  const withDisplay = new URLSearchParams(query);
  if (more) withDisplay.set(MORE_PARAM, more);
  if (view) withDisplay.set(VIEW_PARAM, view);
  return withDisplay.toString();
}

/** The query of `params` with each facet's values sorted: one way of writing each search. */
function sortedQuery(params: CatalogueParams): string {
  for (const facet of ['country', 'region', 'category', 'author', 'language'] as const) params[facet] = [...params[facet]].sort();
  params.year = [...params.year].sort((a, b) => a - b);
  return catalogueQuery(params);
}

/**
 * A publication page's query when it is only `from` (the search its reader came from): that search
 * normalised as the catalogue's own query is, or nothing when no search is left of it (the page is then
 * the record's bare one). Every way of writing one search is one entry; anything else is keyed as written.
 */
function canonicalPublicationQuery(search: URLSearchParams): string | null {
  const names = [...search.keys()];
  if (names.length !== 1 || names[0] !== FROM_PARAM) return null;
  const from = parseFromParam(search);
  return from ? new URLSearchParams({ [FROM_PARAM]: sortedQuery(from) }).toString() : '';
}

/**
 * Where the cache may answer `request` and under which key; null when it must go to Next (not a GET,
 * staff, not a public page, a client-side navigation). The key holds everything the answer depends on
 * besides the catalogue's state: the canonical URL, the origin (absolute links when SITE_URL is unset) and,
 * on localized pages, what next-intl reads: the locale cookie, Accept-Language when no valid cookie decides,
 * and whether the request is a document navigation (it sets the cookie only then).
 */
export function cacheTarget(method: string | undefined, rawUrl: string | undefined, headers: IncomingHttpHeaders, originKey: string): CacheTarget | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  if (!rawUrl || rawUrl.length > 4096 || !rawUrl.startsWith('/')) return null;
  if (BYPASS_HEADERS.some((name) => headers[name] !== undefined)) return null;
  const cookies = headers.cookie;
  if (SESSION_COOKIE_NAMES.some((name) => cookieValue(cookies, name) !== undefined)) return null;

  let url: URL;
  try {
    url = new URL(rawUrl, 'http://cache.invalid');
    decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed: proxy.ts answers it
  }
  if (url.searchParams.has('_rsc')) return null;
  const { pathname } = url;
  const localized = CATALOGUE.test(pathname) || FEED.test(pathname) || LOCALIZED.test(pathname);
  const listed = localized || API_LIST.test(pathname);
  if (!listed && !FIXED.test(pathname)) return null;

  let query = url.search.slice(1);
  if (LOCALIZED.test(pathname)) query = canonicalPublicationQuery(url.searchParams) ?? query;
  else if (listed) query = canonicalCatalogueQuery(url.searchParams) ?? query;
  const target = query ? `${pathname}?${query}` : pathname;

  let variant = '';
  if (localized) {
    const cookie = cookieValue(cookies, LOCALE_COOKIE);
    if (cookie !== undefined && cookie.length > 16) return null;
    const validCookie = cookie !== undefined && (LOCALES as readonly string[]).includes(cookie);
    const acceptLanguage = validCookie ? '' : (headers['accept-language'] ?? '');
    if (acceptLanguage.length > 256) return null;
    const dest = headers['sec-fetch-dest'];
    const document = dest === undefined || dest === 'document';
    variant = `${cookie ?? '-'}\n${acceptLanguage}\n${document ? 'doc' : 'sub'}`;
  }
  return { key: `${originKey}\n${target}\n${variant}`, url: target };
}
