-- CreateTable
CREATE TABLE "TranslationGroup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Publication" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "year" INTEGER,
    "url" TEXT,
    "categoryId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'published',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "publishedAt" DATETIME,
    "translationGroupId" INTEGER,
    CONSTRAINT "Publication_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Publication_translationGroupId_fkey" FOREIGN KEY ("translationGroupId") REFERENCES "TranslationGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Publication" ("categoryId", "createdAt", "id", "publishedAt", "slug", "status", "summary", "title", "updatedAt", "url", "version", "year") SELECT "categoryId", "createdAt", "id", "publishedAt", "slug", "status", "summary", "title", "updatedAt", "url", "version", "year" FROM "Publication";
DROP TABLE "Publication";
ALTER TABLE "new_Publication" RENAME TO "Publication";
CREATE UNIQUE INDEX "Publication_slug_key" ON "Publication"("slug");
CREATE INDEX "Publication_year_idx" ON "Publication"("year");
CREATE INDEX "Publication_categoryId_idx" ON "Publication"("categoryId");
CREATE INDEX "Publication_title_idx" ON "Publication"("title");
CREATE INDEX "Publication_status_idx" ON "Publication"("status");
CREATE INDEX "Publication_publishedAt_idx" ON "Publication"("publishedAt");
CREATE INDEX "Publication_updatedAt_idx" ON "Publication"("updatedAt");
CREATE INDEX "Publication_translationGroupId_idx" ON "Publication"("translationGroupId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
