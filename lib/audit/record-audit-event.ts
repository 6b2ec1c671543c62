import type { AuditAction } from "../generated/prisma/enums";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";

type AuditWriter = Pick<Db, "auditEvent">;

/** What an audit event can be about; the audit log names each in the reader's language. */
export const AUDIT_ENTITIES = [
  "Patient", "Episode", "Assessment", "OutcomeMeasurement", "Intervention", "ProgramAssignment", "ProgramOverride", "ProgramTemplate", "SessionLog",
  "Flag", "FlagQueue", "Caseload", "Invite", "User", "ClinicRuleSettings", "AuditLog", "EmailMessage",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export type AuditEntry = { action: AuditAction; entity: AuditEntity; entityId: string };

/**
 * Records who read or changed which clinical record. Called by the service that touches the
 * record, inside the same transaction for writes. Never holds the record's content.
 */
export async function recordAuditEvent(db: AuditWriter, actor: Actor, entry: AuditEntry) {
  await db.auditEvent.create({
    data: {
      clinicId: actor.clinicId,
      actorId: actor.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      ip: actor.ip,
    },
  });
}
