import type { Db } from '@/lib/prisma-client';
import { deleteSearchRow, writeSearchRow } from '@/lib/search/sqlite';

/**
 * Call inside the transaction of every write that changes what search sees of a publication:
 * it refreshes the full-text row and logs the change, which every app instance replays into its index.
 */
export async function publicationChanged(db: Db, id: number, { deleted = false } = {}): Promise<void> {
  if (deleted) await deleteSearchRow(db, id);
  else await writeSearchRow(db, id);
  await db.catalogueChange.create({ data: { publicationId: id } });
}

/** For writes that can touch many publications at once (renamed names, new region memberships). */
export async function catalogueChanged(db: Db, publicationIds: number[]): Promise<void> {
  for (const id of publicationIds) await writeSearchRow(db, id);
  await db.catalogueChange.create({ data: { publicationId: null } });
}
