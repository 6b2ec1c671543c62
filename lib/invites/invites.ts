// Portal invitations (SPEC §1, §7, §10): a clinician creates a single-use link valid for 7
// days; it is e-mailed to the patient, and shown once to the clinician to give by hand.
// Opening it lets the patient choose a password (accept-invite.ts). A new invite revokes any
// open one.
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import type { Db } from "../db/client";
import { requireId } from "../db/require-id";
import { isUniqueViolation } from "../db/unique-violation";
import { queueEmail } from "../email/outbox";
import { AppError } from "../errors";
import { type FieldErrors, fieldErrorsOf } from "../forms/form-input";
import { INVITE_DAYS, newToken, statusOf } from "./tokens";
import { assertProcessing } from "../retention/processing-stopped";

async function findPatient(db: Db, actor: Actor, patientId: string) {
  assertCan(actor, "clinic-patients");
  const patient = await db.patient.findFirst({
    where: { id: requireId(patientId), clinicId: actor.clinicId, archivedAt: null },
    include: { clinic: { select: { name: true } }, portalUser: { select: { email: true, locale: true } } },
  });
  if (!patient) throw new AppError("NOT_FOUND");
  return patient;
}

/** The link the patient opens, on the app's address. */
export const inviteLink = (appUrl: string, token: string) => new URL(`/invite/${token}`, appUrl).toString();

const ZInviteEmail = z.object({ email: z.string({ error: "required" }).trim().toLowerCase().min(1, "required").max(200, "tooLong").pipe(z.email("invalidEmail")) });

export type CreateInviteResult = { status: "created"; token: string; link: string; expiresAt: Date; emailedTo: string } | { status: "invalid"; fieldErrors: FieldErrors };

/**
 * Creates an invite for the patient and revokes any open one, and e-mails it. The address is
 * the portal account's when the patient has one; otherwise the clinician gives it (the
 * patient's address on file by default), and it becomes the account's e-mail. So the
 * invitation page never asks for an address and cannot tell anyone which addresses have
 * accounts. Answers the link (and its token), once. The database holds one pending invite per
 * patient (Invite_one_pending_per_patient): of two created at the same moment, the second is
 * a CONFLICT rather than a second live link.
 */
export async function createInvite(db: Db, actor: Actor, patientId: string, now: Date, appUrl: string, raw: Record<string, unknown> = {}): Promise<CreateInviteResult> {
  const patient = await findPatient(db, actor, patientId);
  assertProcessing(patient);
  let email = patient.portalUser?.email;
  if (!email) {
    const parsed = ZInviteEmail.safeParse({ email: patient.email ?? undefined, ...raw });
    if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
    if (await db.user.findUnique({ where: { email: parsed.data.email }, select: { id: true } })) return { status: "invalid", fieldErrors: { email: "emailHasAccount" } };
    email = parsed.data.email;
  }
  const to = email;
  const { token, tokenHash, expiresAt } = newToken(now, INVITE_DAYS * 24);
  const link = inviteLink(appUrl, token);
  await db
    .$transaction(async (tx) => {
      await tx.invite.updateMany({ where: { patientId: patient.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
      const invite = await tx.invite.create({ data: { clinicId: actor.clinicId, purpose: "PORTAL", patientId: patient.id, email: to, createdById: actor.userId, tokenHash, expiresAt } });
      await recordAuditEvent(tx, actor, { action: "CREATE", entity: "Invite", entityId: invite.id });
      await queueEmail(tx, { clinicId: actor.clinicId, kind: "PORTAL_INVITE", to, locale: patient.portalUser?.locale ?? "da", recipientName: patient.name, clinicName: patient.clinic.name, link });
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? new AppError("CONFLICT") : error;
    });
  return { status: "created", token, link, expiresAt, emailedTo: to };
}

/** The patient's portal access as the clinician sees it: the account, and the latest invite. */
export async function getPortalAccess(db: Db, actor: Actor, patientId: string, now: Date) {
  const patient = await findPatient(db, actor, patientId);
  const [account, invite] = await Promise.all([
    patient.portalUserId ? db.user.findUnique({ where: { id: patient.portalUserId }, select: { email: true, active: true } }) : null,
    db.invite.findFirst({ where: { patientId: patient.id }, orderBy: { createdAt: "desc" } }),
  ]);
  return {
    /** The address a new invitation goes to by default: the patient's on file. */
    patientEmail: patient.email,
    account,
    invite: invite && { status: statusOf(invite, now), createdAt: invite.createdAt, expiresAt: invite.expiresAt, usedAt: invite.usedAt },
  };
}
