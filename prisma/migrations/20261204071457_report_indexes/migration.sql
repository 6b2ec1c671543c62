-- CreateIndex
CREATE INDEX "FlagEvent_acknowledged_idx" ON "FlagEvent"("flagId", "at") WHERE (type = 'ACKNOWLEDGED');

-- CreateIndex
CREATE INDEX "Patient_processing_stopped_idx" ON "Patient"("clinicId", "id") WHERE ("processingStoppedAt" IS NOT NULL);
