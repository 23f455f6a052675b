import 'server-only';
import { recordUrl } from '@/lib/citation/csl';
import { languageAlternates } from '@/lib/i18n/alternates';
import { LOCALES } from '@/lib/i18n/routing';
import { getCatalogueLastModified, listSitemapChunks, listSitemapEntries, SITEMAP_SIZE, type SitemapEntry } from '@/lib/data/sitemap';

/**
 * /sitemap.xml is a sitemap index; its children are /sitemaps/pages.xml (the catalogue's home page) and
 * /sitemaps/publications-<n>.xml (published records with ids n×SITEMAP_SIZE+1 … (n+1)×SITEMAP_SIZE).
 * Every page is listed in each locale, each entry naming all its language versions (`xhtml:link
 * hreflang`, as search engines read them), so a child holds at most 50,000 URLs. Next's generateSitemaps
 * writes the children but no index (Next 16 docs), hence these Route Handlers.
 */

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';
const XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML = 'http://www.w3.org/1999/xhtml';
const URLSET = `<urlset xmlns="${XMLNS}" xmlns:xhtml="${XHTML}">`;

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export function xmlResponse(body: BodyInit): Response {
  return new Response(body, { headers: { 'Content-Type': SITEMAP_CONTENT_TYPE, 'Cache-Control': 'public, max-age=3600' } });
}

export function childSitemapPath(child: 'pages' | number): string {
  return child === 'pages' ? '/sitemaps/pages.xml' : `/sitemaps/publications-${child}.xml`;
}

/** The index: the pages sitemap, then one child per id range holding a published record. */
export async function sitemapIndex(origin: string, size = SITEMAP_SIZE): Promise<string> {
  const [chunks, catalogueModified] = await Promise.all([listSitemapChunks(size), getCatalogueLastModified()]);
  const entry = (path: string, lastModified: Date | null) =>
    `<sitemap><loc>${escapeXml(new URL(path, origin).toString())}</loc>${lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : ''}</sitemap>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<sitemapindex xmlns="${XMLNS}">`,
    entry(childSitemapPath('pages'), catalogueModified),
    ...chunks.map((c) => entry(childSitemapPath(c.n), c.lastModified)),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** One page (an unprefixed path) in every locale, each entry with the page's language alternates. */
function pageEntries(path: string, origin: string, lastModified: Date | null): string {
  const alternates = languageAlternates(path, origin);
  const links = Object.entries(alternates)
    .map(([hreflang, href]) => `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeXml(href)}"/>`)
    .join('');
  const lastmod = lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : '';
  return LOCALES.map((locale) => `<url><loc>${escapeXml(alternates[locale])}</loc>${lastmod}${links}</url>\n`).join('');
}

export async function pagesSitemap(origin: string): Promise<string> {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${URLSET}\n${pageEntries('/', origin, await getCatalogueLastModified())}</urlset>\n`;
}

/**
 * Child sitemap `n`, streamed batch by batch as the rows are read; null when its id range holds no
 * published record (a sitemap must list at least one URL).
 */
export async function publicationsSitemap(origin: string, n: number, size = SITEMAP_SIZE, batch?: number): Promise<ReadableStream<Uint8Array> | null> {
  const encoder = new TextEncoder();
  const batches = listSitemapEntries(n, size, batch);
  const first = await batches.next();
  if (first.done) return null;
  const urls = (entries: SitemapEntry[]) =>
    encoder.encode(entries.map((e) => pageEntries(new URL(recordUrl(origin, e.slug)).pathname, origin, e.updatedAt)).join(''));
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(`<?xml version="1.0" encoding="UTF-8"?>\n${URLSET}\n`));
      controller.enqueue(urls(first.value));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.enqueue(encoder.encode('</urlset>\n'));
        controller.close();
      } else {
        controller.enqueue(urls(next.value));
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
