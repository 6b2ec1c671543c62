-- AlterTable
ALTER TABLE "Episode" ADD COLUMN     "programCompleted" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ProgramAssignment" ADD COLUMN     "maintenanceSince" DATE;
