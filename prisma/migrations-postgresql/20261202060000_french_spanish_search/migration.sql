-- Titles in French or Spanish, stemmed in their own language. Hand-written, like the full_text_search
-- migration. Snowball dictionaries without stopwords: the app's index keeps every word ("des", "de"), and
-- a stopword dropped here would make a query or a phrase match differently on this database.
CREATE TEXT SEARCH DICTIONARY catalogue_french_stem (TEMPLATE = snowball, Language = french);
CREATE TEXT SEARCH CONFIGURATION catalogue_french (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION catalogue_french
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, catalogue_french_stem;

CREATE TEXT SEARCH DICTIONARY catalogue_spanish_stem (TEMPLATE = snowball, Language = spanish);
CREATE TEXT SEARCH CONFIGURATION catalogue_spanish (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION catalogue_spanish
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, catalogue_spanish_stem;

-- The folded words of those titles, unstemmed, for prefix queries: the app matches a prefix on the words as
-- written, and a prefix of a French or Spanish stem would miss some ("protegi" is no prefix of "proteg").
CREATE TEXT SEARCH CONFIGURATION catalogue_words (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION catalogue_words
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;

-- The title's stemming language: 'fr' or 'es' for a publication whose first language is French or Spanish,
-- else 'en' (lib/sql/postgres.ts writes it with the row).
ALTER TABLE "PublicationSearch" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
UPDATE "PublicationSearch" s SET "language" = first."code"
FROM (
  SELECT DISTINCT ON (l."publicationId") l."publicationId", l."code"
  FROM "PublicationLanguage" l ORDER BY l."publicationId", l."position"
) AS first
WHERE first."publicationId" = s."id" AND first."code" IN ('fr', 'es');

-- "document" keeps the English fields only: a French or Spanish title moves to "stemmed".
DROP INDEX "PublicationSearch_document_idx";
ALTER TABLE "PublicationSearch" DROP COLUMN "document";
ALTER TABLE "PublicationSearch" ADD COLUMN "document" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('catalogue', CASE WHEN "language" = 'en' THEN "title" ELSE '' END), 'A') ||
  setweight(to_tsvector('catalogue', 'a ' || "summary"), 'B') ||
  setweight(to_tsvector('catalogue', 'a ' || "names"), 'C')
) STORED;
ALTER TABLE "PublicationSearch" ADD COLUMN "stemmed" tsvector GENERATED ALWAYS AS (
  CASE "language"
    WHEN 'fr' THEN setweight(to_tsvector('catalogue_french', "title"), 'A')
    WHEN 'es' THEN setweight(to_tsvector('catalogue_spanish', "title"), 'A')
    ELSE ''::tsvector
  END
) STORED;
ALTER TABLE "PublicationSearch" ADD COLUMN "words" tsvector GENERATED ALWAYS AS (
  CASE WHEN "language" = 'en' THEN ''::tsvector ELSE to_tsvector('catalogue_words', "title") END
) STORED;
CREATE INDEX "PublicationSearch_document_idx" ON "PublicationSearch" USING GIN ("document");
CREATE INDEX "PublicationSearch_stemmed_idx" ON "PublicationSearch" USING GIN ("stemmed");
CREATE INDEX "PublicationSearch_words_idx" ON "PublicationSearch" USING GIN ("words");
