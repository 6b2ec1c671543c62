-- CreateEnum
CREATE TYPE "ErasureChannel" AS ENUM ('PORTAL', 'CLINIC');

-- CreateEnum
CREATE TYPE "ErasureOutcome" AS ENUM ('RESTRICTED', 'ERASED');

-- CreateEnum
CREATE TYPE "HoldKind" AS ENUM ('COMPLAINT', 'SUPERVISION', 'COMPENSATION');

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "processingStoppedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ErasureRequest" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "patientId" UUID,
    "erasedRecordId" UUID,
    "channel" "ErasureChannel" NOT NULL,
    "recordedById" UUID,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "ErasureOutcome" NOT NULL,
    "retainUntil" DATE NOT NULL,
    "erasedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ErasureRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordHold" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "kind" "HoldKind" NOT NULL,
    "placedById" UUID NOT NULL,
    "placedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedById" UUID,
    "releasedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RecordHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErasedRecord" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "lastEntryAt" TIMESTAMPTZ(3) NOT NULL,
    "erasedAt" TIMESTAMPTZ(3) NOT NULL,
    "requested" BOOLEAN NOT NULL,

    CONSTRAINT "ErasedRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ErasureRequest_patientId_idx" ON "ErasureRequest"("patientId");

-- CreateIndex
CREATE INDEX "RecordHold_patientId_idx" ON "RecordHold"("patientId");

-- CreateIndex
CREATE INDEX "ErasedRecord_clinicId_erasedAt_idx" ON "ErasedRecord"("clinicId", "erasedAt");

-- AddForeignKey
ALTER TABLE "ErasureRequest" ADD CONSTRAINT "ErasureRequest_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErasureRequest" ADD CONSTRAINT "ErasureRequest_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErasureRequest" ADD CONSTRAINT "ErasureRequest_erasedRecordId_fkey" FOREIGN KEY ("erasedRecordId") REFERENCES "ErasedRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordHold" ADD CONSTRAINT "RecordHold_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordHold" ADD CONSTRAINT "RecordHold_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErasedRecord" ADD CONSTRAINT "ErasedRecord_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
