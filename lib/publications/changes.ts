import { publicationSets } from '@/lib/oai/sets';
import type { Db } from '@/lib/prisma-client';
import { dialect } from '@/lib/sql/dialect';

/**
 * Call inside the transaction of every write that changes what search sees of a publication:
 * it refreshes the full-text row and logs the change, which every app instance replays into its index.
 * It also keeps the record's public life in step: the date it was first published, and the tombstone
 * that tells harvesters a record that was public is no longer (back to draft here; deleted in save.ts).
 */
export async function publicationChanged(db: Db, id: number, { deleted = false } = {}): Promise<void> {
  const sql = dialect(db);
  if (deleted) await sql.deleteSearchRow(db, id);
  else {
    await sql.writeSearchRow(db, id);
    await syncPublicLife(db, id);
  }
  await sql.serialize(db, 'CatalogueChange');
  await db.catalogueChange.create({ data: { publicationId: id } });
}

async function syncPublicLife(db: Db, id: number): Promise<void> {
  const row = await db.publication.findUnique({ where: { id }, select: { slug: true, status: true, publishedAt: true } });
  if (!row) return;
  if (row.status === 'published') {
    if (!row.publishedAt) await db.publication.update({ where: { id }, data: { publishedAt: new Date() } });
    await db.publicationTombstone.deleteMany({ where: { slug: row.slug } });
  } else if (row.publishedAt && (await db.publicationTombstone.count({ where: { slug: row.slug } })) === 0) {
    // Withdrawn just now. Later saves of the draft leave the tombstone as harvesters were told of it: its
    // date and sets must not follow edits that were never public.
    const tombstone = await tombstoneOf(db, id);
    if (tombstone) await writeTombstone(db, tombstone);
  }
}

export type Tombstone = { slug: string; title: string; sets: string[] };

/** What a tombstone keeps of the publication, or null when it was never public. */
export async function tombstoneOf(db: Db, id: number): Promise<Tombstone | null> {
  const row = await db.publication.findUnique({ where: { id }, select: { slug: true, title: true, publishedAt: true } });
  if (!row?.publishedAt) return null;
  const sets = (await publicationSets(db, [id])).get(id) ?? [];
  return { slug: row.slug, title: row.title, sets };
}

export async function writeTombstone(db: Db, { slug, title, sets }: Tombstone): Promise<void> {
  const data = { title, sets: JSON.stringify(sets), deletedAt: new Date() };
  await db.publicationTombstone.upsert({ where: { slug }, create: { slug, ...data }, update: data });
}

// Ids a statement takes at once: far below SQLite's and PostgreSQL's parameter limits.
const ID_BATCH = 500;

/**
 * For writes that can touch many publications at once (renamed names, new region memberships). Their
 * records read differently now, so their datestamps move too: harvesters (OAI-PMH `from`) and sitemaps
 * pick them up again.
 */
export async function catalogueChanged(db: Db, publicationIds: number[]): Promise<void> {
  const sql = dialect(db);
  for (const id of publicationIds) await sql.writeSearchRow(db, id);
  const now = new Date();
  for (let start = 0; start < publicationIds.length; start += ID_BATCH) {
    await db.publication.updateMany({ where: { id: { in: publicationIds.slice(start, start + ID_BATCH) } }, data: { updatedAt: now } });
  }
  await sql.serialize(db, 'CatalogueChange');
  await db.catalogueChange.create({ data: { publicationId: null } });
}
