-- AlterTable
ALTER TABLE "Episode" ADD COLUMN     "pauseReason" TEXT;
