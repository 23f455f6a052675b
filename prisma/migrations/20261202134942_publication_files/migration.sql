-- CreateTable
CREATE TABLE "PublicationFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "publicationId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mediaType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "language" TEXT,
    "textStatus" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "pageCount" INTEGER,
    "coverSha256" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PublicationFile_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "sha256" TEXT NOT NULL PRIMARY KEY,
    "size" INTEGER NOT NULL,
    "content" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "PublicationFile_sha256_idx" ON "PublicationFile"("sha256");

-- CreateIndex
CREATE INDEX "PublicationFile_coverSha256_idx" ON "PublicationFile"("coverSha256");

-- CreateIndex
CREATE UNIQUE INDEX "PublicationFile_publicationId_position_key" ON "PublicationFile"("publicationId", "position");
