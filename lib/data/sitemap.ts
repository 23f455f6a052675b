import 'server-only';
import { publicDb } from '@/lib/data/public-db';

import { LOCALES } from '@/lib/i18n/routing';

/** Records per child sitemap: each is listed once per locale, and the protocol allows 50,000 URLs a file. */
export const SITEMAP_SIZE = Math.floor(50_000 / LOCALES.length);
/** Rows read per query while writing a child sitemap. */
const SITEMAP_BATCH = 5_000;

export type SitemapChunk = { n: number; lastModified: Date };
export type SitemapEntry = { slug: string; updatedAt: Date };

const published = { status: 'published' } as const;

/** The ids child sitemap `n` covers: `size` consecutive ids, so it never holds more than `size` URLs. */
function rangeOf(n: number, size: number) {
  return { gte: n * size + 1, lte: (n + 1) * size };
}

/**
 * The publication sitemaps, by id range, with the newest change among their records; ranges without a
 * published record (deleted or draft ids) are left out. One aggregate per range on the primary key:
 * 20 for a million records.
 */
export async function listSitemapChunks(size = SITEMAP_SIZE): Promise<SitemapChunk[]> {
  const db = await publicDb();
  const { _max } = await db.publication.aggregate({ where: published, _max: { id: true } });
  if (_max.id === null) return [];
  const chunks: SitemapChunk[] = [];
  for (let n = 0; n * size < _max.id; n++) {
    const range = await db.publication.aggregate({ where: { ...published, id: rangeOf(n, size) }, _max: { updatedAt: true } });
    if (range._max.updatedAt) chunks.push({ n, lastModified: range._max.updatedAt });
  }
  return chunks;
}

/** When any published record last changed: the catalogue page's lastmod. */
export async function getCatalogueLastModified(): Promise<Date | null> {
  const db = await publicDb();
  return (await db.publication.aggregate({ where: published, _max: { updatedAt: true } }))._max.updatedAt;
}

/**
 * The published records of child sitemap `n`, by id, `batch` rows a query (keyset on id): a child of
 * 50,000 URLs is streamed, never read whole.
 */
export async function* listSitemapEntries(n: number, size = SITEMAP_SIZE, batch = SITEMAP_BATCH): AsyncGenerator<SitemapEntry[]> {
  const db = await publicDb();
  const { gte, lte } = rangeOf(n, size);
  for (let after = gte - 1; ; ) {
    const rows = await db.publication.findMany({
      where: { ...published, id: { gt: after, lte } },
      orderBy: { id: 'asc' },
      take: batch,
      select: { id: true, slug: true, updatedAt: true },
    });
    if (rows.length > 0) yield rows.map(({ slug, updatedAt }) => ({ slug, updatedAt }));
    if (rows.length < batch) return;
    after = rows.at(-1)!.id;
  }
}
