import { Prisma } from '@/lib/generated/prisma/client';
import { toCardRow, type RawCardRow } from './cards';
import type { Dialect, SearchText } from './dialect';
import { parseQuery, type Clause } from '@/lib/search/query';

/**
 * PostgreSQL's dialect: "PublicationSearch" holds each published publication's text and a weighted
 * tsvector (title A, summary B, names C) under the `catalogue` text search configuration (English
 * stemming after unaccent), with a GIN index; see the full_text_search migration in
 * prisma/migrations-postgresql. A title in French or Spanish ("language") is left out of that "document"
 * and stemmed in its own language in "stemmed" (`catalogue_french`, `catalogue_spanish`: unaccent, then
 * Snowball without stopwords, as the app's index keeps every word), its folded words in "words" (prefixes);
 * see the french_spanish_search migration. The text of attached files is in "files", "filesFr" and
 * "filesEs" by search language, in "document" (weight D) and in "filesFrench", "filesSpanish" (and "filesWords"
 * for prefixes); see the document_search migration.
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

type Configuration = 'catalogue' | 'catalogue_french' | 'catalogue_spanish' | 'catalogue_words';

function tsquery(clause: Clause, configuration: Configuration = 'catalogue'): Prisma.Sql {
  // A configuration's name must reach PostgreSQL as a literal: a bound parameter would not be read as one.
  const config = Prisma.raw(`'${configuration}'`);
  switch (clause.kind) {
    case 'term':
      return Prisma.sql`plainto_tsquery(${config}, ${clause.surface})`;
    case 'phrase':
      return Prisma.sql`phraseto_tsquery(${config}, ${clause.surfaces.join(' ')})`;
    case 'prefix': {
      const word = prefixWord(clause.prefix);
      return word ? Prisma.sql`to_tsquery(${config}, ${`${word}:*`})` : Prisma.sql`''::tsquery`;
    }
  }
}

const any = (clauses: Clause[]) => Prisma.join(clauses.map((clause) => tsquery(clause)), ' || ');

/**
 * Rows whose text matches one clause: the English fields, or a French or Spanish title in its own language
 * (a prefix: on its folded words, as the app's index matches it).
 */
function clauseCondition(clause: Clause): Prisma.Sql {
  if (clause.kind === 'prefix') {
    const words = tsquery(clause, 'catalogue_words');
    return Prisma.sql`("document" @@ ${tsquery(clause)} OR "words" @@ ${words} OR "filesWords" @@ ${words})`;
  }
  const french = tsquery(clause, 'catalogue_french');
  const spanish = tsquery(clause, 'catalogue_spanish');
  return Prisma.sql`("document" @@ ${tsquery(clause)}
    OR ("language" = 'fr' AND "stemmed" @@ ${french})
    OR ("language" = 'es' AND "stemmed" @@ ${spanish})
    OR "filesFrench" @@ ${french} OR "filesSpanish" @@ ${spanish})`;
}

/** The title's stemming language, as lib/search/tokenize.ts `textLanguage` reads the first language. */
const TITLE_LANGUAGE = Prisma.sql`coalesce((SELECT CASE WHEN l."code" IN ('fr', 'es') THEN l."code" ELSE 'en' END
  FROM "PublicationLanguage" l WHERE l."publicationId" = t."id" ORDER BY l."position" LIMIT 1), 'en')`;

/**
 * Characters of each language's files handed to to_tsvector: a tsvector holds at most 1 MB (see the
 * document_search migration). The app's index has no such limit.
 */
const FILES_LIMIT = 200_000;

/** The text of the files of publication `t` in one search language, pages and files separated by form feeds. */
const filesIn = (language: 'en' | 'fr' | 'es') => Prisma.sql`left(coalesce((
  SELECT string_agg(f."text", E'\f' ORDER BY f."position") FROM "PublicationFile" f
  WHERE f."publicationId" = t."id" AND f."textStatus" = 'ok' AND f."text" <> ''
    AND coalesce(CASE WHEN coalesce(f."language", ${TITLE_LANGUAGE}) IN ('fr', 'es') THEN coalesce(f."language", ${TITLE_LANGUAGE}) END, 'en') = ${Prisma.raw(`'${language}'`)}
), ''), ${Prisma.raw(String(FILES_LIMIT))})`;

/**
 * Writes the full-text rows of the published publications (`only`: a further condition on `p`, e.g. one
 * id; by default all of them, in one statement, as a bulk load does).
 */
export const insertSearchRows = (only: Prisma.Sql = Prisma.empty) => Prisma.sql`
  INSERT INTO "PublicationSearch" ("id", "title", "summary", "names", "language", "files", "filesFr", "filesEs")
  SELECT t."id", t."title", t."summary", t."names", ${TITLE_LANGUAGE}, ${filesIn('en')}, ${filesIn('fr')}, ${filesIn('es')}
  FROM (${SEARCH_TEXT} ${only}) AS t`;

