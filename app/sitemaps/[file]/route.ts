import { z } from 'zod';
import { pagesSitemap, publicationsSitemap, xmlResponse } from '@/lib/discovery/sitemap';
import { originFrom } from '@/lib/site-url';

// "pages.xml", or "publications-<n>.xml" with n a plain number (no sign, no leading zero).
const FileSchema = z.union([
  z.literal('pages.xml').transform(() => 'pages' as const),
  z.string().regex(/^publications-(0|[1-9]\d{0,6})\.xml$/).transform((file) => Number(file.slice('publications-'.length, -'.xml'.length))),
]);

/** GET /sitemaps/pages.xml and /sitemaps/publications-<n>.xml: the children of /sitemap.xml. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = FileSchema.safeParse((await params).file);
  const origin = originFrom(request.headers);
  if (file.data === 'pages') return xmlResponse(await pagesSitemap(origin));
  const body = file.data === undefined ? null : await publicationsSitemap(origin, file.data);
  return body ? xmlResponse(body) : new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
