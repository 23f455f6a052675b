import type { Db } from '@/lib/prisma-client';

/**
 * Everything a publication write could touch, as one comparable value: counts of every table, and each
 * publication's id, version, title and status. Equal before and after ⇒ nothing was written.
 */
export async function catalogueSnapshot(db: Db) {
  const [publications, countries, regions, authorsOf, authors, categories, audit, changes, search] = await Promise.all([
    db.publication.findMany({ select: { id: true, slug: true, version: true, title: true, status: true, updatedAt: true }, orderBy: { id: 'asc' } }),
    db.publicationCountry.count(),
    db.publicationRegion.count(),
    db.publicationAuthor.findMany({ select: { publicationId: true, authorId: true, position: true }, orderBy: [{ publicationId: 'asc' }, { position: 'asc' }] }),
    db.author.count(),
    db.category.count(),
    db.auditEntry.count({ where: { entity: { in: ['publication', 'author', 'category'] } } }),
    db.catalogueChange.count(),
    db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "PublicationSearch"`,
  ]);
  return { publications, countries, regions, authorsOf, authors, categories, audit, changes, search: Number(search[0]?.n ?? 0) };
}
