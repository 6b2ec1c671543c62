-- AlterTable
ALTER TABLE "Episode" ADD COLUMN     "programPhase" INTEGER;
