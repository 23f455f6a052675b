-- CreateTable
CREATE TABLE "PublicationFile" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicationFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("sha256")
);

-- CreateIndex
CREATE INDEX "PublicationFile_sha256_idx" ON "PublicationFile"("sha256");

-- CreateIndex
CREATE INDEX "PublicationFile_coverSha256_idx" ON "PublicationFile"("coverSha256");

-- CreateIndex
CREATE UNIQUE INDEX "PublicationFile_publicationId_position_key" ON "PublicationFile"("publicationId", "position");

-- AddForeignKey
ALTER TABLE "PublicationFile" ADD CONSTRAINT "PublicationFile_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Files are mostly PDFs, compressed already: stored out of line and uncompressed, a download's ranges read
-- only their own bytes (substring of an EXTERNAL value does not detoast the whole value).
ALTER TABLE "StoredFile" ALTER COLUMN "content" SET STORAGE EXTERNAL;
