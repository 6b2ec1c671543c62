-- AlterTable
ALTER TABLE "ProgramTemplate" ADD COLUMN     "descriptionDa" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "descriptionEn" TEXT NOT NULL DEFAULT '';
