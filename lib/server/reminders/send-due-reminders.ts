// Sends the portal's reminders that are due (SPEC §10, Reminders). Every app server calls this
// each minute (lib/platform/jobs/registry.server.ts); a reminder goes once whichever server gets
// there first: the sent-once row (ReminderDelivery, unique per patient, kind and day) is
// claimed before anything is sent, in one INSERT … ON CONFLICT DO NOTHING. A server that
// dies between the claim and the push loses that day's reminder rather than sending it twice.
// A reminder goes as web push to the patient's phones where they allowed it, else (or if every
// push fails) as e-mail through the outbox. It is not sent when the day's entry is already
// logged, and it stops when the program ends. No training reminder goes to a patient whose plan
// is on hold (a red flag, a paused course: SPEC §6), as the episode's stored state says.
// Decision records 020 and 023.
import { ZProgramContent } from "../../clinical/programs/default-templates";
import type { Locale } from "../../generated/prisma/enums";
import type { Db } from "../../platform/db/client";
import { getMessages } from "../../present/i18n";
import { CLINIC_CONTACT_SELECT, type ClinicContact } from "../clinics/clinic-profile";
import { queueEmail } from "../email/outbox";
import { type PushSender, pushToPhones } from "./push";
import { MAX_PUSH_SUBSCRIPTIONS } from "./push-services";
import { clinicClock, dueMinutes, programRunsOn, type ReminderKind } from "./reminder-schedule";

export type ReminderRun = {
  now: Date;
  /** The portal's address, for the e-mail's link and the notification's. */
  portalUrl: string;
  /** Null without VAPID keys: every reminder goes as e-mail. */
  push: PushSender | null;
};
export type ReminderCounts = { push: number; email: number };

/** What a notification or e-mail says: no health data, only what to do and where. */
export function reminderText(kind: ReminderKind, locale: Locale) {
  const text = getMessages(locale).reminders.message;
  return kind === "MORNING_PAIN" ? text.morningPain : text.session;
}

export async function sendDueReminders(db: Db, run: ReminderRun): Promise<ReminderCounts> {
  const counts: ReminderCounts = { push: 0, email: 0 };
  const clinics = await db.clinic.findMany({ select: { id: true, timeZone: true, ...CLINIC_CONTACT_SELECT } });
  for (const clinic of clinics) {
    const { day, minute } = clinicClock(run.now, clinic.timeZone);
    for (const reminder of await dueReminders(db, clinic.id, day, minute)) {
      const channel = await deliver(db, run, clinic, day, reminder);
      if (channel) counts[channel === "PUSH" ? "push" : "email"] += 1;
    }
  }
  return counts;
}

type DueReminder = Awaited<ReturnType<typeof dueReminders>>[number];

/** The clinic's reminders whose minute has come today, for patients still in a program, not yet sent and not yet logged. */
async function dueReminders(db: Db, clinicId: string, day: Date, minute: number) {
  const candidates = await db.reminder.findMany({
    where: {
      clinicId,
      minuteOfDay: dueMinutes(minute),
      patient: { archivedAt: null, processingStoppedAt: null, portalUser: { is: { active: true } } },
    },
    select: {
      kind: true,
      patient: {
        select: {
          id: true,
          name: true,
          portalUser: {
            select: {
              email: true,
              locale: true,
              pushSubscriptions: {
                orderBy: { createdAt: "desc" },
                take: MAX_PUSH_SUBSCRIPTIONS,
                select: { endpoint: true, p256dh: true, auth: true },
              },
            },
          },
          reminderDeliveries: { where: { day }, select: { kind: true } },
          currentEpisode: {
            select: {
              status: true,
              planStatus: true,
              assignments: {
                where: { status: "ACTIVE" },
                select: { startDate: true, maintenanceSince: true, content: true },
              },
              outcomes: {
                where: { date: day, instrument: "NRS_FIRST_STEP", deletedAt: null },
                select: { id: true },
                take: 1,
              },
              sessionLogs: { where: { date: day }, select: { id: true }, take: 1 },
            },
          },
        },
      },
    },
  });
  return candidates.filter(({ kind, patient }) => {
    const episode = patient.currentEpisode;
    if (!patient.portalUser || !episode || episode.status === "DISCHARGED") return false;
    if (patient.reminderDeliveries.some((sent) => sent.kind === kind)) return false;
    if (kind === "SESSION" && episode.planStatus === "ON_HOLD") return false;
    if (
      !episode.assignments.some((assignment) =>
        programRunsOn({ ...assignment, content: ZProgramContent.parse(assignment.content) }, day),
      )
    )
      return false;
    return kind === "MORNING_PAIN" ? episode.outcomes.length === 0 : episode.sessionLogs.length === 0;
  });
}

/** Claims the day's reminder and sends it; answers how it went, or null when another server had it. */
async function deliver(
  db: Db,
  run: ReminderRun,
  clinic: { id: string } & ClinicContact,
  day: Date,
  { kind, patient }: DueReminder,
): Promise<"PUSH" | "EMAIL" | null> {
  const account = patient.portalUser!;
  const claim = (channel: "PUSH" | "EMAIL") => ({ clinicId: clinic.id, patientId: patient.id, kind, day, channel });
  const queueReminderEmail = (tx: Parameters<typeof queueEmail>[0]) =>
    queueEmail(tx, {
      clinicId: clinic.id,
      kind: kind === "MORNING_PAIN" ? "REMINDER_MORNING_PAIN" : "REMINDER_SESSION",
      to: account.email,
      locale: account.locale,
      recipientName: patient.name,
      clinic,
      link: run.portalUrl,
    });

  if (!run.push || account.pushSubscriptions.length === 0) {
    // The claim and the e-mail commit together: the outbox then delivers it once.
    return db.$transaction(async (tx) => {
      const { count } = await tx.reminderDelivery.createMany({ data: [claim("EMAIL")], skipDuplicates: true });
      if (count === 0) return null;
      await queueReminderEmail(tx);
      return "EMAIL" as const;
    });
  }
  const { count } = await db.reminderDelivery.createMany({ data: [claim("PUSH")], skipDuplicates: true });
  if (count === 0) return null;
  const text = reminderText(kind, account.locale);
  if (
    await pushToPhones(db, run.push, account.pushSubscriptions, {
      title: text.title,
      body: text.body,
      url: run.portalUrl,
    })
  )
    return "PUSH";
  // No phone took it: the reminder goes by e-mail instead, still once.
  await db.$transaction(async (tx) => {
    await tx.reminderDelivery.update({
      where: { patientId_kind_day: { patientId: patient.id, kind, day } },
      data: { channel: "EMAIL" },
    });
    await queueReminderEmail(tx);
  });
  return "EMAIL";
}
