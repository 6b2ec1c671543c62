// The outbox as admins read it at /admin/outbox (SPEC §10): every e-mail of the clinic, newest
// first. Without a mail server this is how a staff member's link reaches them, so opening a
// message that holds one is an audited read; a link into a patient's account is left out.
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
import { isPatientLinkEmail } from "../invites/password-links";
import { MAX_ATTEMPTS } from "./delivery";

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxState = "SENT" | "WAITING" | "FAILED";

const stateOf = (message: { sentAt: Date | null; attempts: number }): OutboxState =>
  message.sentAt ? "SENT" : message.attempts >= MAX_ATTEMPTS ? "FAILED" : "WAITING";

export async function listOutbox(db: Db, actor: Actor, page: number) {
  assertCan(actor, "clinic-admin");
  const where = { clinicId: actor.clinicId };
  const [total, messages] = await Promise.all([
    db.emailMessage.count({ where }),
    db.emailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: { id: true, to: true, subject: true, createdAt: true, sentAt: true, attempts: true },
    }),
  ]);
  return { total, messages: messages.map((message) => ({ ...message, state: stateOf(message) })) };
}

/**
 * One e-mail. `hidesLink`: it holds a link into a patient's portal account, which the page
 * leaves out; only the patient's own physiotherapist reads it (password-links.ts).
 */
export async function getOutboxMessage(db: Db, actor: Actor, messageId: string) {
  assertCan(actor, "clinic-admin");
  const message = await db.emailMessage.findFirst({ where: { id: requireId(messageId), clinicId: actor.clinicId } });
  if (!message) throw new AppError("NOT_FOUND");
  const patientAccount = await db.user.count({ where: { email: message.to, role: "PATIENT" } });
  await recordAuditEvent(db, actor, { action: "READ", entity: "EmailMessage", entityId: message.id });
  return { ...message, state: stateOf(message), hidesLink: isPatientLinkEmail(message, patientAccount > 0) };
}
