-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "gpAddress" TEXT,
ADD COLUMN     "gpLocationNumber" TEXT,
ADD COLUMN     "gpName" TEXT,
ADD COLUMN     "gpPractice" TEXT;

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "episodeId" UUID NOT NULL,
    "referenceId" UUID,
    "referralDate" DATE NOT NULL,
    "doctorName" TEXT NOT NULL,
    "practice" TEXT,
    "doctorPhone" TEXT,
    "locationNumber" TEXT,
    "diagnosisText" TEXT NOT NULL,
    "icd10Code" TEXT,
    "vederlagsfri" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Referral_episodeId_key" ON "Referral"("episodeId");

-- CreateIndex
CREATE INDEX "Referral_clinicId_idx" ON "Referral"("clinicId");

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
