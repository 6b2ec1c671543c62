-- CreateEnum
CREATE TYPE "AuthAttemptKind" AS ENUM ('SIGN_IN', 'PASSWORD_RESET', 'INVITE');

-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'REFUSED';

-- DropForeignKey
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_clinicId_fkey";

-- AlterTable
ALTER TABLE "AuditEvent" ALTER COLUMN "clinicId" DROP NOT NULL,
ALTER COLUMN "actorId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "AuthFailure" (
    "id" UUID NOT NULL,
    "kind" "AuthAttemptKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuthFailure_kind_subject_at_idx" ON "AuthFailure"("kind", "subject", "at");

-- CreateIndex
CREATE INDEX "AuthFailure_kind_ip_at_idx" ON "AuthFailure"("kind", "ip", "at");

-- CreateIndex
CREATE INDEX "AuthFailure_at_idx" ON "AuthFailure"("at");

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
