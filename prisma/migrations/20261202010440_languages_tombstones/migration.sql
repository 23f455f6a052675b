-- Languages become a list (a report issued in English and French), and the single value each record had is
-- kept as its first language. Written by hand: the generated migration rebuilt "Publication" and lost it.
CREATE TABLE "PublicationLanguage" (
    "publicationId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("publicationId", "code"),
    CONSTRAINT "PublicationLanguage_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "PublicationLanguage" ("publicationId", "code", "position")
SELECT "id", "language", 0 FROM "Publication" WHERE "language" IS NOT NULL AND "language" <> '';
ALTER TABLE "Publication" DROP COLUMN "language";
CREATE INDEX "PublicationLanguage_code_idx" ON "PublicationLanguage"("code");

-- When a record was first published in the catalogue (feeds): its creation, for those already public.
ALTER TABLE "Publication" ADD COLUMN "publishedAt" DATETIME;
UPDATE "Publication" SET "publishedAt" = "createdAt" WHERE "status" = 'published';
CREATE INDEX "Publication_publishedAt_idx" ON "Publication"("publishedAt");
CREATE INDEX "Publication_updatedAt_idx" ON "Publication"("updatedAt");

-- Deleted (or unpublished) records, for OAI-PMH's deleted records and 410 Gone.
CREATE TABLE "PublicationTombstone" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "deletedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sets" TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX "PublicationTombstone_deletedAt_idx" ON "PublicationTombstone"("deletedAt");
