// Portal invitations (SPEC §1, §7, §10): a clinician creates a single-use link valid for 7
// days; it is e-mailed to the patient's address when there is one, and shown once to the
// clinician to give by hand. Opening it lets the patient choose a password (accept-invite.ts).
// A new invite revokes any open one.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import type { Db } from "../db/client";
import { requireId } from "../db/require-id";
import { isUniqueViolation } from "../db/unique-violation";
import { queueEmail } from "../email/outbox";
import { AppError } from "../errors";
import { INVITE_DAYS, newToken, statusOf } from "./tokens";

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

/**
 * Creates an invite for the patient and revokes any open one; e-mails it to the portal
 * account's address, else the patient's. Answers the link (and its token), once, and where
 * it was sent. The
 * database holds one pending invite per patient (Invite_one_pending_per_patient): of two
 * created at the same moment, the second is a CONFLICT rather than a second live link.
 */
export async function createInvite(db: Db, actor: Actor, patientId: string, now: Date, appUrl: string) {
  const patient = await findPatient(db, actor, patientId);
  const { token, tokenHash, expiresAt } = newToken(now, INVITE_DAYS * 24);
  const link = inviteLink(appUrl, token);
  const emailTo = patient.portalUser?.email ?? patient.email;
  await db
    .$transaction(async (tx) => {
      await tx.invite.updateMany({ where: { patientId: patient.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
      const invite = await tx.invite.create({ data: { clinicId: actor.clinicId, purpose: "PORTAL", patientId: patient.id, createdById: actor.userId, tokenHash, expiresAt } });
      await recordAuditEvent(tx, actor, { action: "CREATE", entity: "Invite", entityId: invite.id });
      if (emailTo) {
        await queueEmail(tx, { clinicId: actor.clinicId, kind: "PORTAL_INVITE", to: emailTo, locale: patient.portalUser?.locale ?? "da", recipientName: patient.name, clinicName: patient.clinic.name, link });
      }
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? new AppError("CONFLICT") : error;
    });
  return { token, link, expiresAt, emailedTo: emailTo };
}

/** The patient's portal access as the clinician sees it: the account, and the latest invite. */
export async function getPortalAccess(db: Db, actor: Actor, patientId: string, now: Date) {
  const patient = await findPatient(db, actor, patientId);
  const [account, invite] = await Promise.all([
    patient.portalUserId ? db.user.findUnique({ where: { id: patient.portalUserId }, select: { email: true, active: true } }) : null,
    db.invite.findFirst({ where: { patientId: patient.id }, orderBy: { createdAt: "desc" } }),
  ]);
  return {
    account,
    invite: invite && { status: statusOf(invite, now), createdAt: invite.createdAt, expiresAt: invite.expiresAt, usedAt: invite.usedAt },
  };
}
