-- CreateIndex
CREATE INDEX "SessionLog_assignmentId_date_idx" ON "SessionLog"("assignmentId", "date");
