-- CreateEnum
CREATE TYPE "Improvement" AS ENUM ('IMPROVED', 'NOT_IMPROVED', 'NOT_JUDGEABLE');

-- CreateTable
CREATE TABLE "EpisodeReportFacts" (
    "episodeId" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "computedWith" TEXT NOT NULL,
    "week6" "Improvement" NOT NULL,
    "week6Judged" "Instrument"[],
    "week6Improved" "Instrument"[],
    "week12" "Improvement" NOT NULL,
    "week12Judged" "Instrument"[],
    "week12Improved" "Instrument"[],
    "recoveryWeek" INTEGER,
    "recovered" BOOLEAN NOT NULL DEFAULT false,
    "programStart" DATE,
    "weeklyPain" JSONB,
    "sessionsPerWeek" INTEGER,
    "weeklyCompleted" INTEGER[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EpisodeReportFacts_pkey" PRIMARY KEY ("episodeId")
);

-- CreateIndex
CREATE INDEX "EpisodeReportFacts_clinicId_computedWith_idx" ON "EpisodeReportFacts"("clinicId", "computedWith");

-- CreateIndex
CREATE INDEX "Episode_clinicId_treatmentStart_idx" ON "Episode"("clinicId", "treatmentStart");

-- AddForeignKey
ALTER TABLE "EpisodeReportFacts" ADD CONSTRAINT "EpisodeReportFacts_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
