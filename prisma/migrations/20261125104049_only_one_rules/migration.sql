-- The "only one" rules become partial unique indexes (docs/decisions/008-only-one-rules.md).
-- Rows that already break a rule are merged first, keeping the latest by creation time.

-- Morning pain from the patient's diary: one per episode per day. The latest entry stays; the
-- others are soft-deleted, and each is kept as an earlier version of the one that stays, so the
-- record's history shows what was merged and why.
WITH ranked AS (
  SELECT o.*, first_value(id) OVER same_day AS kept_id, row_number() OVER same_day AS rank
  FROM "OutcomeMeasurement" o
  WHERE "recordedBy" = 'PATIENT' AND instrument = 'NRS_FIRST_STEP' AND "deletedAt" IS NULL
  WINDOW same_day AS (PARTITION BY "episodeId", date ORDER BY "createdAt" DESC, id DESC)
)
INSERT INTO "RecordRevision" (id, "clinicId", entity, "entityId", action, snapshot, "changedById", reason)
SELECT gen_random_uuid(), "clinicId", 'OutcomeMeasurement', kept_id, 'UPDATE',
       to_jsonb(ranked) - 'kept_id' - 'rank', "recordedById",
       'Samme dags morgensmerte var logget flere gange; den seneste er beholdt. / The same day''s morning pain was logged more than once; the latest entry was kept.'
FROM ranked WHERE rank > 1;

WITH ranked AS (
  SELECT id, row_number() OVER (PARTITION BY "episodeId", date ORDER BY "createdAt" DESC, id DESC) AS rank
  FROM "OutcomeMeasurement"
  WHERE "recordedBy" = 'PATIENT' AND instrument = 'NRS_FIRST_STEP' AND "deletedAt" IS NULL
)
UPDATE "OutcomeMeasurement" o
SET "deletedAt" = now(),
    "deleteReason" = 'Dublet: samme dags morgensmerte var logget flere gange; den seneste er beholdt. / Duplicate: the same day''s morning pain was logged more than once; the latest entry was kept.'
FROM ranked WHERE o.id = ranked.id AND ranked.rank > 1;

-- Programs: at most one active of each kind per episode. The latest stays; the others end.
WITH ranked AS (
  SELECT id, row_number() OVER (PARTITION BY "episodeId", kind ORDER BY "createdAt" DESC, id DESC) AS rank
  FROM "ProgramAssignment" WHERE status = 'ACTIVE'
)
UPDATE "ProgramAssignment" a SET status = 'ENDED', "endedAt" = current_date, "endReason" = 'OTHER', "updatedAt" = now()
FROM ranked WHERE a.id = ranked.id AND ranked.rank > 1;

-- Episodes: at most one per patient that is not discharged. The latest stays open and becomes
-- the patient's current episode; the others are discharged.
WITH ranked AS (
  SELECT id, "patientId", first_value(id) OVER same_patient AS kept_id, row_number() OVER same_patient AS rank
  FROM "Episode" WHERE status <> 'DISCHARGED'
  WINDOW same_patient AS (PARTITION BY "patientId" ORDER BY "createdAt" DESC, id DESC)
), discharged AS (
  UPDATE "Episode" e SET status = 'DISCHARGED', "dischargedAt" = current_date, "dischargeReason" = 'OTHER', "updatedAt" = now()
  FROM ranked WHERE e.id = ranked.id AND ranked.rank > 1
  RETURNING e."patientId"
)
UPDATE "Patient" p SET "currentEpisodeId" = ranked.kept_id, "updatedAt" = now()
FROM ranked WHERE p.id = ranked."patientId" AND ranked.rank = 1 AND p.id IN (SELECT "patientId" FROM discharged);

-- Flags: one per rule per episode until it is resolved. The latest stays; the others are
-- resolved, with the event in their history.
WITH ranked AS (
  SELECT id, severity, row_number() OVER (PARTITION BY "episodeId", code ORDER BY "openedAt" DESC, id DESC) AS rank
  FROM "Flag" WHERE status <> 'RESOLVED'
), resolved AS (
  UPDATE "Flag" f SET status = 'RESOLVED', "resolvedAt" = now(), "updatedAt" = now()
  FROM ranked WHERE f.id = ranked.id AND ranked.rank > 1
  RETURNING f.id, f.severity
)
INSERT INTO "FlagEvent" (id, "flagId", type, severity, note)
SELECT gen_random_uuid(), id, 'RESOLVED', severity, 'Dublet af en nyere åben markering / Duplicate of a newer open flag' FROM resolved;

-- Invitations: one pending per patient. The latest stays; the others are revoked.
WITH ranked AS (
  SELECT id, row_number() OVER (PARTITION BY "patientId" ORDER BY "createdAt" DESC, id DESC) AS rank
  FROM "Invite" WHERE "usedAt" IS NULL AND "revokedAt" IS NULL
)
UPDATE "Invite" i SET "revokedAt" = now() FROM ranked WHERE i.id = ranked.id AND ranked.rank > 1;

-- CreateIndex
CREATE UNIQUE INDEX "Episode_one_open_per_patient" ON "Episode"("patientId") WHERE (status <> 'DISCHARGED');

-- CreateIndex
CREATE UNIQUE INDEX "Flag_one_unresolved_per_rule" ON "Flag"("episodeId", "code") WHERE (status <> 'RESOLVED');

-- CreateIndex
CREATE UNIQUE INDEX "Invite_one_pending_per_patient" ON "Invite"("patientId") WHERE ("usedAt" IS NULL AND "revokedAt" IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeMeasurement_one_diary_pain_per_day" ON "OutcomeMeasurement"("episodeId", "date") WHERE ("recordedBy" = 'PATIENT' AND instrument = 'NRS_FIRST_STEP' AND "deletedAt" IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "ProgramAssignment_one_active_per_kind" ON "ProgramAssignment"("episodeId", "kind") WHERE (status = 'ACTIVE');
