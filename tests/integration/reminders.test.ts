import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";

import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, isoDate } from "../../lib/platform/dates";
import { isAppError } from "../../lib/platform/errors";
import { logMorningPain } from "../../lib/server/portal/portal-logs";
import { assignProgram } from "../../lib/server/programs/assignments";
import { listTemplates, seedDefaultTemplates } from "../../lib/server/programs/templates";
import { MAX_PUSH_SUBSCRIPTIONS } from "../../lib/server/reminders/push-services";
import { clinicClock, timeOfDay } from "../../lib/server/reminders/reminder-schedule";
import {
  forgetPushSubscription,
  getReminderTimes,
  savePushSubscription,
  saveReminderTimes,
} from "../../lib/server/reminders/reminder-settings";
import { sendDueReminders } from "../../lib/server/reminders/send-due-reminders";
import { webPushSender } from "../../lib/server/reminders/web-push-sender";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { startPushService } from "../support/push-service";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

// Reminders end to end below the browser: the settings a patient saves, and the scheduler's
// sender against a real push service protocol (tests/support/push-service.ts).

const PORTAL_URL = "http://localhost:3000/portal";
const vapid = webpush.generateVAPIDKeys();
const push = webPushSender(vapid, "mailto:klinik@example.test");

let t: TestDatabase;
let clinicId: string;
let clinician: Actor;
let pushService: Awaited<ReturnType<typeof startPushService>>;
const now = new Date();
const { day, minute } = clinicClock(now, "Europe/Copenhagen");
/** A reminder time that has just passed on the clinic's clock. */
const justNow = timeOfDay(Math.max(0, minute - 1));

/** A patient with a portal account, an open episode and an HSR program started `daysAgo` days ago. */
async function portalPatient(daysAgo = 10) {
  const patientUser = await createUser(t.prisma, { clinicId, role: "PATIENT" });
  const patient = await createPatient(t.prisma, { clinicId, clinicianId: clinician.userId });
  const start = addDays(day, -daysAgo);
  const episode = await t.prisma.episode.create({
    data: { clinicId, patientId: patient.id, side: "LEFT", symptomOnset: start, treatmentStart: start },
  });
  await t.prisma.patient.update({
    where: { id: patient.id },
    data: { currentEpisodeId: episode.id, portalUserId: patientUser.id },
  });
  const templateId = (await listTemplates(t.prisma, clinician)).find((tpl) => tpl.key === "hsr-12-weeks")!.id;
  await assignProgram(t.prisma, clinician, episode.id, { templateId, startDate: isoDate(start), sessionsPerWeek: "3" });
  return { patient, actor: actorOf(patientUser), email: patientUser.email };
}

/** The push service's address is not on the list of browsers' services: the test puts it in the database as a phone's would be. */
async function subscribePhone(userId: string) {
  const phone = await pushService.subscribe(vapid.publicKey);
  await t.prisma.pushSubscription.create({
    data: { clinicId, userId, endpoint: phone.endpoint, p256dh: phone.keys.p256dh, auth: phone.keys.auth },
  });
  return phone;
}

const remindersTo = (email: string) =>
  t.prisma.emailMessage.findMany({ where: { to: email, kind: { startsWith: "REMINDER_" } } });

beforeAll(async () => {
  t = await createTestDatabase();
  clinicId = (await createClinic(t.prisma)).id;
  await seedDefaultTemplates(t.prisma, clinicId);
  clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
  pushService = await startPushService();
});
afterAll(async () => {
  pushService?.close();
  await t.close();
});