/**
 * The tsquery every `must` group of a parsed query matches (the groups AND'ed) in "document", to rank by
 * (the benchmark's SQL baseline); null when nothing is to be matched.
 */
export function rankingQuery(q: string): Prisma.Sql | null {
  const { must } = parseQuery(q);
  return must.length ? Prisma.join(must.map((group) => Prisma.sql`(${any(group)})`), ' && ') : null;
}

/** A WHERE condition on "PublicationSearch" rows for a parsed query; null when nothing is to be matched. */
export function tsqueryCondition(q: string): Prisma.Sql | null {
  const query = parseQuery(q);
  if (query.must.length === 0) return null;
  const conditions = query.must.map((group) => Prisma.sql`(${Prisma.join(group.map(clauseCondition), ' OR ')})`);
  for (const clause of query.not) conditions.push(Prisma.sql`NOT ${clauseCondition(clause)}`);
  return Prisma.join(conditions, ' AND ');
}

// Each relation as a JSON array built in a correlated subquery: one statement, one round trip per page.
const CARDS = Prisma.sql`
  SELECT p."id", p."slug", p."title", p."summary", p."year",
    (SELECT json_build_object('slug', c."slug", 'name', c."name", 'nameFr', c."nameFr", 'nameEs', c."nameEs")
      FROM "Category" c WHERE c."id" = p."categoryId") AS "category",
    coalesce((SELECT json_agg(json_build_object('code', c."code", 'name', c."name") ORDER BY c."name")
      FROM "PublicationCountry" pc JOIN "Country" c ON c."code" = pc."countryCode" WHERE pc."publicationId" = p."id"), '[]') AS "countries",
    coalesce((SELECT json_agg(json_build_object('slug', r."slug", 'name', r."name", 'nameFr', r."nameFr", 'nameEs', r."nameEs") ORDER BY r."name")
      FROM "PublicationRegion" pr JOIN "Region" r ON r."id" = pr."regionId" WHERE pr."publicationId" = p."id"), '[]') AS "regions",
    coalesce((SELECT json_agg(json_build_object('slug', a."slug", 'name', a."name") ORDER BY pa."position")
      FROM "PublicationAuthor" pa JOIN "Author" a ON a."id" = pa."authorId" WHERE pa."publicationId" = p."id"), '[]') AS "authors",
    coalesce((SELECT json_agg(l."code" ORDER BY l."position")
      FROM "PublicationLanguage" l WHERE l."publicationId" = p."id"), '[]') AS "languages"
  FROM "Publication" p
  WHERE p."status" = 'published'`;

export const postgresDialect: Dialect = {
  async readCards(db, ids) {
    if (ids.length === 0) return [];
    const rows = await db.$queryRaw<RawCardRow[]>`${CARDS} AND p."id" = ANY(${ids}::int[])`;
    return rows.map(toCardRow);
  },

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

  async completeSearchRows() {
    // PostgreSQL stems French and Spanish itself: every row is complete once written.
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

  async readStoredFilePiece(db, sha256, start, length) {
    // As hex, like SQLite's (lib/sql/sqlite.ts). substr of an EXTERNAL bytea reads only the piece's pages.
    const rows = await db.$queryRaw<{ hex: string }[]>`
      SELECT encode(substr("content", CAST(${start + 1} AS INTEGER), CAST(${length} AS INTEGER)), 'hex') AS "hex" FROM "StoredFile" WHERE "sha256" = ${sha256}`;
    return rows[0] ? Buffer.from(rows[0].hex, 'hex') : null;
  },

  async readFilePieces(db, pieces) {
    if (pieces.length === 0) return [];
    // substr of a TOASTed text decompresses only as far as the piece's end.
    const rows = await db.$queryRaw<{ fileId: number; start: number; length: number; text: string; language: string | null }[]>`
      SELECT f."id" AS "fileId", j."start", j."length", substr(f."text", j."start" + 1, j."length") AS "text", f."language"
      FROM unnest(${pieces.map((p) => p.fileId)}::int[], ${pieces.map((p) => p.start)}::int[], ${pieces.map((p) => p.length)}::int[]) AS j("fileId", "start", "length")
      JOIN "PublicationFile" f ON f."id" = j."fileId"
      JOIN "Publication" p ON p."id" = f."publicationId"
      WHERE p."status" = 'published' AND f."textStatus" = 'ok'`;
    return rows.map((r) => ({ fileId: Number(r.fileId), start: Number(r.start), length: Number(r.length), text: r.text, language: r.language }));
  },

  // LIKE is case-sensitive on PostgreSQL; ILIKE (Prisma's insensitive mode) matches SQLite's behaviour.
  contains: (text) => ({ contains: text, mode: 'insensitive' }) as { contains: string },
};
