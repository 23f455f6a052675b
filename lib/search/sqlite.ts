import { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from '@/lib/prisma-client';

/**
 * Everything search needs that is SQLite's own dialect: the FTS5 table that mirrors each publication's
 * searchable text (see the full_text_search migration). No other module writes full-text SQL.
 */

export type SearchText = { id: number; title: string; summary: string; names: string };

/** What public search sees of a published publication: title, summary, and the names it is filed under. */
const SEARCH_TEXT = Prisma.sql`
  SELECT
    p."id" AS "id", p."title" AS "title", p."summary" AS "summary",
    trim(
      coalesce((SELECT group_concat("name", ' ; ') FROM (
        SELECT a."name" FROM "PublicationAuthor" pa JOIN "Author" a ON a."id" = pa."authorId"
        WHERE pa."publicationId" = p."id" ORDER BY pa."position")), '') || ' ; ' ||
      coalesce((SELECT group_concat(c."name", ' ; ') FROM "PublicationCountry" pc
        JOIN "Country" c ON c."code" = pc."countryCode" WHERE pc."publicationId" = p."id"), '') || ' ; ' ||
      coalesce((SELECT group_concat(r."name", ' ; ') FROM "PublicationRegion" pr
        JOIN "Region" r ON r."id" = pr."regionId" WHERE pr."publicationId" = p."id"), '') || ' ; ' ||
      coalesce((SELECT cat."name" FROM "Category" cat WHERE cat."id" = p."categoryId"), '')
    ) AS "names"
  FROM "Publication" p
  WHERE p."status" = 'published'`;

/** The searchable text of every publication, or of those with the given ids. */
export async function readSearchText(db: Db, ids?: number[]): Promise<SearchText[]> {
  const rows = await db.$queryRaw<SearchText[]>(
    ids
      ? Prisma.sql`${SEARCH_TEXT} AND p."id" IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
      : SEARCH_TEXT,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Rewrites a publication's full-text row (removes it when the publication is a draft). */
export async function writeSearchRow(db: Db, id: number): Promise<void> {
  await db.$executeRaw`DELETE FROM "PublicationSearch" WHERE rowid = ${id}`;
  await db.$executeRaw`
    INSERT INTO "PublicationSearch" (rowid, "title", "summary", "names")
    SELECT "id", "title", "summary", "names" FROM (${SEARCH_TEXT} AND p."id" = ${id})`;
}

export async function deleteSearchRow(db: Db, id: number): Promise<void> {
  await db.$executeRaw`DELETE FROM "PublicationSearch" WHERE rowid = ${id}`;
}

/** Publication ids matching an FTS5 query expression, straight from SQLite (benchmark floor, cross-checks). */
export async function matchFullText(db: Db, expression: string): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: bigint | number }[]>`
    SELECT rowid AS id FROM "PublicationSearch" WHERE "PublicationSearch" MATCH ${expression}`;
  return rows.map((r) => Number(r.id));
}