describe(`reminder settings on ${TEST_DB_KIND}`, () => {
  it("saves the patient's times, removes an emptied one, and refuses what is not a time of day", async () => {
    const { actor } = await portalPatient();
    expect(await saveReminderTimes(t.prisma, actor, { MORNING_PAIN: "07:15", SESSION: "18:00" })).toEqual({
      status: "saved",
      times: { MORNING_PAIN: "07:15", SESSION: "18:00" },
    });
    // 7.15 or 0715 would be 07:15 (date-text.test.ts); 7:5 and 25:00 are no time of day.
    expect(await saveReminderTimes(t.prisma, actor, { MORNING_PAIN: "7:5", SESSION: "25:00" })).toEqual({
      status: "invalid",
      fieldErrors: { MORNING_PAIN: "invalidTime", SESSION: "invalidTime" },
    });
    expect(await getReminderTimes(t.prisma, actor)).toEqual({ MORNING_PAIN: "07:15", SESSION: "18:00" });
    await saveReminderTimes(t.prisma, actor, { MORNING_PAIN: "06:45", SESSION: "" });
    expect(await getReminderTimes(t.prisma, actor)).toEqual({ MORNING_PAIN: "06:45", SESSION: null });
    expect(await t.prisma.auditEvent.count({ where: { actorId: actor.userId, entity: "Reminder" } })).toBe(2);
  });

  it("is the patient's own: staff cannot set a patient's reminders", async () => {
    const error = await saveReminderTimes(t.prisma, clinician, { MORNING_PAIN: "07:00" }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("NOT_FOUND");
  });

  it("keeps a phone's subscription only on a browser's push service, and forgets it at sign-out", async () => {
    const { actor } = await portalPatient();
    const keys = { p256dh: "B".repeat(87), auth: "A".repeat(22) };
    // An address the server would otherwise call for anyone: its own network, plain HTTP, a
    // look-alike host, another port of a push host, a user name hiding a host (review F-1).
    for (const endpoint of [
      "http://fcm.googleapis.com/fcm/send/x",
      "https://127.0.0.1/push",
      "https://fcm.googleapis.com.evil.test/x",
      "https://intranet.local/hook",
      "https://fcm.googleapis.com:6379/x",
      "https://fcm.googleapis.com:22/x",
      "https://user:pass@fcm.googleapis.com/x",
      "https://evil.example%2f@fcm.googleapis.com/x",
    ]) {
      expect(await savePushSubscription(t.prisma, actor, { endpoint, keys })).toBe(false);
    }
    expect(await t.prisma.pushSubscription.count({ where: { userId: actor.userId } })).toBe(0);
    const endpoint = "https://fcm.googleapis.com:443/fcm/send/abc123";
    expect(await savePushSubscription(t.prisma, actor, { endpoint, keys })).toBe(true);
    expect(await t.prisma.pushSubscription.count({ where: { userId: actor.userId } })).toBe(1);
    // The same address sent by another patient stays the first one's (F-12); their phone asks for a new address.
    const other = await portalPatient();
    expect(
      await savePushSubscription(t.prisma, other.actor, {
        endpoint,
        keys: { p256dh: "C".repeat(87), auth: "C".repeat(22) },
      }),
    ).toBe(false);
    expect(await t.prisma.pushSubscription.findUniqueOrThrow({ where: { endpoint } })).toMatchObject({
      userId: actor.userId,
      p256dh: "B".repeat(87),
    });
    await forgetPushSubscription(t.prisma, other.actor, endpoint);
    expect(await t.prisma.pushSubscription.count({ where: { endpoint } })).toBe(1);
    await forgetPushSubscription(t.prisma, actor, endpoint);
    expect(await t.prisma.pushSubscription.count({ where: { endpoint } })).toBe(0);
  });

  it("gives an address sent by two accounts at the same moment to one of them only (F-12)", async () => {
    const [first, second] = [await portalPatient(), await portalPatient()];
    const endpoint = "https://fcm.googleapis.com/fcm/send/samtidig";
    const answers = await Promise.all(
      [first, second].map(({ actor }, i) =>
        savePushSubscription(t.prisma, actor, {
          endpoint,
          keys: { p256dh: `${i}`.repeat(87), auth: `${i}`.repeat(22) },
        }),
      ),
    );
    expect(answers.filter(Boolean)).toHaveLength(1);
    const owner = [first, second][answers.indexOf(true)]!;
    expect(await t.prisma.pushSubscription.findUniqueOrThrow({ where: { endpoint } })).toMatchObject({
      userId: owner.actor.userId,
      p256dh: `${answers.indexOf(true)}`.repeat(87),
    });
  });

  it("keeps a handful of devices per patient, however many requests arrive at once", async () => {
    const { actor } = await portalPatient();
    const keys = { p256dh: "B".repeat(87), auth: "A".repeat(22) };
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        savePushSubscription(t.prisma, actor, { endpoint: `https://fcm.googleapis.com/fcm/send/device-${i}`, keys }),
      ),
    );
    expect(answers.filter(Boolean)).toHaveLength(MAX_PUSH_SUBSCRIPTIONS);
    expect(await t.prisma.pushSubscription.count({ where: { userId: actor.userId } })).toBe(MAX_PUSH_SUBSCRIPTIONS);
    // A device already kept may send its subscription again (new keys after a browser update).
    const kept = (await t.prisma.pushSubscription.findFirstOrThrow({ where: { userId: actor.userId } })).endpoint;
    expect(
      await savePushSubscription(t.prisma, actor, { endpoint: kept, keys: { ...keys, auth: "D".repeat(22) } }),
    ).toBe(true);
    expect(
      await savePushSubscription(t.prisma, actor, { endpoint: "https://fcm.googleapis.com/fcm/send/one-more", keys }),
    ).toBe(false);
  });
});

