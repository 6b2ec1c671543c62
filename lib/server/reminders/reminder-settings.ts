// A patient's reminder times and the phones that take them as web push (SPEC §10, Reminders).
// The patient sets both in the portal; the scheduler sends (send-due-reminders.ts).
import { z } from "zod";

import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { parseTimeText } from "../../present/forms/date-text";
import { type FieldErrors, fieldErrorsOf } from "../../present/forms/form-input";
import { patientWhere } from "../patients/scope";
import { isPushServiceEndpoint, MAX_PUSH_SUBSCRIPTIONS } from "./push-services";
import { minuteOfDay, REMINDER_KINDS, type ReminderKind, timeOfDay } from "./reminder-schedule";

/** Each kind's time as "HH:MM", or null for no reminder. */
export type ReminderTimes = Record<ReminderKind, string | null>;

/** The patient's own record, or NOT_FOUND (a portal account whose record was erased). */
async function ownPatient(db: Db, actor: Actor) {
  assertCan(actor, "own-record");
  const patient = await db.patient.findFirst({ where: patientWhere(actor), select: { id: true } });
  if (!patient) throw new AppError("NOT_FOUND");
  return patient;
}

export async function getReminderTimes(db: Db, actor: Actor): Promise<ReminderTimes> {
  const patient = await ownPatient(db, actor);
  const reminders = await db.reminder.findMany({
    where: { patientId: patient.id },
    select: { kind: true, minuteOfDay: true },
  });
  const timeOf = (kind: ReminderKind) =>
    nullableTime(reminders.find((reminder) => reminder.kind === kind)?.minuteOfDay ?? null);
  return { MORNING_PAIN: timeOf("MORNING_PAIN"), SESSION: timeOf("SESSION") };
}

/** An empty field is no reminder; anything else must be a time of day. */
const zTime = z
  .string()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    // The field takes hh:mm on the 24-hour clock, also 7:30, 07.30 and 0730.
    const time = parseTimeText(value);
    const minute = time === null ? null : minuteOfDay(time);
    if (minute === null) context.addIssue({ code: "custom", message: "invalidTime" });
    return minute;
  });

const ZReminderTimes = z.object({ MORNING_PAIN: zTime, SESSION: zTime });

export type ReminderTimesResult =
  { status: "saved"; times: ReminderTimes } | { status: "invalid"; fieldErrors: FieldErrors<ReminderKind> };

/** Sets both reminder times at once (the portal's one form); an empty field removes that reminder. */
export async function saveReminderTimes(
  db: Db,
  actor: Actor,
  raw: Record<string, unknown>,
): Promise<ReminderTimesResult> {
  const patient = await ownPatient(db, actor);
  const parsed = ZReminderTimes.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  await db.$transaction(async (tx) => {
    for (const kind of REMINDER_KINDS) {
      const minute = parsed.data[kind];
      if (minute === null) await tx.reminder.deleteMany({ where: { patientId: patient.id, kind } });
      else
        await tx.reminder.upsert({
          where: { patientId_kind: { patientId: patient.id, kind } },
          create: { clinicId: actor.clinicId, patientId: patient.id, kind, minuteOfDay: minute },
          update: { minuteOfDay: minute },
        });
    }
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "Reminder", entityId: patient.id });
  });
  return {
    status: "saved",
    times: { MORNING_PAIN: nullableTime(parsed.data.MORNING_PAIN), SESSION: nullableTime(parsed.data.SESSION) },
  };
}

const nullableTime = (minute: number | null) => (minute === null ? null : timeOfDay(minute));

/** A phone's push subscription as the browser gives it (PushSubscription.toJSON()). */
const ZPushSubscription = z.object({
  endpoint: z.string().max(1000).refine(isPushServiceEndpoint, "invalidChoice"),
  keys: z.object({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, "invalidChoice"),
    auth: z.string().regex(/^[A-Za-z0-9_-]{16,30}$/, "invalidChoice"),
  }),
});

/**
 * Keeps this phone's subscription for the signed-in patient, and answers whether it did. An
 * address already kept for another account stays that account's (F-12): the phone then asks
 * its push service for a new address (push-on-this-phone.ts). A patient with the most devices
 * already kept adds none until one is forgotten or fails. The account's row is locked so
 * parallel requests cannot pass the cap together.
 */
export async function savePushSubscription(db: Db, actor: Actor, raw: unknown): Promise<boolean> {
  const patient = await ownPatient(db, actor);
  const parsed = ZPushSubscription.safeParse(raw);
  if (!parsed.success) return false;
  const { endpoint, keys } = parsed.data;
  const kept = await db.pushSubscription.findUnique({
    where: { endpoint },
    select: { userId: true, p256dh: true, auth: true },
  });
  if (kept && kept.userId !== actor.userId) return false;
  // The portal sends its subscription on every visit: the same one again writes nothing.
  if (kept && kept.p256dh === keys.p256dh && kept.auth === keys.auth) return true;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${actor.userId}::uuid FOR UPDATE`;
    const own = { userId: actor.userId, endpoint };
    if (
      !(await tx.pushSubscription.count({ where: own })) &&
      (await tx.pushSubscription.count({ where: { userId: actor.userId } })) >= MAX_PUSH_SUBSCRIPTIONS
    )
      return false;
    const subscription = { clinicId: actor.clinicId, userId: actor.userId, p256dh: keys.p256dh, auth: keys.auth };
    // Inserted only where no account holds the address yet, and otherwise updated only where
    // this account does: of two accounts sending one address at once, one keeps it (F-12).
    const { count } = await tx.pushSubscription.createMany({
      data: [{ endpoint, ...subscription }],
      skipDuplicates: true,
    });
    if (
      count === 0 &&
      (await tx.pushSubscription.updateMany({ where: own, data: { p256dh: keys.p256dh, auth: keys.auth } })).count === 0
    )
      return false;
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "Reminder", entityId: patient.id });
    return true;
  });
}

/** Forgets this phone's subscription (at sign-out): the next patient on it gets none of these reminders. */
export async function forgetPushSubscription(db: Db, actor: Actor, endpoint: string): Promise<void> {
  assertCan(actor, "own-record");
  await db.pushSubscription.deleteMany({ where: { endpoint, userId: actor.userId } });
}
