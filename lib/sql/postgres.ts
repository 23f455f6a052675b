import { Prisma } from '@/lib/generated/prisma/client';
import type { Dialect, SearchText } from './dialect';
import { parseQuery, type Clause } from '@/lib/search/query';

/**
 * PostgreSQL's dialect: "PublicationSearch" holds each published publication's text and a weighted
 * tsvector (title A, summary B, names C) under the `catalogue` text search configuration (English
 * stemming after unaccent), with a GIN index; see the full_text_search migration in
 * prisma/migrations-postgresql.
 */

const SEARCH_TEXT = Prisma.sql`
  SELECT
    p."id" AS "id", p."title" AS "title", p."summary" AS "summary",
    trim(
      coalesce((SELECT string_agg(a."name", ' ; ' ORDER BY pa."position") FROM "PublicationAuthor" pa
        JOIN "Author" a ON a."id" = pa."authorId" WHERE pa."publicationId" = p."id"), '') || ' ; ' ||
      coalesce((SELECT string_agg(c."name", ' ; ' ORDER BY pc."countryCode") FROM "PublicationCountry" pc
        JOIN "Country" c ON c."code" = pc."countryCode" WHERE pc."publicationId" = p."id"), '') || ' ; ' ||
      coalesce((SELECT string_agg(r."name", ' ; ' ORDER BY pr."regionId") FROM "PublicationRegion" pr
        JOIN "Region" r ON r."id" = pr."regionId" WHERE pr."publicationId" = p."id"), '') || ' ; ' ||
      coalesce((SELECT cat."name" FROM "Category" cat WHERE cat."id" = p."categoryId"), '')
    ) AS "names"
  FROM "Publication" p
  WHERE p."status" = 'published'`;

/** A prefix keeps only what to_tsquery reads as one word, so user text can never be tsquery syntax. */
const prefixWord = (prefix: string) => prefix.replace(/[^\p{L}\p{N}]/gu, '');

function tsquery(clause: Clause): Prisma.Sql {
  switch (clause.kind) {
    case 'term':
      return Prisma.sql`plainto_tsquery('catalogue', ${clause.surface})`;
    case 'phrase':
      return Prisma.sql`phraseto_tsquery('catalogue', ${clause.surfaces.join(' ')})`;
    case 'prefix': {
      const word = prefixWord(clause.prefix);
      return word ? Prisma.sql`to_tsquery('catalogue', ${`${word}:*`})` : Prisma.sql`''::tsquery`;
    }
  }
}

const any = (clauses: Clause[]) => Prisma.join(clauses.map(tsquery), ' || ');

/**
 * Writes the full-text rows of the published publications (`only`: a further condition on `p`, e.g. one
 * id; by default all of them, in one statement, as a bulk load does).
 */
export const insertSearchRows = (only: Prisma.Sql = Prisma.empty) => Prisma.sql`
  INSERT INTO "PublicationSearch" ("id", "title", "summary", "names")
  SELECT "id", "title", "summary", "names" FROM (${SEARCH_TEXT} ${only}) AS t`;

/** The tsquery every `must` group of a parsed query matches (the groups AND'ed), to rank by; null when nothing is to be matched. */
export function rankingQuery(q: string): Prisma.Sql | null {
  const { must } = parseQuery(q);
  return must.length ? Prisma.join(must.map((group) => Prisma.sql`(${any(group)})`), ' && ') : null;
}

/** A WHERE condition on "PublicationSearch"."document" for a parsed query; null when nothing is to be matched. */
export function tsqueryCondition(q: string): Prisma.Sql | null {
  const query = parseQuery(q);
  if (query.must.length === 0) return null;
  const conditions = query.must.map((group) => Prisma.sql`"document" @@ (${any(group)})`);
  if (query.not.length) conditions.push(Prisma.sql`NOT ("document" @@ (${any(query.not)}))`);
  return Prisma.join(conditions, ' AND ');
}

export const postgresDialect: Dialect = {
  async readSearchText(db, ids) {
    const rows = await db.$queryRaw<SearchText[]>(ids ? Prisma.sql`${SEARCH_TEXT} AND p."id" = ANY(${ids}::int[])` : SEARCH_TEXT);
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  },

  async writeSearchRow(db, id) {
    await db.$executeRaw`DELETE FROM "PublicationSearch" WHERE "id" = ${id}`;
    await db.$executeRaw(insertSearchRows(Prisma.sql`AND p."id" = ${id}`));
  },

  async deleteSearchRow(db, id) {
    await db.$executeRaw`DELETE FROM "PublicationSearch" WHERE "id" = ${id}`;
  },

  async matchFullText(db, q) {
    const condition = tsqueryCondition(q);
    if (condition === null) return [];
    const rows = await db.$queryRaw<{ id: number }[]>`SELECT "id" FROM "PublicationSearch" WHERE ${condition}`;
    return rows.map((r) => Number(r.id));
  },

  async serialize(db, resource) {
    // A transaction-level advisory lock: released by commit or rollback, never left behind.
    await db.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext(${resource}))`;
  },

  // LIKE is case-sensitive on PostgreSQL; ILIKE (Prisma's insensitive mode) matches SQLite's behaviour.
  contains: (text) => ({ contains: text, mode: 'insensitive' }) as { contains: string },
};
