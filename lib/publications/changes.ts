import type { Db } from '@/lib/prisma-client';
import { dialect } from '@/lib/sql/dialect';

/**
 * Call inside the transaction of every write that changes what search sees of a publication:
 * it refreshes the full-text row and logs the change, which every app instance replays into its index.
 */
export async function publicationChanged(db: Db, id: number, { deleted = false } = {}): Promise<void> {
  const sql = dialect(db);
  if (deleted) await sql.deleteSearchRow(db, id);
  else await sql.writeSearchRow(db, id);
  await sql.serialize(db, 'CatalogueChange');
  await db.catalogueChange.create({ data: { publicationId: id } });
}

/** For writes that can touch many publications at once (renamed names, new region memberships). */
export async function catalogueChanged(db: Db, publicationIds: number[]): Promise<void> {
  const sql = dialect(db);
  for (const id of publicationIds) await sql.writeSearchRow(db, id);
  await sql.serialize(db, 'CatalogueChange');
  await db.catalogueChange.create({ data: { publicationId: null } });
}
