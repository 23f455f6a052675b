import { sitemapIndex, xmlResponse } from '@/lib/discovery/sitemap';
import { originFrom } from '@/lib/site-url';

/** GET /sitemap.xml: the sitemap index (lib/discovery/sitemap.ts). */
export async function GET(request: Request) {
  return xmlResponse(await sitemapIndex(originFrom(request.headers)));
}
