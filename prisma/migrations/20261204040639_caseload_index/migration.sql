-- CreateIndex
CREATE INDEX "Patient_caseload_idx" ON "Patient"("clinicId", "name", "id", "currentEpisodeId", "archivedAt", "clinicianId");

-- A clinician's patients are all in the clinician's clinic. Without being told, PostgreSQL
-- takes the two conditions as independent and, with ten clinics in the database, expects a
-- tenth of a clinician's patients: it then sorts them all instead of walking an index to the
-- first page. (Prisma's schema has no statistics objects; this one is kept by hand.)
CREATE STATISTICS "Patient_clinic_clinician_stats" (dependencies, ndistinct) ON "clinicId", "clinicianId" FROM "Patient";
ANALYZE "Patient";
