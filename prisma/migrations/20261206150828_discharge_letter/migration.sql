-- CreateEnum
CREATE TYPE "LetterRecipient" AS ENUM ('GP', 'REFERRING_DOCTOR', 'NONE');

-- CreateTable
CREATE TABLE "DischargeLetter" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "episodeId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "locale" "Locale" NOT NULL,
    "recipientKind" "LetterRecipient" NOT NULL,
    "recipientName" TEXT NOT NULL DEFAULT '',
    "recipientPractice" TEXT NOT NULL DEFAULT '',
    "recipientLocationNumber" TEXT NOT NULL DEFAULT '',
    "recipientAddress" TEXT NOT NULL DEFAULT '',
    "sections" JSONB NOT NULL,
    "correctionReason" TEXT,
    "authorId" UUID NOT NULL,
    "signedById" UUID,
    "signedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DischargeLetter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DischargeLetter_clinicId_idx" ON "DischargeLetter"("clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "DischargeLetter_episodeId_version_key" ON "DischargeLetter"("episodeId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "DischargeLetter_one_draft_per_episode" ON "DischargeLetter"("episodeId") WHERE ("signedAt" IS NULL);

-- AddForeignKey
ALTER TABLE "DischargeLetter" ADD CONSTRAINT "DischargeLetter_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DischargeLetter" ADD CONSTRAINT "DischargeLetter_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DischargeLetter" ADD CONSTRAINT "DischargeLetter_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DischargeLetter" ADD CONSTRAINT "DischargeLetter_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
