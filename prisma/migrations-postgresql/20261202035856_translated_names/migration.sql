-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "nameEs" TEXT,
ADD COLUMN     "nameFr" TEXT;

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "nameEs" TEXT,
ADD COLUMN     "nameFr" TEXT;
