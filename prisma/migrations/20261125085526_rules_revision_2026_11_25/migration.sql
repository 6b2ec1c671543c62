-- SPEC §3/§5 revisions 2026-11-25 and 2026-11-25b (RULE_VERSION 2). Besides the new columns,
-- this migrates the stored assessments so the red-flag bug cannot come back with old data:
-- see docs/decisions/007-rules-revision-2026-11-25.md.

-- CreateEnum
CREATE TYPE "PainTrend" AS ENUM ('IMPROVING', 'STABLE', 'WORSENING');

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "ankleDorsiflexionDeg" INTEGER,
ADD COLUMN     "calcanealSqueezePositive" BOOLEAN,
ADD COLUMN     "redFlagsScreened" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "tinelPositive" BOOLEAN;

-- Nerve symptoms are a differential finding now, no longer a red flag.
UPDATE "Assessment" SET
  "findings" = CASE WHEN 'NEURAL_SYMPTOMS' = ANY("findings") THEN "findings" ELSE array_append("findings", 'NEURAL_SYMPTOMS') END,
  "redFlags" = array_remove("redFlags", 'NEURO_SYMPTOMS')
WHERE 'NEURO_SYMPTOMS' = ANY("redFlags");

-- Before this revision an empty red-flag list could mean "not asked". A visit without red
-- flags that follows one with red flags is taken as not screened, so the red flag stays open
-- until a clinician screens again.
UPDATE "Assessment" AS a SET "redFlagsScreened" = false
WHERE a."deletedAt" IS NULL
  AND cardinality(a."redFlags") = 0
  AND EXISTS (
    SELECT 1 FROM "Assessment" AS b
    WHERE b."episodeId" = a."episodeId" AND b."deletedAt" IS NULL AND cardinality(b."redFlags") > 0
      AND (b."date", b."createdAt") < (a."date", a."createdAt")
  );

ALTER TABLE "Assessment" ALTER COLUMN "redFlagsScreened" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Clinic" ADD COLUMN     "reevaluationCursor" UUID,
ADD COLUMN     "reevaluationDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reevaluationRequestedAt" TIMESTAMPTZ(3),
ADD COLUMN     "reevaluationTotal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rulesVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Episode" ADD COLUMN     "followUpOverdue" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "painTrend" "PainTrend";

-- Flags cite reference keys (lib/clinical/references.ts) instead of free text. Open flags are
-- rewritten by the re-evaluation RULE_VERSION 2 starts; resolved ones get their rule's keys here.
ALTER TABLE "Flag" ADD COLUMN     "sources" TEXT[];
UPDATE "Flag" SET "sources" = CASE "code"
  WHEN 'RED_FLAG' THEN ARRAY['KOC_2023_JOSPT_CPG', 'LOEB_NU_2026']
  WHEN 'DIAGNOSIS_DOUBT' THEN ARRAY['KOC_2023_JOSPT_CPG', 'LOEB_NU_2026']
  WHEN 'WORSENING' THEN ARRAY['FARRAR_2001', 'SALAFFI_2004']
  WHEN 'NO_IMPROVEMENT' THEN ARRAY['LOEB_NU_2026', 'FARRAR_2001', 'SALAFFI_2004']
  WHEN 'LOAD_RESPONSE' THEN ARRAY['RATHLEFF_2015', 'LOEB_NU_2026']
  WHEN 'LOW_ADHERENCE' THEN ARRAY['RATHLEFF_2015', 'CLINIC_DEFAULT']
  WHEN 'SECOND_LINE_REVIEW' THEN ARRAY['KOC_2023_JOSPT_CPG', 'LOEB_NU_2026']
  WHEN 'INJECTION_REVIEW' THEN ARRAY['KOC_2023_JOSPT_CPG', 'LOEB_NU_2026', 'CLINIC_DEFAULT']
  WHEN 'SURGERY_REVIEW' THEN ARRAY['LOEB_NU_2026']
  WHEN 'FOLLOW_UP_OVERDUE' THEN ARRAY['CLINIC_DEFAULT']
  WHEN 'BASELINE_MISSING' THEN ARRAY['KOC_2023_JOSPT_CPG', 'CLINIC_DEFAULT']
  WHEN 'RETURN_TO_RUN_READY' THEN ARRAY['LOEB_NU_2026']
  ELSE ARRAY[]::TEXT[] END;
ALTER TABLE "Flag" DROP COLUMN "source";

-- AlterTable
ALTER TABLE "OutcomeMeasurement" ADD COLUMN     "assessmentId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeMeasurement_assessmentId_key" ON "OutcomeMeasurement"("assessmentId");

-- AddForeignKey
ALTER TABLE "OutcomeMeasurement" ADD CONSTRAINT "OutcomeMeasurement_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A first-step pain recorded at a visit is that visit's NRS_FIRST_STEP measurement: link a
-- clinician's measurement of the same date and value where there is one, else create it.
UPDATE "OutcomeMeasurement" AS o SET "assessmentId" = pair.assessment_id
FROM (
  SELECT DISTINCT ON (outcome_id) assessment_id, outcome_id FROM (
    SELECT DISTINCT ON (a.id) a.id AS assessment_id, m.id AS outcome_id
    FROM "Assessment" AS a
    JOIN "OutcomeMeasurement" AS m
      ON m."episodeId" = a."episodeId" AND m."date" = a."date" AND m."instrument" = 'NRS_FIRST_STEP'
     AND m."recordedBy" = 'CLINICIAN' AND m."deletedAt" IS NULL AND m."value" = a."firstStepPain"
    WHERE a."firstStepPain" IS NOT NULL AND a."deletedAt" IS NULL
    ORDER BY a.id, m."createdAt"
  ) AS per_visit
  ORDER BY outcome_id, assessment_id
) AS pair
WHERE o.id = pair.outcome_id;

INSERT INTO "OutcomeMeasurement" ("id", "clinicId", "episodeId", "recordedById", "recordedBy", "date", "instrument", "value", "assessmentId", "createdAt", "updatedAt")
SELECT gen_random_uuid(), a."clinicId", a."episodeId", a."recordedById", 'CLINICIAN', a."date", 'NRS_FIRST_STEP', a."firstStepPain", a.id, a."createdAt", CURRENT_TIMESTAMP
FROM "Assessment" AS a
WHERE a."firstStepPain" IS NOT NULL AND a."deletedAt" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "OutcomeMeasurement" AS o WHERE o."assessmentId" = a.id);
