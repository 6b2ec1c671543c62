import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";

/** The clinic's active clinicians, for choosing one. */
export async function listClinicians(db: Db, actor: Actor) {
  assertCan(actor, "clinic-patients");
  return db.user.findMany({
    where: { clinicId: actor.clinicId, role: "CLINICIAN", active: true },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
