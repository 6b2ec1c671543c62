-- DropIndex
DROP INDEX "Patient_clinicId_clinicianId_idx";

-- DropIndex
DROP INDEX "Patient_clinicId_name_idx";

-- AlterTable
ALTER TABLE "Episode" ADD COLUMN     "baselinePain" DECIMAL(5,2),
ADD COLUMN     "baselinePainDate" DATE,
ADD COLUMN     "highestOpenSeverity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastVisit" DATE,
ADD COLUMN     "latestPain" DECIMAL(5,2),
ADD COLUMN     "latestPainDate" DATE,
ADD COLUMN     "openHighFlags" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "openInfoFlags" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "openUrgentFlags" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "openWarningFlags" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "programKind" "ProgramKind",
ADD COLUMN     "programStart" DATE;

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "currentEpisodeId" UUID;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "preferences" JSONB NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE UNIQUE INDEX "Patient_currentEpisodeId_key" ON "Patient"("currentEpisodeId");

-- CreateIndex
CREATE INDEX "Patient_clinicId_clinicianId_name_idx" ON "Patient"("clinicId", "clinicianId", "name");

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_currentEpisodeId_fkey" FOREIGN KEY ("currentEpisodeId") REFERENCES "Episode"("id") ON DELETE SET NULL ON UPDATE CASCADE;
