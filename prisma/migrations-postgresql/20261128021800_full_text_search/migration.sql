-- Full-text search on PostgreSQL. Hand-written: Prisma does not model tsvector columns or GIN indexes,
-- and prisma.config.ts declares the table external so `npm run db:migration` leaves it alone.
-- lib/sql/postgres.ts keeps each row in step on every write, as lib/sql/sqlite.ts does for FTS5.

-- unaccent is a trusted extension (PostgreSQL 13+): the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- English stemming after accent folding: "Côte", "cote" and "COTE" are one word, as on SQLite.
CREATE TEXT SEARCH CONFIGURATION catalogue (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION catalogue
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

CREATE TABLE "PublicationSearch" (
  "id" INTEGER NOT NULL PRIMARY KEY REFERENCES "Publication" ("id") ON DELETE CASCADE,
  "title" TEXT NOT NULL,
  "summary" TEXT NOT NULL,
  "names" TEXT NOT NULL,
  -- Weighted as search ranks them: title above summary above names. `||` numbers the right-hand words on
  -- from the left's last: the leading stopword "a" (dropped, but counted) leaves a gap, so that a phrase
  -- never runs from the end of one field into the next, as in the app's own index.
  "document" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('catalogue', "title"), 'A') ||
    setweight(to_tsvector('catalogue', 'a ' || "summary"), 'B') ||
    setweight(to_tsvector('catalogue', 'a ' || "names"), 'C')
  ) STORED
);

CREATE INDEX "PublicationSearch_document_idx" ON "PublicationSearch" USING GIN ("document");
