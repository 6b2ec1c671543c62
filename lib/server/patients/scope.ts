import type { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../../platform/auth/actor";

/**
 * The patients an actor may see: always within the actor's clinic; a patient sees only the
 * record linked to their portal account. Every patient query starts from this.
 */
export function patientWhere(actor: Actor): Prisma.PatientWhereInput {
  return actor.role === "PATIENT"
    ? { clinicId: actor.clinicId, portalUserId: actor.userId }
    : { clinicId: actor.clinicId };
}
