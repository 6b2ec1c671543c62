// Telling a patient who does not open the portal that they should (SPEC §10): their plan went
// on hold, or the clinic wrote to them. A notice is a row written in the transaction of the
// change that caused it, then sent once by the scheduler of whichever app server claims it
// first: as web push to the phones the patient allowed, else (or when no phone takes it) as
// e-mail through the outbox. It says only "open the portal": never what changed or why.
import type { Prisma } from "../../generated/prisma/client";
import type { NoticeKind } from "../../generated/prisma/enums";
import type { Db } from "../../platform/db/client";
import { getMessages } from "../../present/i18n";
import { CLINIC_CONTACT_SELECT } from "../clinics/clinic-profile";
import { queueEmail } from "../email/outbox";
import { pushToPhones } from "../reminders/push";
import { MAX_PUSH_SUBSCRIPTIONS } from "../reminders/push-services";
import type { ReminderRun } from "../reminders/send-due-reminders";

/** Notices for these patients' plans, which have just gone on hold. */
export async function noticePlansOnHold(
  tx: Prisma.TransactionClient,
  patients: { clinicId: string; patientId: string }[],
) {
  if (patients.length === 0) return;
  await tx.patientNotice.createMany({ data: patients.map((p) => ({ ...p, kind: "PLAN_ON_HOLD" as const })) });
}

/** A notice that the clinic wrote; one waiting notice covers several messages sent before it goes. */
export async function noticeClinicMessage(
  tx: Prisma.TransactionClient,
  patient: { clinicId: string; patientId: string },
) {
  const waiting = await tx.patientNotice.count({
    where: { patientId: patient.patientId, kind: "CLINIC_MESSAGE", sentAt: null },
  });
  if (waiting === 0) await tx.patientNotice.create({ data: { ...patient, kind: "CLINIC_MESSAGE" } });
}

/** What the notification or the e-mail says, in the patient's language. */
export function noticeText(kind: NoticeKind, locale: "da" | "en") {
  return getMessages(locale).notices[kind];
}

export type NoticeCounts = { push: number; email: number; none: number };

/** Notices sent per scheduler tick at most; the rest wait a minute. */
const BATCH = 200;

/** Sends the waiting notices, each once across servers. */
export async function sendDueNotices(db: Db, run: ReminderRun): Promise<NoticeCounts> {
  const counts: NoticeCounts = { push: 0, email: 0, none: 0 };
  const waiting = await db.patientNotice.findMany({
    where: { sentAt: null },
    orderBy: { createdAt: "asc" },
    take: BATCH,
    select: {
      id: true,
      kind: true,
      clinicId: true,
      patient: {
        select: {
          name: true,
          archivedAt: true,
          processingStoppedAt: true,
          clinic: { select: CLINIC_CONTACT_SELECT },
          portalUser: {
            select: {
              email: true,
              locale: true,
              active: true,
              pushSubscriptions: {
                orderBy: { createdAt: "desc" },
                take: MAX_PUSH_SUBSCRIPTIONS,
                select: { endpoint: true, p256dh: true, auth: true },
              },
            },
          },
        },
      },
    },
  });
  for (const notice of waiting) {
    // The claim: a notice another server took is left to it.
    const { count } = await db.patientNotice.updateMany({
      where: { id: notice.id, sentAt: null },
      data: { sentAt: run.now },
    });
    if (count === 0) continue;
    const { patient } = notice;
    const account = patient.portalUser;
    // Nobody to tell: no portal account, or one closed, or a patient who asked to be erased.
    if (!account?.active || patient.archivedAt || patient.processingStoppedAt) {
      counts.none += 1;
      continue;
    }
    const text = noticeText(notice.kind, account.locale);
    if (
      run.push &&
      account.pushSubscriptions.length > 0 &&
      (await pushToPhones(db, run.push, account.pushSubscriptions, { ...text, url: run.portalUrl, refresh: true }))
    ) {
      await db.patientNotice.update({ where: { id: notice.id }, data: { channel: "PUSH" } });
      counts.push += 1;
      continue;
    }
    await db.$transaction(async (tx) => {
      await tx.patientNotice.update({ where: { id: notice.id }, data: { channel: "EMAIL" } });
      await queueEmail(tx, {
        clinicId: notice.clinicId,
        kind: notice.kind === "PLAN_ON_HOLD" ? "NOTICE_PLAN_ON_HOLD" : "NOTICE_CLINIC_MESSAGE",
        to: account.email,
        locale: account.locale,
        recipientName: patient.name,
        clinic: patient.clinic,
        link: run.portalUrl,
      });
    });
    counts.email += 1;
  }
  return counts;
}
