// Staff administration (SPEC §7 Admin): an admin invites clinicians and admins by e-mail,
// changes roles, closes and reopens accounts and sends password links. The clinic keeps at
// least one active admin: changes that could remove the last one take turns on the clinic's
// row, so two admins demoting each other at once cannot both succeed.
import { z } from "zod";

import { textLimit } from "../../clinical/field-limits";
import type { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import { endUserSessions } from "../../platform/auth/sessions";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { isUniqueViolation } from "../../platform/db/unique-violation";
import { AppError } from "../../platform/errors";
import { type FieldErrors, fieldErrorsOf, zChoice, zRequiredText } from "../../present/forms/form-input";
import { LOCALES } from "../../present/i18n";
import { CLINIC_CONTACT_SELECT } from "../clinics/clinic-profile";
import { queueEmail } from "../email/outbox";
import { hasAccountInClinic } from "../invites/invites";
import { createPasswordReset } from "../invites/password-links";
import { INVITE_DAYS, inviteLink, newToken } from "../invites/tokens";

export const STAFF_ROLES = ["CLINICIAN", "ADMIN"] as const;
export const STAFF_FIELDS = { name: textLimit(200), email: textLimit(200) };

const ZEmail = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .min(1, "required")
  .max(STAFF_FIELDS.email.maxLength, "tooLong")
  .pipe(z.email("invalidEmail"));
const ZInvite = z.object({
  name: zRequiredText(STAFF_FIELDS.name),
  email: ZEmail,
  role: zChoice(STAFF_ROLES),
  locale: zChoice(LOCALES),
});
const ZRole = z.object({ role: zChoice(STAFF_ROLES) });

export type StaffResult =
  { status: "saved" } | { status: "invalid"; fieldErrors: FieldErrors } | { status: "lastAdmin" };

/** The clinic's staff and its open staff invitations. */
export async function listStaff(db: Db, actor: Actor, now: Date) {
  assertCan(actor, "clinic-admin");
  const [users, invites] = await Promise.all([
    db.user.findMany({
      where: { clinicId: actor.clinicId, role: { in: [...STAFF_ROLES] } },
      orderBy: [{ active: "desc" }, { name: "asc" }],
      select: { id: true, name: true, email: true, role: true, active: true },
    }),
    db.invite.findMany({
      where: { clinicId: actor.clinicId, purpose: "STAFF", usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, name: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  return { users, invites };
}

/**
 * Invites a clinician or admin: a single-use link, e-mailed, valid INVITE_DAYS days; a newer
 * invitation to the same address replaces an open one. An address with an account in this
 * clinic is refused; one elsewhere is not said (hasAccountInClinic).
 */
export async function inviteStaff(
  db: Db,
  actor: Actor,
  raw: Record<string, unknown>,
  now: Date,
  appUrl: string,
): Promise<StaffResult> {
  assertCan(actor, "clinic-admin");
  const parsed = ZInvite.safeParse({ locale: actor.locale, ...raw });
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const input = parsed.data;
  if (await hasAccountInClinic(db, actor.clinicId, input.email))
    return { status: "invalid", fieldErrors: { email: "emailHasAccount" } };
  const { token, tokenHash, expiresAt } = newToken(now, INVITE_DAYS * 24);
  await db
    .$transaction(async (tx) => {
      await tx.invite.updateMany({
        where: { clinicId: actor.clinicId, purpose: "STAFF", email: input.email, usedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
      const invite = await tx.invite.create({
        data: { clinicId: actor.clinicId, purpose: "STAFF", ...input, createdById: actor.userId, tokenHash, expiresAt },
      });
      await recordAuditEvent(tx, actor, { action: "CREATE", entity: "Invite", entityId: invite.id });
      const clinic = await tx.clinic.findUniqueOrThrow({
        where: { id: actor.clinicId },
        select: CLINIC_CONTACT_SELECT,
      });
      await queueEmail(tx, {
        clinicId: actor.clinicId,
        kind: "STAFF_INVITE",
        to: input.email,
        locale: input.locale,
        recipientName: input.name,
        clinic,
        link: inviteLink(appUrl, token),
      });
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? new AppError("CONFLICT") : error;
    });
  return { status: "saved" };
}

/** Changes a staff member's role; the last active admin keeps theirs. */
export async function changeStaffRole(
  db: Db,
  actor: Actor,
  userId: string,
  raw: Record<string, unknown>,
): Promise<StaffResult> {
  assertCan(actor, "clinic-admin");
  const parsed = ZRole.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  return changeStaff(db, actor, userId, { role: parsed.data.role });
}

/** Closes (false) or reopens (true) a staff account; the last active admin stays open. */
export async function setStaffActive(db: Db, actor: Actor, userId: string, active: boolean): Promise<StaffResult> {
  assertCan(actor, "clinic-admin");
  return changeStaff(db, actor, userId, { active });
}

async function changeStaff(db: Db, actor: Actor, userId: string, change: Prisma.UserUpdateInput): Promise<StaffResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Clinic" WHERE id = ${actor.clinicId}::uuid FOR UPDATE`;
    const user = await tx.user.findFirst({
      where: { id: requireId(userId), clinicId: actor.clinicId, role: { in: [...STAFF_ROLES] } },
    });
    if (!user) throw new AppError("NOT_FOUND");
    const losesAdmin = user.role === "ADMIN" && user.active && (change.role === "CLINICIAN" || change.active === false);
    if (losesAdmin) {
      const admins = await tx.user.count({ where: { clinicId: actor.clinicId, role: "ADMIN", active: true } });
      if (admins <= 1) return { status: "lastAdmin" } as const;
    }
    await tx.user.update({ where: { id: user.id }, data: change });
    if (change.active === false) await endUserSessions(tx, user.id);
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "User", entityId: user.id });
    return { status: "saved" } as const;
  });
}

/** Sends a staff member a link for a new password (RESET_HOURS hours), replacing an open one. */
export async function sendPasswordReset(
  db: Db,
  actor: Actor,
  userId: string,
  now: Date,
  appUrl: string,
): Promise<{ email: string }> {
  assertCan(actor, "clinic-admin");
  const user = await db.user.findFirst({
    where: { id: requireId(userId), clinicId: actor.clinicId, role: { in: [...STAFF_ROLES] }, active: true },
    include: { clinic: { select: CLINIC_CONTACT_SELECT } },
  });
  if (!user) throw new AppError("NOT_FOUND");
  await createPasswordReset(db, actor, user, now, appUrl);
  return { email: user.email };
}
