-- Titles in French or Spanish, stemmed in their own language. FTS5 has no stemmer for either, so the app
-- writes each row itself (lib/sql/sqlite.ts): the title's Snowball stems in the column of its language,
-- and its folded words for prefix queries, all computed by lib/search/tokenize.ts exactly as the in-memory
-- index computes them. The tokenizer therefore only has to split on spaces: no stemming, no folding.
-- Hand-written and external to Prisma, like "PublicationSearch". SQL cannot run the stemmer: the rows of
-- publications already in the catalogue are written by the app right after this migration
-- (completeSearchRows, which lib/migrate.ts runs after every migration run).
CREATE VIRTUAL TABLE "PublicationStems" USING fts5(
  "fr", "es", "words",
  tokenize = 'unicode61 remove_diacritics 0'
);
