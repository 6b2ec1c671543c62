// Messages between a patient and the clinic (SPEC §10, Messages). One conversation per patient:
// the patient writes from the portal, and any of the clinic's staff answers from the patient's
// page. Opening the conversation marks the other side's messages read: that moment is the read
// receipt the sender sees. Sending and reading are audited on the patient's conversation
// (entity "MessageThread", the patient's id), so an erased record's events are re-pointed with
// the rest of it (lib/server/retention/purge.ts). The text itself is never logged or audited.
import { z } from "zod";

import { textLimit } from "../../clinical/field-limits";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan, can } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { idempotencyKeyOf, writeOnce } from "../../platform/db/idempotency";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
import { type FieldErrors, fieldErrorsOf, zRequiredText } from "../../present/forms/form-input";
import { noticeClinicMessage } from "../notices/patient-notices";
import { patientWhere } from "../patients/scope";
import { assertProcessing } from "../retention/processing-stopped";

/** A message is a short note about the plan, not a letter. */
export const MESSAGE_FIELDS = { body: textLimit(1000) };

const ZMessage = z.object({ body: zRequiredText(MESSAGE_FIELDS.body) });

export type MessageView = {
  id: string;
  fromPatient: boolean;
  senderName: string;
  body: string;
  sentAt: Date;
  /** When the other side opened it; null while unread. */
  readAt: Date | null;
};

export type Conversation = {
  patientId: string;
  patientName: string;
  /** Whether the patient can read messages: a portal account, and processing not stopped. */
  canReceive: boolean;
  messages: MessageView[];
};

/**
 * The conversation's patient: one of the clinic's for staff, who name it; the patient's own
 * record for a patient (the portal names none; a patient naming another is refused).
 */
function conversationWhere(actor: Actor, patientId: string | null) {
  if (can(actor, "own-record"))
    return { ...patientWhere(actor), ...(patientId !== null && { id: requireId(patientId) }) };
  assertCan(actor, "clinic-patients");
  return { ...patientWhere(actor), id: requireId(patientId ?? "") };
}

async function conversationPatient(db: Pick<Db, "patient">, actor: Actor, patientId: string | null) {
  const patient = await db.patient.findFirst({
    where: conversationWhere(actor, patientId),
    select: { id: true, name: true, portalUserId: true, processingStoppedAt: true },
  });
  if (!patient) throw new AppError("NOT_FOUND");
  return patient;
}

/**
 * The conversation as the actor sees it, oldest first, and the other side's unread messages
 * marked read by the actor. `patientId` is staff's choice; a patient always opens their own.
 */
export async function openConversation(
  db: Db,
  actor: Actor,
  patientId: string | null,
  now = new Date(),
): Promise<Conversation> {
  return db.$transaction(async (tx) => {
    const patient = await conversationPatient(tx, actor, patientId);
    const fromPatient = !can(actor, "own-record");
    await tx.message.updateMany({
      where: { clinicId: actor.clinicId, patientId: patient.id, fromPatient, readAt: null },
      data: { readAt: now, readById: actor.userId },
    });
    const messages = await tx.message.findMany({
      where: { clinicId: actor.clinicId, patientId: patient.id },
      orderBy: [{ sentAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        fromPatient: true,
        body: true,
        sentAt: true,
        readAt: true,
        sender: { select: { name: true } },
      },
    });
    await recordAuditEvent(tx, actor, { action: "READ", entity: "MessageThread", entityId: patient.id });
    return {
      patientId: patient.id,
      patientName: patient.name,
      canReceive: patient.portalUserId !== null && patient.processingStoppedAt === null,
      messages: messages.map(({ sender, ...message }) => ({ ...message, senderName: sender.name })),
    };
  });
}

export type SendResult =
  | { status: "sent" }
  | { status: "noPortal" }
  | { status: "invalid"; fieldErrors: FieldErrors<keyof typeof MESSAGE_FIELDS> };

/**
 * Sends a message in the patient's conversation: from the patient to the clinic, or from staff
 * to the patient. The form's idempotency key sent again (a second tap, a retried request) sends
 * nothing more. A patient whose processing stopped (SPEC §9) takes no more messages.
 */
export async function sendMessage(
  db: Db,
  actor: Actor,
  patientId: string | null,
  raw: Record<string, unknown>,
): Promise<SendResult> {
  const key = idempotencyKeyOf(raw);
  const parsed = ZMessage.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  return db.$transaction(async (tx): Promise<SendResult> => {
    const patient = await conversationPatient(tx, actor, patientId);
    assertProcessing(patient);
    // Staff write only to a patient who can read it in the portal.
    if (patient.portalUserId === null) return { status: "noPortal" };
    const { repeated } = await writeOnce(tx, actor, key, "MessageThread", async () => {
      const message = await tx.message.create({
        data: {
          clinicId: actor.clinicId,
          patientId: patient.id,
          senderId: actor.userId,
          fromPatient: can(actor, "own-record"),
          body: parsed.data.body,
        },
        select: { id: true },
      });
      return message.id;
    });
    if (!repeated) {
      await recordAuditEvent(tx, actor, { action: "CREATE", entity: "MessageThread", entityId: patient.id });
      // A patient who does not open the portal learns that the clinic answered (SPEC §10).
      if (!can(actor, "own-record")) await noticeClinicMessage(tx, { clinicId: actor.clinicId, patientId: patient.id });
    }
    return { status: "sent" };
  });
}

/** How many of the clinic's messages the signed-in patient has not opened (the portal's count). */
export async function unreadForPatient(db: Db, actor: Actor): Promise<number> {
  assertCan(actor, "own-record");
  const patient = await db.patient.findFirst({ where: patientWhere(actor), select: { id: true } });
  if (!patient) return 0;
  return db.message.count({
    where: { clinicId: actor.clinicId, patientId: patient.id, fromPatient: false, readAt: null },
  });
}

/** For those of these patients of the clinic who wrote, how many of their messages no one at the clinic has opened (the caseload's counts). */
export async function unreadFromPatients(
  db: Db,
  actor: Actor,
  patientIds: string[],
): Promise<{ patientId: string; unread: number }[]> {
  assertCan(actor, "clinic-patients");
  if (patientIds.length === 0) return [];
  const counts = await db.message.groupBy({
    by: ["patientId"],
    where: { clinicId: actor.clinicId, patientId: { in: patientIds }, fromPatient: true, readAt: null },
    _count: { _all: true },
  });
  return counts.map((row) => ({ patientId: row.patientId, unread: row._count._all }));
}
