-- Full-text search on SQLite (FTS5). Hand-written: Prisma does not model virtual tables, and
-- prisma.config.ts declares this one external so `npm run db:migration` leaves it alone.
-- rowid = Publication.id. lib/sql/sqlite.ts keeps each row in step on every write.
CREATE VIRTUAL TABLE "PublicationSearch" USING fts5(
  "title", "summary", "names",
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Backfill: the same text lib/sql/sqlite.ts writes (authors in order, countries, regions, category).
INSERT INTO "PublicationSearch" ("rowid", "title", "summary", "names")
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
  )
FROM "Publication" p;
