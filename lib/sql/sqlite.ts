import { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from '@/lib/prisma-client';
import { toCardRow, type RawCardRow } from './cards';
import type { Dialect, SearchText } from './dialect';
import { parseQuery, type Clause } from '@/lib/search/query';
import { stemOf, textLanguage, tokenize, type TextLanguage } from '@/lib/search/tokenize';

/**
 * SQLite's dialect: the FTS5 table that mirrors each publication's searchable text (see the
 * full_text_search migration), and beside it "PublicationStems" for titles in French or Spanish. FTS5 has no
 * stemmer for either, so the app writes the stems itself: the title's Snowball stems, computed by
 * lib/search/tokenize.ts as the in-memory index computes them, in the column of its language ("fr" or "es"),
 * and its folded words ("words", for prefixes), under a tokenizer that only splits on spaces and stems
 * nothing (see the french_spanish_search migration). Such a title stays in "PublicationSearch" too (the
 * in-memory index reads its text there), but queries skip it there: it is matched in its own language only.
 * The text of attached files is in "files" when English (the file's language, else the publication's main
 * one), in "PublicationFileStems" when French or Spanish, written by the app the same way (see the
 * document_search migration): pages and files separated by a word no query can hold, so that a phrase stays
 * within a page as in the app's index.
 * Writes are serialised by SQLite itself.
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

// Each word is quoted (FTS5 syntax inside user text is inert); FTS5 stems a quoted word like indexed text.
const quote = (clause: Clause) =>
  clause.kind === 'term' ? `"${clause.surface}"` : clause.kind === 'phrase' ? `"${clause.surfaces.join(' ')}"` : `"${clause.prefix}"*`;

/** The MATCH expression of one clause on "PublicationStems": its stems in French and in Spanish, or the folded prefix. */
function stemsExpression(clause: Clause): string {
  if (clause.kind === 'prefix') return `words : "${clause.prefix}"*`;
  const surfaces = clause.kind === 'term' ? [clause.surface] : clause.surfaces;
  return (['fr', 'es'] as const).map((language) => `${language} : "${surfaces.map((s) => stemOf(s, language)).join(' ')}"`).join(' OR ');
}

/**
 * Ids (as `rowid`) whose text matches one clause: English fields in "PublicationSearch", French and Spanish
 * titles in "PublicationStems", French and Spanish files in "PublicationFileStems".
 */
function clauseCondition(clause: Clause): Prisma.Sql {
  const english = quote(clause);
  const stems = stemsExpression(clause);
  return Prisma.sql`(
    rowid IN (SELECT rowid FROM "PublicationSearch" WHERE "PublicationSearch" MATCH ${`{summary names files} : ${english}`})
    OR rowid IN (SELECT rowid FROM "PublicationSearch" WHERE "PublicationSearch" MATCH ${`title : ${english}`}
      EXCEPT SELECT rowid FROM "PublicationStems")
    OR rowid IN (SELECT rowid FROM "PublicationStems" WHERE "PublicationStems" MATCH ${stems})
    OR rowid IN (SELECT rowid FROM "PublicationFileStems" WHERE "PublicationFileStems" MATCH ${stems}))`;
}

/** A WHERE condition on "PublicationSearch" rows for a parsed query; null when nothing is to be matched. */
export function matchCondition(q: string): Prisma.Sql | null {
  const query = parseQuery(q);
  if (query.must.length === 0) return null;
  const conditions = query.must.map((group) => Prisma.sql`(${Prisma.join(group.map(clauseCondition), ' OR ')})`);
  for (const clause of query.not) conditions.push(Prisma.sql`NOT ${clauseCondition(clause)}`);
  return Prisma.join(conditions, ' AND ');
}

const TITLE_LANGUAGE = Prisma.sql`(SELECT l."code" FROM "PublicationLanguage" l WHERE l."publicationId" = p."id" ORDER BY l."position" LIMIT 1)`;

/** Writes the "PublicationStems" rows of those of the publications that are published with a title in French or Spanish. */
async function writeStemRows(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db.$queryRaw<{ id: bigint | number; title: string; language: string | null }[]>`
    SELECT p."id" AS "id", p."title" AS "title", ${TITLE_LANGUAGE} AS "language" FROM "Publication" p
    WHERE p."status" = 'published' AND p."id" IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  const stemmed: [number, string, string, string][] = [];
  for (const row of rows) {
    const language = textLanguage(row.language);
    if (language === 'en') continue;
    const tokens = tokenize(row.title, language);
    const stems = tokens.map((t) => stemOf(t.surface, language)).join(' ');
    stemmed.push([Number(row.id), language === 'fr' ? stems : '', language === 'es' ? stems : '', tokens.map((t) => t.surface).join(' ')]);
  }
  if (stemmed.length === 0) return;
  // One statement for the batch, its rows as one JSON parameter (a backfill writes thousands).
  await db.$executeRaw`
    INSERT INTO "PublicationStems" (rowid, "fr", "es", "words")
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(${JSON.stringify(stemmed)})`;
}

/**
 * Between two pages (and two files) in the full-text rows of files: a private-use character, which FTS5's
 * unicode61 reads as a word and the app never does (lib/search/tokenize.ts splits on it), so no query
 * phrase can span it.
 */
const PAGE_BREAK = ' \uE000 ';
/** What the app splits words on (lib/search/tokenize.ts): spaces to FTS5, which then splits the same. */
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu;

/** The rows of the published publications among `ids` whose files have text, each file in its search language. */
async function fileTexts(db: Db, ids: number[]): Promise<Map<number, { language: TextLanguage; text: string }[]>> {
  const rows = await db.$queryRaw<{ id: bigint | number; text: string; language: string | null }[]>`
    SELECT p."id" AS "id", f."text" AS "text", coalesce(f."language", ${TITLE_LANGUAGE}) AS "language"
    FROM "Publication" p JOIN "PublicationFile" f ON f."publicationId" = p."id"
    WHERE p."status" = 'published' AND f."textStatus" = 'ok' AND f."text" <> ''
      AND p."id" IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
    ORDER BY p."id", f."position"`;
  const files = new Map<number, { language: TextLanguage; text: string }[]>();
  for (const row of rows) {
    const id = Number(row.id);
    files.set(id, [...(files.get(id) ?? []), { language: textLanguage(row.language), text: row.text }]);
  }
  return files;
}

/** Writes the file columns of the full-text rows of `ids` (their "PublicationSearch" rows exist): English in "files", the rest in "PublicationFileStems". */
async function writeFileRows(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const english: [number, string][] = [];
  const stemmed: [number, string, string, string][] = [];
  for (const [id, files] of await fileTexts(db, ids)) {
    const pagesOf = (language: TextLanguage) => files.filter((f) => f.language === language).flatMap((f) => f.text.split('\f'));
    const en = pagesOf('en');
    if (en.length > 0) english.push([id, en.map((page) => page.replace(NOT_WORD, ' ')).join(PAGE_BREAK)]);
    const stems = { fr: '', es: '' };
    const words: string[] = [];
    for (const language of ['fr', 'es'] as const) {
      const pages = pagesOf(language).map((page) => tokenize(page, language));
      stems[language] = pages.map((tokens) => tokens.map((t) => stemOf(t.surface, language)).join(' ')).join(PAGE_BREAK);
      words.push(...pages.map((tokens) => tokens.map((t) => t.surface).join(' ')));
    }
    if (stems.fr || stems.es) stemmed.push([id, stems.fr, stems.es, words.join(PAGE_BREAK)]);
  }
  if (english.length > 0) {
    await db.$executeRaw`
      UPDATE "PublicationSearch" SET "files" = (SELECT value ->> 1 FROM json_each(${JSON.stringify(english)}) WHERE value ->> 0 = "PublicationSearch".rowid)
      WHERE rowid IN (SELECT value ->> 0 FROM json_each(${JSON.stringify(english)}))`;
  }
  if (stemmed.length > 0) {
    await db.$executeRaw`
      INSERT INTO "PublicationFileStems" (rowid, "fr", "es", "words")
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(${JSON.stringify(stemmed)})`;
  }
}

// Each relation as a JSON array built in a correlated subquery: one statement, one round trip per page.
const CARDS = Prisma.sql`
  SELECT p."id", p."slug", p."title", p."summary", p."year",
    (SELECT json_object('slug', c."slug", 'name', c."name", 'nameFr', c."nameFr", 'nameEs', c."nameEs")
      FROM "Category" c WHERE c."id" = p."categoryId") AS "category",
    (SELECT json_group_array(json_object('code', c."code", 'name', c."name") ORDER BY c."name")
      FROM "PublicationCountry" pc JOIN "Country" c ON c."code" = pc."countryCode" WHERE pc."publicationId" = p."id") AS "countries",
    (SELECT json_group_array(json_object('slug', r."slug", 'name', r."name", 'nameFr', r."nameFr", 'nameEs', r."nameEs") ORDER BY r."name")
      FROM "PublicationRegion" pr JOIN "Region" r ON r."id" = pr."regionId" WHERE pr."publicationId" = p."id") AS "regions",
    (SELECT json_group_array(json_object('slug', a."slug", 'name', a."name") ORDER BY pa."position")
      FROM "PublicationAuthor" pa JOIN "Author" a ON a."id" = pa."authorId" WHERE pa."publicationId" = p."id") AS "authors",
    (SELECT json_group_array(l."code" ORDER BY l."position")
      FROM "PublicationLanguage" l WHERE l."publicationId" = p."id") AS "languages"
  FROM "Publication" p
  WHERE p."status" = 'published'`;

/** Ids per backfill round. */
const STEM_BATCH = 500;

export const sqliteDialect: Dialect = {
  async readCards(db, ids) {
    if (ids.length === 0) return [];
    const rows = await db.$queryRaw<RawCardRow[]>`${CARDS} AND p."id" IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
    return rows.map(toCardRow);
  },

  async readSearchText(db, ids) {
    const rows = await db.$queryRaw<SearchText[]>(
      ids
        ? Prisma.sql`${SEARCH_TEXT} AND p."id" IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
        : SEARCH_TEXT,
    );
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  },

  async writeSearchRow(db, id) {
    await this.deleteSearchRow(db, id);
    await db.$executeRaw`
      INSERT INTO "PublicationSearch" (rowid, "title", "summary", "names")
      SELECT "id", "title", "summary", "names" FROM (${SEARCH_TEXT} AND p."id" = ${id})`;
    await writeStemRows(db, [id]);
    await writeFileRows(db, [id]);
  },

  async deleteSearchRow(db, id) {
    await db.$executeRaw`DELETE FROM "PublicationSearch" WHERE rowid = ${id}`;
    await db.$executeRaw`DELETE FROM "PublicationStems" WHERE rowid = ${id}`;
    await db.$executeRaw`DELETE FROM "PublicationFileStems" WHERE rowid = ${id}`;
  },

  async completeSearchRows(db) {
    // SQL migrations cannot run the stemmer: rows the app has not written yet (a database migrated from
    // before stems, or filled in bulk by SQL) are written here, after every migration run. A database
    // migrated only part of the way (a folder of older migrations) has no such table yet.
    const tables = await db.$queryRaw<{ n: bigint | number }[]>`
      SELECT count(*) AS n FROM sqlite_master WHERE name IN ('PublicationSearch', 'PublicationStems', 'PublicationFileStems')`;
    if (Number(tables[0]?.n) < 3) return;
    // By id, from where the last round stopped: each row is looked at once.
    for (let after = 0; ; ) {
      const missing = await db.$queryRaw<{ id: bigint | number }[]>`
        SELECT s.rowid AS id FROM "PublicationSearch" s JOIN "Publication" p ON p."id" = s.rowid
        WHERE s.rowid > ${after} AND ${TITLE_LANGUAGE} IN ('fr', 'es') AND s.rowid NOT IN (SELECT rowid FROM "PublicationStems")
        ORDER BY s.rowid LIMIT ${STEM_BATCH}`;
      if (missing.length === 0) return;
      const ids = missing.map((r) => Number(r.id));
      await writeStemRows(db, ids);
      after = ids.at(-1)!;
    }
    // Likewise French and Spanish files (the migration that made the table could not stem them).
    for (let after = 0; ; ) {
      const missing = await db.$queryRaw<{ id: bigint | number }[]>`
        SELECT DISTINCT s.rowid AS id FROM "PublicationSearch" s JOIN "Publication" p ON p."id" = s.rowid
        JOIN "PublicationFile" f ON f."publicationId" = p."id"
        WHERE s.rowid > ${after} AND f."textStatus" = 'ok' AND f."text" <> '' AND coalesce(f."language", ${TITLE_LANGUAGE}) IN ('fr', 'es')
          AND s.rowid NOT IN (SELECT rowid FROM "PublicationFileStems")
        ORDER BY s.rowid LIMIT ${STEM_BATCH}`;
      if (missing.length === 0) return;
      const ids = missing.map((r) => Number(r.id));
      await writeFileRows(db, ids);
      after = ids.at(-1)!;
    }
  },

  async matchFullText(db, q) {
    const condition = matchCondition(q);
    if (condition === null) return [];
    const rows = await db.$queryRaw<{ id: bigint | number }[]>`SELECT rowid AS id FROM "PublicationSearch" WHERE ${condition}`;
    return rows.map((r) => Number(r.id));
  },

  async serialize() {
    // SQLite runs one write transaction at a time.
  },

  async readStoredFilePiece(db, sha256, start, length) {
    // As hex: the SQLite adapter cannot return a BLOB computed by an expression (it infers the type of such
    // columns and knows only ArrayBuffer, which better-sqlite3 does not give).
    const rows = await db.$queryRaw<{ hex: string }[]>`
      SELECT hex(substr("content", CAST(${start + 1} AS INTEGER), CAST(${length} AS INTEGER))) AS "hex" FROM "StoredFile" WHERE "sha256" = ${sha256}`;
    return rows[0] ? Buffer.from(rows[0].hex, 'hex') : null;
  },

  async readFilePieces(db, pieces) {
    if (pieces.length === 0) return [];
    const rows = await db.$queryRaw<{ fileId: bigint | number; start: bigint | number; length: bigint | number; text: string; language: string | null }[]>`
      SELECT f."id" AS "fileId", j.value ->> 1 AS "start", j.value ->> 2 AS "length",
        substr(f."text", (j.value ->> 1) + 1, j.value ->> 2) AS "text", f."language" AS "language"
      FROM json_each(${JSON.stringify(pieces.map((p) => [p.fileId, p.start, p.length]))}) j
      JOIN "PublicationFile" f ON f."id" = j.value ->> 0
      JOIN "Publication" p ON p."id" = f."publicationId"
      WHERE p."status" = 'published' AND f."textStatus" = 'ok'`;
    return rows.map((r) => ({ fileId: Number(r.fileId), start: Number(r.start), length: Number(r.length), text: r.text, language: r.language }));
  },

  // LIKE, which Prisma uses for contains, ignores case (of ASCII letters) on SQLite.
  contains: (text) => ({ contains: text }),
};
