// A patient's last entry (SPEC §9): the newest clinical record, referral, program, session or pain log
// of the patient, written or changed (a correction and a deletion with its reason are entries
// too). Registering the patient counts when nothing else exists. Demographic edits and the
// summaries the app refreshes by itself do not: they are not entries in the record.
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../../platform/db/client";

export type LastEntry = { patientId: string; clinicId: string; lastEntryAt: Date };

type Tx = Pick<Db, "$queryRaw">;

/** The last entry of every patient, or of the given ones. */
export async function lastEntries(db: Tx, patientIds?: string[]): Promise<LastEntry[]> {
  const only = patientIds ? Prisma.sql`WHERE p.id = ANY(${patientIds}::uuid[])` : Prisma.empty;
  return db.$queryRaw<LastEntry[]>`
    SELECT p.id AS "patientId", p."clinicId", GREATEST(
      p."createdAt",
      (SELECT max(GREATEST(e."createdAt", e."dischargedAt"::timestamptz)) FROM "Episode" e WHERE e."patientId" = p.id),
      (SELECT max(x."updatedAt") FROM "Assessment" x JOIN "Episode" e ON e.id = x."episodeId" WHERE e."patientId" = p.id),
      (SELECT max(x."updatedAt") FROM "OutcomeMeasurement" x JOIN "Episode" e ON e.id = x."episodeId" WHERE e."patientId" = p.id),
      (SELECT max(x."updatedAt") FROM "Intervention" x JOIN "Episode" e ON e.id = x."episodeId" WHERE e."patientId" = p.id),
      (SELECT max(x."updatedAt") FROM "ProgramAssignment" x JOIN "Episode" e ON e.id = x."episodeId" WHERE e."patientId" = p.id),
      (SELECT max(o."createdAt") FROM "ProgramOverride" o JOIN "ProgramAssignment" x ON x.id = o."assignmentId" JOIN "Episode" e ON e.id = x."episodeId" WHERE e."patientId" = p.id),
      (SELECT max(x."createdAt") FROM "SessionLog" x JOIN "Episode" e ON e.id = x."episodeId" WHERE e."patientId" = p.id),
      (SELECT max(x."updatedAt") FROM "Referral" x JOIN "Episode" e ON e.id = x."episodeId" WHERE e."patientId" = p.id)
    ) AS "lastEntryAt"
    FROM "Patient" p ${only}
    ORDER BY p.id`;
}
