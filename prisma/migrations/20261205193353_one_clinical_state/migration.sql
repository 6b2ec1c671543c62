-- SPEC revision 2026-12-05 (RULE_VERSION 3, decision record 023): one clinical state read by
-- every screen. Besides the new columns this migrates stored data so that an old visit cannot
-- clear a doubt it never examined, and template content loses its own pain limit.

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('ACTIVE', 'HOLD_LOAD', 'ON_HOLD');

-- CreateEnum
CREATE TYPE "Effort" AS ENUM ('LIGHT', 'AS_INTENDED', 'TOO_HEAVY');

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('PLAN_ON_HOLD', 'CLINIC_MESSAGE');

-- Whether a visit examined the differentials. Before this revision an empty list of findings
-- could mean "not examined": a visit without findings that follows one with findings (ticked,
-- or a positive Tinel's sign) is taken as not examined, so the doubt stays until a clinician
-- examines again. Every other visit is taken as examined.
ALTER TABLE "Assessment" ADD COLUMN "differentialsExamined" BOOLEAN NOT NULL DEFAULT true;

UPDATE "Assessment" AS a SET "differentialsExamined" = false
WHERE a."deletedAt" IS NULL
  AND cardinality(a."findings") = 0
  AND a."tinelPositive" IS DISTINCT FROM true
  AND EXISTS (
    SELECT 1 FROM "Assessment" AS b
    WHERE b."episodeId" = a."episodeId" AND b."deletedAt" IS NULL
      AND (cardinality(b."findings") > 0 OR b."tinelPositive" = true)
      AND (b."date", b."createdAt") < (a."date", a."createdAt")
  );

ALTER TABLE "Assessment" ALTER COLUMN "differentialsExamined" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Episode" ADD COLUMN     "planReasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "planStatus" "PlanStatus";

-- The plan's status is worked out by the app (RULE_VERSION 3 re-evaluates every clinic after
-- the upgrade). Until then a running plan with an open red flag, or of a paused episode, is
-- already on hold, so no training reminder goes out in between.
UPDATE "Episode" AS e SET
  "planStatus" = 'ON_HOLD',
  "planReasons" = array_remove(ARRAY[
    CASE WHEN EXISTS (SELECT 1 FROM "Flag" f WHERE f."episodeId" = e.id AND f.code = 'RED_FLAG' AND f.status <> 'RESOLVED') THEN 'RED_FLAG' END,
    CASE WHEN e.status = 'PAUSED' THEN 'EPISODE_PAUSED' END
  ], NULL)
WHERE e.status <> 'DISCHARGED'
  AND EXISTS (SELECT 1 FROM "ProgramAssignment" p WHERE p."episodeId" = e.id AND p.status = 'ACTIVE' AND p."startDate" <= CURRENT_DATE)
  AND (e.status = 'PAUSED' OR EXISTS (SELECT 1 FROM "Flag" f WHERE f."episodeId" = e.id AND f.code = 'RED_FLAG' AND f.status <> 'RESOLVED'));

-- A flag's recommendation is rendered from its code and evidence when shown.
ALTER TABLE "Flag" DROP COLUMN "recommendation";

-- AlterTable
ALTER TABLE "SessionLog" ADD COLUMN     "effort" "Effort";

-- The pain limit is the clinic's loadResponseMaxPain alone: templates and the programs copied
-- from them stop carrying their own.
UPDATE "ProgramTemplate" SET "content" = "content" - 'maxPain' WHERE "content" ? 'maxPain';
UPDATE "ProgramAssignment" SET "content" = "content" - 'maxPain' WHERE "content" ? 'maxPain';

-- The Rathleff template is body weight in weeks 1–2, as in the trial: the templates, and the
-- programs copied from them, whose first phase still says otherwise as the old default did.
UPDATE "ProgramTemplate" SET "content" = jsonb_set("content", '{phases,0,load}', '"BODY_WEIGHT"')
WHERE "key" = 'hsr-rathleff-2015'
  AND "content" #>> '{phases,0,code}' = 'RATHLEFF_12RM' AND "content" #>> '{phases,0,load}' = 'ADD_LOAD';
UPDATE "ProgramAssignment" AS p SET "content" = jsonb_set(p."content", '{phases,0,load}', '"BODY_WEIGHT"')
FROM "ProgramTemplate" AS t
WHERE t."id" = p."templateId" AND t."key" = 'hsr-rathleff-2015'
  AND p."content" #>> '{phases,0,code}' = 'RATHLEFF_12RM' AND p."content" #>> '{phases,0,load}' = 'ADD_LOAD';

-- CreateTable
CREATE TABLE "PatientNotice" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "channel" "ReminderChannel",

    CONSTRAINT "PatientNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PatientNotice_patientId_kind_idx" ON "PatientNotice"("patientId", "kind");

-- CreateIndex
CREATE INDEX "PatientNotice_waiting_idx" ON "PatientNotice"("createdAt") WHERE ("sentAt" IS NULL);

-- AddForeignKey
ALTER TABLE "PatientNotice" ADD CONSTRAINT "PatientNotice_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;
