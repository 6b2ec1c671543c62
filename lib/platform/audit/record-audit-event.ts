import { z } from "zod";

import type { AuditAction } from "../../generated/prisma/enums";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";

type AuditWriter = Pick<Db, "auditEvent">;

/** What an audit event can be about; the audit log names each in the reader's language. */
export const AUDIT_ENTITIES = [
  "Patient",
  "Episode",
  "Referral",
  "Assessment",
  "OutcomeMeasurement",
  "Intervention",
  "ProgramAssignment",
  "ProgramOverride",
  "ProgramTemplate",
  "SessionLog",
  "Flag",
  "FlagQueue",
  "Caseload",
  "Invite",
  "User",
  "ClinicRuleSettings",
  "ClinicProfile",
  "AuditLog",
  "EmailMessage",
  // A patient's reminder times or the phones that take them; a patient's conversation with the clinic.
  "Reminder",
  "MessageThread",
  // A patient's CPR number shown in full; a file of patients brought in; a patient's whole record exported.
  "PatientCpr",
  "PatientImport",
  "PatientRecordFhir",
  "PatientRecordPrint",
  // A discharge letter read, written or signed; printed; downloaded as a FHIR document.
  "DischargeLetter",
  "DischargeLetterPrint",
  "DischargeLetterFhir",
  // A backup of the database downloaded; a request to be erased, a hold on a record, a record erased after its retention period.
  "Backup",
  "ErasureRequest",
  "RecordHold",
  "ErasedRecord",
  // What a refusal is about: a sign-in (with a password or MitID), a request for a password link, an invitation link, a page, action or route.
  "SignIn",
  "MitidSignIn",
  "PasswordLink",
  "InviteLink",
  "Entry",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/**
 * What a change of a clinic's settings changed: each setting's value before and after, as the
 * rules store it. Numbers only, by the setting's name: no patient's data ever goes in here.
 */
export const ZSettingChanges = z.record(z.string().max(64), z.tuple([z.number(), z.number()]));
export type TSettingChanges = z.infer<typeof ZSettingChanges>;

export type AuditEntry = {
  action: AuditAction;
  entity: AuditEntity;
  entityId: string;
  /** Only for a change of clinic settings (ClinicRuleSettings). */
  detail?: TSettingChanges;
};

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
      ...(entry.detail && { detail: ZSettingChanges.parse(entry.detail) }),
    },
  });
}

/** Who was refused: the signed-in user, or what is known of a visitor (the clinic of the account they named). */
export type Refused = { clinicId: string | null; actorId: string | null; ip: string | null };

/**
 * Records refused access (SPEC §8): a page or action of another role, an id out of reach, a
 * throttled attempt. `entityId` says what was asked for: an entry point's name, a record id,
 * or the hash an attempt is counted under.
 */
export async function recordRefusal(db: AuditWriter, who: Refused, entity: AuditEntity, entityId: string) {
  await db.auditEvent.create({
    data: { clinicId: who.clinicId, actorId: who.actorId, action: "REFUSED", entity, entityId, ip: who.ip },
  });
}

/** Records what a command-line tool did (no signed-in user: whoever runs it has the server). */
export async function recordCommandEvent(db: AuditWriter, clinicId: string, entry: AuditEntry) {
  await db.auditEvent.create({
    data: { clinicId, actorId: null, action: entry.action, entity: entry.entity, entityId: entry.entityId, ip: null },
  });
}
