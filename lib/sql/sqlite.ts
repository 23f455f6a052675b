import { Prisma } from '@/lib/generated/prisma/client';
import type { Dialect, SearchText } from './dialect';
import { parseQuery, type Clause } from '@/lib/search/query';

/**
 * SQLite's dialect: the FTS5 table that mirrors each publication's searchable text (see the
 * full_text_search migration). Writes are serialised by SQLite itself.
 */

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

/** An FTS5 MATCH expression for a parsed query; null when nothing is to be matched. */
export function fts5Expression(q: string): string | null {
  const query = parseQuery(q);
  if (query.must.length === 0) return null;
  // Each word is quoted (FTS5 syntax inside user text is inert); FTS5 stems a quoted word like indexed text.
  const quote = (clause: Clause) =>
    clause.kind === 'term'
      ? `"${clause.surface}"`
      : clause.kind === 'phrase'
        ? `"${clause.surfaces.join(' ')}"`
        : `"${clause.prefix}"*`;
  const must = query.must.map((group) => `(${group.map(quote).join(' OR ')})`).join(' AND ');
  return [must, ...query.not.map(quote)].join(' NOT ');
}

export const sqliteDialect: Dialect = {
  async readSearchText(db, ids) {
    const rows = await db.$queryRaw<SearchText[]>(
      ids
        ? Prisma.sql`${SEARCH_TEXT} AND p."id" IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
        : SEARCH_TEXT,
    );
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  },

  async writeSearchRow(db, id) {
    await db.$executeRaw`DELETE FROM "PublicationSearch" WHERE rowid = ${id}`;
    await db.$executeRaw`
      INSERT INTO "PublicationSearch" (rowid, "title", "summary", "names")
      SELECT "id", "title", "summary", "names" FROM (${SEARCH_TEXT} AND p."id" = ${id})`;
  },

  async deleteSearchRow(db, id) {
    await db.$executeRaw`DELETE FROM "PublicationSearch" WHERE rowid = ${id}`;
  },

  async matchFullText(db, q) {
    const expression = fts5Expression(q);
    if (expression === null) return [];
    const rows = await db.$queryRaw<{ id: bigint | number }[]>`
      SELECT rowid AS id FROM "PublicationSearch" WHERE "PublicationSearch" MATCH ${expression}`;
    return rows.map((r) => Number(r.id));
  },

  async serialize() {
    // SQLite runs one write transaction at a time.
  },

  // LIKE, which Prisma uses for contains, ignores case (of ASCII letters) on SQLite.
  contains: (text) => ({ contains: text }),
};
