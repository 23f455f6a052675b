-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "translationGroupId" INTEGER;

-- CreateTable
CREATE TABLE "TranslationGroup" (
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TranslationGroup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Publication_translationGroupId_idx" ON "Publication"("translationGroupId");

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_translationGroupId_fkey" FOREIGN KEY ("translationGroupId") REFERENCES "TranslationGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;
