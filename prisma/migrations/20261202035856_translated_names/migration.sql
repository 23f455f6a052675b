-- AlterTable
ALTER TABLE "Category" ADD COLUMN "nameEs" TEXT;
ALTER TABLE "Category" ADD COLUMN "nameFr" TEXT;

-- AlterTable
ALTER TABLE "Region" ADD COLUMN "nameEs" TEXT;
ALTER TABLE "Region" ADD COLUMN "nameFr" TEXT;