describe(`sending due reminders on ${TEST_DB_KIND}`, () => {
  it("pushes a due reminder to the patient's phone once, even with two servers looking at the same minute", async () => {
    const { actor, email } = await portalPatient();
    await saveReminderTimes(t.prisma, actor, { MORNING_PAIN: justNow, SESSION: "" });
    const phone = await subscribePhone(actor.userId);
    const [a, b] = await Promise.all([
      sendDueReminders(t.prisma, { now, portalUrl: PORTAL_URL, push }),
      sendDueReminders(t.prisma, { now, portalUrl: PORTAL_URL, push }),
    ]);
    expect(a.push + b.push).toBe(1);
    expect(await pushService.received(phone)).toEqual([
      {
        title: "Hvordan var morgenens første skridt?",
        body: "Notér din morgensmerte i portalen. Det tager kun et øjeblik.",
        url: PORTAL_URL,
      },
    ]);
    // A minute later, nothing more.
    await sendDueReminders(t.prisma, { now: new Date(now.getTime() + 60_000), portalUrl: PORTAL_URL, push });
    expect(await pushService.received(phone)).toHaveLength(1);
    expect(await remindersTo(email)).toEqual([]);
  });

  it("e-mails the reminder through the outbox when no phone takes push, or when the phone's subscription is gone", async () => {
    const noPhone = await portalPatient();
    await saveReminderTimes(t.prisma, noPhone.actor, { MORNING_PAIN: "", SESSION: justNow });
    const gone = await portalPatient();
    await saveReminderTimes(t.prisma, gone.actor, { MORNING_PAIN: justNow, SESSION: "" });
    const phone = await subscribePhone(gone.actor.userId);
    await pushService.expire(phone);

    await sendDueReminders(t.prisma, { now, portalUrl: PORTAL_URL, push });
    const [session] = await remindersTo(noPhone.email);
    expect(session).toMatchObject({ kind: "REMINDER_SESSION", subject: "Tid til dagens træning" });
    expect(session!.text).toContain(PORTAL_URL);
    expect(await remindersTo(gone.email)).toHaveLength(1);
    // The push service said the phone is gone: the subscription is forgotten.
    expect(await t.prisma.pushSubscription.count({ where: { userId: gone.actor.userId } })).toBe(0);
    await sendDueReminders(t.prisma, { now, portalUrl: PORTAL_URL, push });
    expect(await remindersTo(noPhone.email)).toHaveLength(1);
  });

  it("gives up on a push service that does not answer in time and forgets the phones that failed, then e-mails", async () => {
    const { actor, email } = await portalPatient();
    await saveReminderTimes(t.prisma, actor, { MORNING_PAIN: justNow, SESSION: "" });
    // One address whose service never answers, one where nothing listens.
    const silent = createServer(() => undefined).listen(0, "127.0.0.1");
    await new Promise((resolve) => silent.once("listening", resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/push/silent`;
    const phone = await pushService.subscribe(vapid.publicKey);
    for (const endpoint of [silentUrl, "http://127.0.0.1:9/push/closed"]) {
      await t.prisma.pushSubscription.create({
        data: { clinicId, userId: actor.userId, endpoint, p256dh: phone.keys.p256dh, auth: phone.keys.auth },
      });
    }
    // Without the sender's timeout this would wait on the silent service past the test's own limit.
    await sendDueReminders(t.prisma, {
      now,
      portalUrl: PORTAL_URL,
      push: webPushSender(vapid, "mailto:klinik@example.test", 1_000),
    });
    silent.closeAllConnections();
    silent.close();
    expect(await t.prisma.pushSubscription.count({ where: { userId: actor.userId } })).toBe(0);
    expect(await remindersTo(email)).toHaveLength(1);
  });

  it("waits for its minute, skips a day already logged, and stops when the program ends", async () => {
    const early = await portalPatient();
    await saveReminderTimes(t.prisma, early.actor, {
      MORNING_PAIN: timeOfDay(Math.min(1439, minute + 5)),
      SESSION: "",
    });
    const logged = await portalPatient();
    await saveReminderTimes(t.prisma, logged.actor, { MORNING_PAIN: justNow, SESSION: "" });
    expect(
      await logMorningPain(
        t.prisma,
        logged.actor,
        { clientId: crypto.randomUUID(), date: isoDate(day), value: "3" },
        day,
        now,
      ),
    ).toMatchObject({ status: "saved" });
    // HSR runs 12 weeks: started 13 weeks ago, it has ended.
    const ended = await portalPatient(13 * 7);
    await saveReminderTimes(t.prisma, ended.actor, { MORNING_PAIN: justNow, SESSION: justNow });

    await sendDueReminders(t.prisma, { now, portalUrl: PORTAL_URL, push: null });
    for (const { email } of [early, logged, ended]) expect(await remindersTo(email)).toEqual([]);
  });
});
