import 'server-only';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { listNewestPublications } from '@/lib/data/catalogue';
import type { Locale } from '@/lib/i18n/routing';
import { originFrom } from '@/lib/site-url';
import { renderFeed } from './feed';
import { FEED_CONTENT_TYPES, type FeedFormat } from './links';

/**
 * GET /feed.xml, /atom.xml and /feed.json?<catalogue parameters>: the query's 50 newest additions.
 * Parameters are cleaned like the catalogue's (never an error): a malformed one is dropped or clamped.
 */
export async function feedResponse(request: Request, format: FeedFormat, locale: Locale): Promise<Response> {
  const params = parseCatalogueParams(new URL(request.url).searchParams);
  const body = renderFeed(format, await listNewestPublications(params, undefined, undefined, locale), originFrom(request.headers), locale);
  return new Response(body, {
    headers: { 'Content-Type': FEED_CONTENT_TYPES[format], 'Content-Language': locale, 'Cache-Control': 'public, max-age=300' },
  });
}
