-- Languages become a list (a report issued in English and French), and the single value each record had is
-- kept as its first language. Edited by hand, as the generated migration dropped the column without copying it.
CREATE TABLE "PublicationLanguage" (
    "publicationId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PublicationLanguage_pkey" PRIMARY KEY ("publicationId","code")
);
ALTER TABLE "PublicationLanguage" ADD CONSTRAINT "PublicationLanguage_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;
INSERT INTO "PublicationLanguage" ("publicationId", "code", "position")
SELECT "id", "language", 0 FROM "Publication" WHERE "language" IS NOT NULL AND "language" <> '';
CREATE INDEX "PublicationLanguage_code_idx" ON "PublicationLanguage"("code");

-- When a record was first published in the catalogue (feeds), its creation, for those already public.
ALTER TABLE "Publication" DROP COLUMN "language",
ADD COLUMN     "publishedAt" TIMESTAMP(3);
UPDATE "Publication" SET "publishedAt" = "createdAt" WHERE "status" = 'published';
CREATE INDEX "Publication_publishedAt_idx" ON "Publication"("publishedAt");
CREATE INDEX "Publication_updatedAt_idx" ON "Publication"("updatedAt");

-- Deleted (or unpublished) records, for OAI-PMH's deleted records and 410 Gone.
CREATE TABLE "PublicationTombstone" (
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "deletedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sets" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "PublicationTombstone_pkey" PRIMARY KEY ("slug")
);
CREATE INDEX "PublicationTombstone_deletedAt_idx" ON "PublicationTombstone"("deletedAt");
