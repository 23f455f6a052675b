import 'server-only';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { listNewestPublications } from '@/lib/data/catalogue';
import { originFrom } from '@/lib/site-url';
import { renderFeed } from './feed';
import { FEED_CONTENT_TYPES, type FeedFormat } from './links';

/**
 * GET /feed.xml, /atom.xml and /feed.json?<catalogue parameters>: the query's 50 newest additions.
 * Parameters are cleaned like the catalogue's (never an error): a malformed one is dropped or clamped.
 */
export async function feedResponse(request: Request, format: FeedFormat): Promise<Response> {
  const params = parseCatalogueParams(new URL(request.url).searchParams);
  const body = renderFeed(format, await listNewestPublications(params), originFrom(request.headers));
  return new Response(body, {
    headers: { 'Content-Type': FEED_CONTENT_TYPES[format], 'Cache-Control': 'public, max-age=300' },
  });
}
