-- CreateEnum
CREATE TYPE "InvitePurpose" AS ENUM ('PORTAL', 'STAFF', 'PASSWORD_RESET');

-- DropForeignKey
ALTER TABLE "Invite" DROP CONSTRAINT "Invite_patientId_fkey";

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "email" TEXT,
ADD COLUMN     "name" TEXT,
ADD COLUMN     "purpose" "InvitePurpose" NOT NULL DEFAULT 'PORTAL',
ADD COLUMN     "role" "Role",
ADD COLUMN     "locale" "Locale",
ADD COLUMN     "userId" UUID,
ALTER COLUMN "patientId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT,
    "html" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "claimedAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmailMessage_clinicId_createdAt_idx" ON "EmailMessage"("clinicId", "createdAt");

-- CreateIndex
CREATE INDEX "EmailMessage_sentAt_createdAt_idx" ON "EmailMessage"("sentAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_one_pending_staff_per_email" ON "Invite"("clinicId", "email") WHERE (purpose = 'STAFF' AND "usedAt" IS NULL AND "revokedAt" IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "Invite_one_pending_reset_per_user" ON "Invite"("userId") WHERE (purpose = 'PASSWORD_RESET' AND "usedAt" IS NULL AND "revokedAt" IS NULL);

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What each kind of link needs (Prisma's schema cannot say it; the diff leaves CHECKs alone).
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_fields_of_purpose" CHECK (
  (purpose = 'PORTAL' AND "patientId" IS NOT NULL)
  OR (purpose = 'STAFF' AND email IS NOT NULL AND name IS NOT NULL AND role IS NOT NULL)
  OR (purpose = 'PASSWORD_RESET' AND "userId" IS NOT NULL)
);
