-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'IMPORT';

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "cprEncrypted" TEXT,
ADD COLUMN     "cprHash" TEXT;

-- CreateTable
CREATE TABLE "DataKeyCheck" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "fingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataKeyCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Patient_clinicId_cprHash_key" ON "Patient"("clinicId", "cprHash");

-- A CPR number is stored with its search hash, or neither is; the key check has one row.
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_cpr_pair" CHECK (("cprEncrypted" IS NULL) = ("cprHash" IS NULL));
ALTER TABLE "DataKeyCheck" ADD CONSTRAINT "DataKeyCheck_one_row" CHECK (id = 1);
