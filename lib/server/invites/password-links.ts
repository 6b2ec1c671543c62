// Links for a new password (SPEC §7, §8): e-mailed to the account's own address, one open at a
// time, revoked by any new password. The same link serves "forgot password", an admin's reset
// of a staff account, and a clinician's for a patient who already has a portal account: a
// clinician never holds a link that sets a patient's password (security review I-1). Without a
// mail server the e-mail waits in the outbox, where only the patient's own physiotherapist may
// read the link, audited (revealWaitingPasswordLink).
import type { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { isUniqueViolation } from "../../platform/db/unique-violation";
import { AppError } from "../../platform/errors";
import type { ClinicContact } from "../clinics/clinic-profile";
import { sendsEmail } from "../email/mail-server";
import { queueEmail } from "../email/outbox";
import { inviteLink, newToken, RESET_HOURS } from "./tokens";

/**
 * A password link for `user`, e-mailed in their language; an open one is revoked.
 * `unlessSentSince`: none is made when one was made since then (under a lock on the account,
 * so two requests at once make one).
 */
export async function createPasswordReset(
  db: Db,
  by: Actor,
  user: {
    id: string;
    clinicId: string;
    email: string;
    name: string;
    locale: Actor["locale"];
    clinic: ClinicContact;
  },
  now: Date,
  appUrl: string,
  { unlessSentSince }: { unlessSentSince?: Date } = {},
) {
  const { token, tokenHash, expiresAt } = newToken(now, RESET_HOURS);
  await db
    .$transaction(async (tx) => {
      if (unlessSentSince) {
        await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${user.id}::uuid FOR UPDATE`;
        if (
          (await tx.invite.count({
            where: { userId: user.id, purpose: "PASSWORD_RESET", createdAt: { gt: unlessSentSince } },
          })) > 0
        )
          return;
      }
      await revokePasswordLinks(tx, user.id, now);
      const invite = await tx.invite.create({
        data: {
          clinicId: user.clinicId,
          purpose: "PASSWORD_RESET",
          userId: user.id,
          createdById: by.userId,
          tokenHash,
          expiresAt,
          createdAt: now,
        },
      });
      await recordAuditEvent(tx, by, { action: "CREATE", entity: "Invite", entityId: invite.id });
      await queueEmail(tx, {
        clinicId: user.clinicId,
        kind: "PASSWORD_RESET",
        to: user.email,
        locale: user.locale,
        recipientName: user.name,
        clinic: user.clinic,
        link: inviteLink(appUrl, token),
      });
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? new AppError("CONFLICT") : error;
    });
}

/**
 * A new password makes every open link for one obsolete: a link left in a mailbox or read in
 * the outbox must not set another after the user has secured the account (security review F-9).
 */
export async function revokePasswordLinks(tx: Prisma.TransactionClient, userId: string, now: Date) {
  await tx.invite.updateMany({
    where: { userId, purpose: "PASSWORD_RESET", usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
}

/** A single-use link in an e-mail's text. */
const LINK_IN_TEXT = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/;

/** Whether an e-mail holds a link into a patient's portal account (`toPatient`: its address is a patient's account). */
export function isPatientLinkEmail(message: { kind: string }, toPatient: boolean): boolean {
  return message.kind === "PORTAL_INVITE" || (message.kind === "PASSWORD_RESET" && toPatient);
}

/**
 * Without a mail server, a patient's password e-mail waits in the outbox. Its link is shown to
 * the patient's own physiotherapist, to give to the patient, and the reading is audited; null
 * when no open link waits there. Other staff get NOT_FOUND, as for a patient out of reach.
 */
export async function revealWaitingPasswordLink(
  db: Db,
  actor: Actor,
  patientId: string,
  now: Date,
): Promise<string | null> {
  assertCan(actor, "clinic-patients");
  // With a mail server the link reaches the patient's own inbox, and no one else reads it.
  if (sendsEmail()) throw new AppError("NOT_FOUND");
  const patient = await db.patient.findFirst({
    where: { id: requireId(patientId), clinicId: actor.clinicId, clinicianId: actor.userId, archivedAt: null },
    select: { portalUser: { select: { id: true, email: true } } },
  });
  if (!patient) throw new AppError("NOT_FOUND");
  const account = patient.portalUser;
  if (!account) return null;
  const open = await db.invite.count({
    where: { userId: account.id, purpose: "PASSWORD_RESET", usedAt: null, revokedAt: null, expiresAt: { gt: now } },
  });
  // Older links are revoked by each new one: the newest waiting e-mail holds the open link.
  const message =
    open > 0
      ? await db.emailMessage.findFirst({
          where: { clinicId: actor.clinicId, kind: "PASSWORD_RESET", to: account.email, sentAt: null },
          orderBy: { createdAt: "desc" },
        })
      : null;
  const link = message?.text ? LINK_IN_TEXT.exec(message.text)?.[0] : undefined;
  if (!message || !link) return null;
  await recordAuditEvent(db, actor, { action: "READ", entity: "EmailMessage", entityId: message.id });
  return link;
}
