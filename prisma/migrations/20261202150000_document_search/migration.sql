-- Search inside attached documents (issue 15). Hand-written and external to Prisma, like the
-- full_text_search and french_spanish_search migrations.
-- An FTS5 table cannot gain a column: "PublicationSearch" is made again with "files", the text of the
-- publication's files in English (a file's own language when given, else the publication's main
-- language; not French or Spanish). Their pages and files are separated by U+E000, which FTS5 reads as a
-- word of its own (a private-use character) and no query word can be, so a phrase never runs from one page
-- into the next, as in the app's index. lib/sql/sqlite.ts writes the column from then on (it also turns
-- every character the app splits words on into a space first; this backfill only marks the pages).
DROP TABLE "PublicationSearch";
CREATE VIRTUAL TABLE "PublicationSearch" USING fts5(
  "title", "summary", "names", "files",
  tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO "PublicationSearch" ("rowid", "title", "summary", "names", "files")
SELECT
  p."id", p."title", p."summary",
  trim(
    coalesce((SELECT group_concat("name", ' ; ') FROM (
      SELECT a."name" FROM "PublicationAuthor" pa JOIN "Author" a ON a."id" = pa."authorId"
      WHERE pa."publicationId" = p."id" ORDER BY pa."position")), '') || ' ; ' ||
    coalesce((SELECT group_concat(c."name", ' ; ') FROM "PublicationCountry" pc
      JOIN "Country" c ON c."code" = pc."countryCode" WHERE pc."publicationId" = p."id"), '') || ' ; ' ||
    coalesce((SELECT group_concat(r."name", ' ; ') FROM "PublicationRegion" pr
      JOIN "Region" r ON r."id" = pr."regionId" WHERE pr."publicationId" = p."id"), '') || ' ; ' ||
    coalesce((SELECT cat."name" FROM "Category" cat WHERE cat."id" = p."categoryId"), '')
  ),
  coalesce((SELECT group_concat(replace(f."text", char(12), ' ' || char(57344) || ' '), ' ' || char(57344) || ' ') FROM (
    SELECT f."text" FROM "PublicationFile" f
    WHERE f."publicationId" = p."id" AND f."textStatus" = 'ok' AND f."text" <> ''
      AND coalesce(f."language", (SELECT l."code" FROM "PublicationLanguage" l WHERE l."publicationId" = p."id" ORDER BY l."position" LIMIT 1), 'en') NOT IN ('fr', 'es')
    ORDER BY f."position") AS f), '')
FROM "Publication" p
WHERE p."status" = 'published';

-- Files in French or Spanish, stemmed by the app as "PublicationStems" stems titles (same columns, same
-- tokenizer; pages separated by U+E000 likewise). The rows of files already attached are written by the app
-- right after this migration (completeSearchRows).
CREATE VIRTUAL TABLE "PublicationFileStems" USING fts5(
  "fr", "es", "words",
  tokenize = 'unicode61 remove_diacritics 0'
);
