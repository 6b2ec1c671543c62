// Portal invitations (SPEC §1, §7, §10): a clinician creates a single-use link valid for 7
// days; it is e-mailed to the patient, and shown once to the clinician to give by hand.
// Opening it lets the patient choose a password (accept-invite.ts). A new invite revokes any
// open one.
import { z } from "zod";

import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { isUniqueViolation } from "../../platform/db/unique-violation";
import { AppError } from "../../platform/errors";
import { type FieldErrors, fieldErrorsOf } from "../../present/forms/form-input";
import { CLINIC_CONTACT_SELECT } from "../clinics/clinic-profile";
import { sendsEmail } from "../email/mail-server";
import { queueEmail } from "../email/outbox";
import { assertProcessing } from "../retention/processing-stopped";
import { createPasswordReset } from "./password-links";
import { INVITE_DAYS, inviteLink, newToken, statusOf } from "./tokens";

async function findPatient(db: Db, actor: Actor, patientId: string) {
  assertCan(actor, "clinic-patients");
  const patient = await db.patient.findFirst({
    where: { id: requireId(patientId), clinicId: actor.clinicId, archivedAt: null },
    include: {
      clinic: { select: CLINIC_CONTACT_SELECT },
      portalUser: { select: { id: true, clinicId: true, email: true, name: true, locale: true } },
    },
  });
  if (!patient) throw new AppError("NOT_FOUND");
  return patient;
}

/**
 * Whether an address already has an account in the actor's clinic. An account in another
 * clinic is not said: the invitation is made and e-mailed as for any new address, and opening
 * it ends as any link that does not work (accept-invite.ts), so staff cannot learn who is a
 * patient or employee elsewhere (security review F-3).
 */
export async function hasAccountInClinic(db: Db, clinicId: string, email: string): Promise<boolean> {
  return (await db.user.count({ where: { email, clinicId } })) > 0;
}

const ZInviteEmail = z.object({
  email: z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .min(1, "required")
    .max(200, "tooLong")
    .pipe(z.email("invalidEmail")),
});

export type CreateInviteResult =
  | { status: "created"; token: string; link: string; expiresAt: Date; emailedTo: string }
  /** The patient has an account: a link for a new password went to its address, and only there. */
  | { status: "passwordLinkSent"; emailedTo: string }
  | { status: "invalid"; fieldErrors: FieldErrors };

/**
 * Creates an invite for a patient without a portal account and revokes any open one, and
 * e-mails it to the address the clinician gives (the patient's on file by default), which
 * becomes the account's e-mail. So the invitation page never asks for an address and cannot
 * tell anyone which addresses have accounts. Answers the link (and its token), once. The
 * database holds one pending invite per patient (Invite_one_pending_per_patient): of two
 * created at the same moment, the second is a CONFLICT rather than a second live link.
 *
 * For a patient who has an account, the same button sends a link for a new password to the
 * account's own address and answers no link: staff cannot set a patient's password and sign
 * in as the patient (security review I-1).
 */
export async function createInvite(
  db: Db,
  actor: Actor,
  patientId: string,
  now: Date,
  appUrl: string,
  raw: Record<string, unknown> = {},
): Promise<CreateInviteResult> {
  const patient = await findPatient(db, actor, patientId);
  assertProcessing(patient);
  if (patient.portalUser) {
    await createPasswordReset(db, actor, { ...patient.portalUser, clinic: patient.clinic }, now, appUrl);
    return { status: "passwordLinkSent", emailedTo: patient.portalUser.email };
  }
  const parsed = ZInviteEmail.safeParse({ email: patient.email ?? undefined, ...raw });
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  if (await hasAccountInClinic(db, actor.clinicId, parsed.data.email))
    return { status: "invalid", fieldErrors: { email: "emailHasAccount" } };
  const to = parsed.data.email;
  const { token, tokenHash, expiresAt } = newToken(now, INVITE_DAYS * 24);
  const link = inviteLink(appUrl, token);
  await db
    .$transaction(async (tx) => {
      await tx.invite.updateMany({
        where: { patientId: patient.id, usedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
      const invite = await tx.invite.create({
        data: {
          clinicId: actor.clinicId,
          purpose: "PORTAL",
          patientId: patient.id,
          email: to,
          createdById: actor.userId,
          tokenHash,
          expiresAt,
        },
      });
      await recordAuditEvent(tx, actor, { action: "CREATE", entity: "Invite", entityId: invite.id });
      await queueEmail(tx, {
        clinicId: actor.clinicId,
        kind: "PORTAL_INVITE",
        to,
        locale: "da",
        recipientName: patient.name,
        clinic: patient.clinic,
        link,
      });
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? new AppError("CONFLICT") : error;
    });
  return { status: "created", token, link, expiresAt, emailedTo: to };
}

/** The patient's portal access as the clinician sees it: the account, and the latest invite. */
export async function getPortalAccess(db: Db, actor: Actor, patientId: string, now: Date) {
  const patient = await findPatient(db, actor, patientId);
  const [account, invite, openPasswordLinks] = await Promise.all([
    patient.portalUserId
      ? db.user.findUnique({ where: { id: patient.portalUserId }, select: { email: true, active: true } })
      : null,
    db.invite.findFirst({ where: { patientId: patient.id }, orderBy: { createdAt: "desc" } }),
    patient.portalUserId
      ? db.invite.count({
          where: {
            userId: patient.portalUserId,
            purpose: "PASSWORD_RESET",
            usedAt: null,
            revokedAt: null,
            expiresAt: { gt: now },
          },
        })
      : 0,
  ]);
  return {
    /** The address a new invitation goes to by default: the patient's on file. */
    patientEmail: patient.email,
    /** Whether the actor is the patient's own physiotherapist, who may read a link waiting in the outbox (password-links.ts). */
    ownPatient: patient.clinicianId === actor.userId,
    account,
    /** Whether a link for a new password is open for the account (sent, not yet used or replaced). */
    passwordLinkOpen: openPasswordLinks > 0,
    /**
     * Whether the actor may be shown that link to hand it over (revealWaitingPasswordLink): their
     * own patient's open link, waiting in the outbox because no mail server sends it.
     */
    /** Whether a mail server sends what the clinic creates here; without one, links wait in the outbox. */
    sendsEmail: sendsEmail(),
    passwordLinkRevealable:
      Boolean(account) && openPasswordLinks > 0 && patient.clinicianId === actor.userId && !sendsEmail(),
    invite: invite && {
      status: statusOf(invite, now),
      createdAt: invite.createdAt,
      expiresAt: invite.expiresAt,
      usedAt: invite.usedAt,
    },
  };
}
