import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import type { Db } from "../db/client";
import { patientWhere } from "./scope";

/**
 * How many patients the actor is responsible for (a clinician) or the clinic has (an admin),
 * and how many of them are in an active episode. Counts only: no record is read.
 */
export async function countCaseload(db: Db, actor: Actor) {
  assertCan(actor, "clinic-patients");
  const where = {
    ...patientWhere(actor),
    archivedAt: null,
    ...(actor.role === "CLINICIAN" ? { clinicianId: actor.userId } : {}),
  };
  const [total, active] = await Promise.all([
    db.patient.count({ where }),
    db.patient.count({ where: { ...where, episodes: { some: { status: "ACTIVE" } } } }),
  ]);
  return { total, active };
}
