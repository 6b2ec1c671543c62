// What the clinic sees of a patient's retention on the patient page (SPEC §9): the last entry
// and the first day the record may be erased, the erasure requests with their outcome, and
// the holds.
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
import { patientWhere } from "../patients/scope";
import { lastEntries } from "./last-entry";
import { retainUntil } from "./retention-period";

export async function getDataRights(db: Db, actor: Actor, patientId: string) {
  assertCan(actor, "clinic-patients");
  const patient = await db.patient.findFirst({
    where: { id: requireId(patientId), ...patientWhere(actor) },
    select: {
      id: true,
      processingStoppedAt: true,
      clinic: { select: { timeZone: true } },
      erasureRequests: {
        orderBy: { requestedAt: "desc" },
        select: { id: true, requestedAt: true, channel: true, outcome: true, retainUntil: true },
      },
      holds: { orderBy: { placedAt: "desc" }, select: { id: true, kind: true, placedAt: true, releasedAt: true } },
    },
  });
  if (!patient) throw new AppError("NOT_FOUND");
  const [entry] = await lastEntries(db, [patient.id]);
  return {
    processingStoppedAt: patient.processingStoppedAt,
    lastEntryAt: entry!.lastEntryAt,
    retainUntil: retainUntil(entry!.lastEntryAt, patient.clinic.timeZone),
    requests: patient.erasureRequests,
    holds: patient.holds,
  };
}

export type DataRights = Awaited<ReturnType<typeof getDataRights>>;
