import { robotsTxt } from '@/lib/discovery/robots';
import { originFrom } from '@/lib/site-url';

/** GET /robots.txt: a route because its Sitemap line needs the site's origin (lib/discovery/robots.ts). */
export function GET(request: Request) {
  return new Response(robotsTxt(originFrom(request.headers)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
}
