-- CreateTable
CREATE TABLE "RecordRevision" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changedById" UUID NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT,

    CONSTRAINT "RecordRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecordRevision_entity_entityId_changedAt_idx" ON "RecordRevision"("entity", "entityId", "changedAt");

-- AddForeignKey
ALTER TABLE "RecordRevision" ADD CONSTRAINT "RecordRevision_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
