-- Search inside attached documents (issue 15). Hand-written, like the full_text_search migration.
-- The text of a publication's files, by search language (a file's own language when given, else the
-- publication's main language: anything but French and Spanish is stemmed as English), weighted D, below
-- title (A), summary (B) and names (C). The text columns are "files…": "document" is the tsvector's name.
-- lib/sql/postgres.ts writes them with the row.
ALTER TABLE "PublicationSearch" ADD COLUMN "files" TEXT NOT NULL DEFAULT '';
ALTER TABLE "PublicationSearch" ADD COLUMN "filesFr" TEXT NOT NULL DEFAULT '';
ALTER TABLE "PublicationSearch" ADD COLUMN "filesEs" TEXT NOT NULL DEFAULT '';

-- The pages of a text (separated by form feeds) as one tsvector, each page after a position left out, so
-- that a phrase never runs from one page into the next, as in the app's index. `||` numbers the right-hand
-- positions on from the left's last: a placeholder lexeme (a space, which no parser produces) takes the
-- position between two pages and is deleted at the end.
-- (Statements here hold no semicolon but their last: the PostgreSQL adapter splits scripts on them.)
-- Limits of tsvector that the app's index does not have: positions stop at 16,383 (phrases further into a
-- long document may be missed here), 256 positions are kept per word, and a tsvector holds at most 1 MB,
-- which is why lib/sql/postgres.ts hands over at most 200,000 characters of each language's files.
CREATE AGGREGATE catalogue_concat(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

CREATE FUNCTION catalogue_pages(config regconfig, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(ts_delete(catalogue_concat(''' '':1'::tsvector || to_tsvector(config, page) ORDER BY n), ' '), '')
  FROM unnest(string_to_array(body, E'\f')) WITH ORDINALITY AS pages(page, n)
$$;

DROP INDEX "PublicationSearch_document_idx";
ALTER TABLE "PublicationSearch" DROP COLUMN "document";
ALTER TABLE "PublicationSearch" ADD COLUMN "document" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('catalogue', CASE WHEN "language" = 'en' THEN "title" ELSE '' END), 'A') ||
  setweight(to_tsvector('catalogue', 'a ' || "summary"), 'B') ||
  setweight(to_tsvector('catalogue', 'a ' || "names"), 'C') ||
  setweight(catalogue_pages('catalogue', "files"), 'D')
) STORED;
ALTER TABLE "PublicationSearch" ADD COLUMN "filesFrench" tsvector GENERATED ALWAYS AS (
  setweight(catalogue_pages('catalogue_french', "filesFr"), 'D')
) STORED;
ALTER TABLE "PublicationSearch" ADD COLUMN "filesSpanish" tsvector GENERATED ALWAYS AS (
  setweight(catalogue_pages('catalogue_spanish', "filesEs"), 'D')
) STORED;
-- Their folded words, for prefixes (as "words" holds a French or Spanish title's).
ALTER TABLE "PublicationSearch" ADD COLUMN "filesWords" tsvector GENERATED ALWAYS AS (
  to_tsvector('catalogue_words', "filesFr" || ' ' || "filesEs")
) STORED;
CREATE INDEX "PublicationSearch_document_idx" ON "PublicationSearch" USING GIN ("document");
CREATE INDEX "PublicationSearch_filesFrench_idx" ON "PublicationSearch" USING GIN ("filesFrench");
CREATE INDEX "PublicationSearch_filesSpanish_idx" ON "PublicationSearch" USING GIN ("filesSpanish");
CREATE INDEX "PublicationSearch_filesWords_idx" ON "PublicationSearch" USING GIN ("filesWords");

-- Backfill, as lib/sql/postgres.ts writes the columns.
WITH files AS (
  SELECT f."publicationId", f."text", f."position",
    coalesce(CASE WHEN coalesce(f."language", (SELECT l."code" FROM "PublicationLanguage" l
      WHERE l."publicationId" = f."publicationId" ORDER BY l."position" LIMIT 1)) IN ('fr', 'es')
      THEN coalesce(f."language", (SELECT l."code" FROM "PublicationLanguage" l
      WHERE l."publicationId" = f."publicationId" ORDER BY l."position" LIMIT 1)) END, 'en') AS "language"
  FROM "PublicationFile" f WHERE f."textStatus" = 'ok' AND f."text" <> ''
)
UPDATE "PublicationSearch" s SET
  "files" = left(coalesce((SELECT string_agg(f."text", E'\f' ORDER BY f."position") FROM files f WHERE f."publicationId" = s."id" AND f."language" = 'en'), ''), 200000),
  "filesFr" = left(coalesce((SELECT string_agg(f."text", E'\f' ORDER BY f."position") FROM files f WHERE f."publicationId" = s."id" AND f."language" = 'fr'), ''), 200000),
  "filesEs" = left(coalesce((SELECT string_agg(f."text", E'\f' ORDER BY f."position") FROM files f WHERE f."publicationId" = s."id" AND f."language" = 'es'), ''), 200000)
WHERE s."id" IN (SELECT "publicationId" FROM files);
