// One clinical state, read by every screen (SPEC revision 2026-12-05, decision record 023),
// tested at the boundaries a patient and a clinician meet: what the portal prescribes, which
// reminders and notices reach the phone (a real push service) and the outbox, what the caseload
// shows and what the load does. Each test drives the app's own services, as its pages do.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";

import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, isoDate } from "../../lib/platform/dates";
import { parseCaseloadQuery } from "../../lib/server/caseload/caseload-query";
import { listCaseload } from "../../lib/server/caseload/list-caseload";
import { changeEpisodeStatus } from "../../lib/server/episodes/episodes";
import { sendMessage } from "../../lib/server/messages/messages";
import { sendDueNotices } from "../../lib/server/notices/patient-notices";
import { progressOverview } from "../../lib/server/patients/progress-overview";
import { logMorningPain, logSession } from "../../lib/server/portal/portal-logs";
import { getPortalOverview } from "../../lib/server/portal/portal-overview";
import { assignProgram, overrideProgression } from "../../lib/server/programs/assignments";
import { getCurrentPlan } from "../../lib/server/programs/current-plan";
import { listTemplates, seedDefaultTemplates } from "../../lib/server/programs/templates";
import { saveAssessment, saveOutcome } from "../../lib/server/records/record-services";
import { clinicClock, timeOfDay } from "../../lib/server/reminders/reminder-schedule";
import { saveReminderTimes } from "../../lib/server/reminders/reminder-settings";
import { sendDueReminders } from "../../lib/server/reminders/send-due-reminders";
import { webPushSender } from "../../lib/server/reminders/web-push-sender";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { startPushService } from "../support/push-service";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

const PORTAL_URL = "http://localhost:3000/portal";
const vapid = webpush.generateVAPIDKeys();
const push = webPushSender(vapid, "mailto:klinik@example.test");

let t: TestDatabase;
let clinicId: string;
let clinician: Actor;
let pushService: Awaited<ReturnType<typeof startPushService>>;
const now = new Date();
const { day, minute } = clinicClock(now, "Europe/Copenhagen");
const today = () => day;
/** A reminder time that has just passed on the clinic's clock. */
const justNow = timeOfDay(Math.max(0, minute - 1));
const run = (at = now) => ({ now: at, portalUrl: PORTAL_URL, push });

/** Every clinical test answered, none positive; the screens as given. */
const visit = (extra: Record<string, string | string[]> = {}) => ({
  date: isoDate(day),
  palpationPositive: "positive",
  windlassPositive: "positive",
  calcanealSqueezePositive: "negative",
  tinelPositive: "untested",
  redFlagsScreened: "yes",
  differentialsExamined: "yes",
  ...extra,
});

/** A patient with a portal account on a phone, an open episode from `daysAgo` and a program of `template` from the same day. */
async function patientInProgram({ daysAgo = 20, template = "hsr-12-weeks" } = {}) {
  const user = await createUser(t.prisma, { clinicId, role: "PATIENT" });
  const patient = await createPatient(t.prisma, { clinicId, clinicianId: clinician.userId });
  const start = addDays(day, -daysAgo);
  const episode = await t.prisma.episode.create({
    data: { clinicId, patientId: patient.id, side: "LEFT", symptomOnset: addDays(start, -60), treatmentStart: start },
  });
  await t.prisma.patient.update({
    where: { id: patient.id },
    data: { currentEpisodeId: episode.id, portalUserId: user.id },
  });
  const templateId = (await listTemplates(t.prisma, clinician)).find((tpl) => tpl.key === template)!.id;
  const assigned = await assignProgram(t.prisma, clinician, episode.id, {
    templateId,
    startDate: isoDate(start),
    sessionsPerWeek: "3",
  });
  if (assigned.status !== "saved") throw new Error(JSON.stringify(assigned));
  const phone = await pushService.subscribe(vapid.publicKey);
  await t.prisma.pushSubscription.create({
    data: { clinicId, userId: user.id, endpoint: phone.endpoint, p256dh: phone.keys.p256dh, auth: phone.keys.auth },
  });
  return {
    patient,
    episodeId: episode.id,
    assignmentId: assigned.id,
    actor: actorOf(user),
    email: user.email,
    phone,
    start,
  };
}

const emailsTo = (email: string, kind: string) => t.prisma.emailMessage.findMany({ where: { to: email, kind } });
const sessionDeliveries = (patientId: string) =>
  t.prisma.reminderDelivery.count({ where: { patientId, kind: "SESSION" } });

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

describe(`a plan that stops when it must, on ${TEST_DB_KIND}`, () => {
  it("a red flag puts the plan on hold: no dose in the portal, no training reminder, and the patient is told once to open the portal", async () => {
    const p = await patientInProgram();
    await saveReminderTimes(t.prisma, p.actor, { MORNING_PAIN: justNow, SESSION: justNow });
    expect((await getPortalOverview(t.prisma, p.actor, day))!.plan?.status).toBe("ACTIVE");

    const saved = await saveAssessment(
      t.prisma,
      clinician,
      { episodeId: p.episodeId, recordId: null },
      visit({ calcanealSqueezePositive: "positive" }),
      today,
    );
    expect(saved).toMatchObject({ status: "saved", planWentOnHold: true });

    const overview = (await getPortalOverview(t.prisma, p.actor, day))!;
    expect(overview.plan).toEqual({ status: "ON_HOLD", reasons: ["RED_FLAG"] });
    expect(await t.prisma.episode.findUniqueOrThrow({ where: { id: p.episodeId } })).toMatchObject({
      planStatus: "ON_HOLD",
      planReasons: ["RED_FLAG"],
    });

    await sendDueReminders(t.prisma, run());
    await sendDueNotices(t.prisma, run());
    // The phone got the morning pain reminder and the notice, and no "time for today's exercise".
    const received = await pushService.received(p.phone);
    expect(received.map((m) => m.title).sort()).toEqual(
      ["Hvordan var morgenens første skridt?", "Nyt om din træningsplan"].sort(),
    );
    expect(received.find((m) => m.title === "Nyt om din træningsplan")).toEqual({
      title: "Nyt om din træningsplan",
      body: "Din fysioterapeut har ændret din plan. Åbn portalen og se, hvad du skal gøre nu.",
      url: PORTAL_URL,
      refresh: true,
    });
    expect(await sessionDeliveries(p.patient.id)).toBe(0);
    expect(await emailsTo(p.email, "REMINDER_SESSION")).toEqual([]);
    // Told once: the next minute sends nothing more.
    await sendDueNotices(t.prisma, run(new Date(now.getTime() + 60_000)));
    expect(await pushService.received(p.phone)).toHaveLength(2);
  });

  it("the flag cleared by a screened visit brings the plan back, and the training reminder with it", async () => {
    const p = await patientInProgram();
    await saveReminderTimes(t.prisma, p.actor, { MORNING_PAIN: "", SESSION: justNow });
    await saveAssessment(
      t.prisma,
      clinician,
      { episodeId: p.episodeId, recordId: null },
      visit({ redFlags: ["RECENT_TRAUMA"] }),
      today,
    );
    await sendDueReminders(t.prisma, run());
    expect(await sessionDeliveries(p.patient.id)).toBe(0);
    // A visit that skipped the screen changes nothing; one that screened and found none clears it.
    await saveAssessment(
      t.prisma,
      clinician,
      { episodeId: p.episodeId, recordId: null },
      visit({ redFlagsScreened: "no" }),
      today,
    );
    expect((await getPortalOverview(t.prisma, p.actor, day))!.plan?.status).toBe("ON_HOLD");
    await saveAssessment(t.prisma, clinician, { episodeId: p.episodeId, recordId: null }, visit(), today);
    const overview = (await getPortalOverview(t.prisma, p.actor, day))!;
    expect(overview.plan).toEqual({ status: "ACTIVE", reasons: [] });
    expect(overview.programs[0]!.prescription).toMatchObject({ phase: 1, sets: 3, reps: [12, 12] });
    await sendDueReminders(t.prisma, run());
    expect(await pushService.received(p.phone)).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: "Tid til dagens træning" })]),
    );
  });

  it("a paused episode puts the plan on hold too, and tells the patient", async () => {
    const p = await patientInProgram();
    await saveReminderTimes(t.prisma, p.actor, { MORNING_PAIN: "", SESSION: justNow });
    await changeEpisodeStatus(t.prisma, clinician, p.episodeId, { action: "pause", reason: "ILLNESS" });
    expect((await getPortalOverview(t.prisma, p.actor, day))!.plan).toEqual({
      status: "ON_HOLD",
      reasons: ["EPISODE_PAUSED"],
    });
    await sendDueReminders(t.prisma, run());
    expect(await sessionDeliveries(p.patient.id)).toBe(0);
    expect(await t.prisma.patientNotice.count({ where: { patientId: p.patient.id, kind: "PLAN_ON_HOLD" } })).toBe(1);
  });

  it("a notice goes by e-mail through the outbox when no phone takes it, with no clinical detail", async () => {
    const p = await patientInProgram();
    await pushService.expire(p.phone);
    await saveAssessment(
      t.prisma,
      clinician,
      { episodeId: p.episodeId, recordId: null },
      visit({ redFlags: ["FEVER_MALAISE"] }),
      today,
    );
    await sendDueNotices(t.prisma, run());
    const [mail] = await emailsTo(p.email, "NOTICE_PLAN_ON_HOLD");
    expect(mail).toMatchObject({ subject: "Nyt om din træningsplan" });
    expect(mail!.text).toContain(PORTAL_URL);
    expect(mail!.text).not.toMatch(/feber|infektion|rødt flag|red flag/i);
  });

  it("a message from the clinic is announced the same way; the patient's own message is not", async () => {
    const p = await patientInProgram();
    expect(
      await sendMessage(t.prisma, clinician, p.patient.id, {
        body: "Hvordan går det med hælen?",
        idempotencyKey: randomUUID(),
      }),
    ).toEqual({ status: "sent" });
    expect(
      await sendMessage(t.prisma, clinician, p.patient.id, { body: "Og husk skoene.", idempotencyKey: randomUUID() }),
    ).toEqual({ status: "sent" });
    expect(await sendMessage(t.prisma, p.actor, null, { body: "Fint, tak.", idempotencyKey: randomUUID() })).toEqual({
      status: "sent",
    });
    await sendDueNotices(t.prisma, run());
    // Two messages before it went: one notice.
    expect(await pushService.received(p.phone)).toEqual([
      {
        title: "Ny besked fra klinikken",
        body: "Klinikken har skrevet til dig. Åbn portalen for at læse beskeden.",
        url: PORTAL_URL,
        refresh: true,
      },
    ]);
  });
});

describe(`the load follows the state, on ${TEST_DB_KIND}`, () => {
  /** A patient in the Rathleff program's loaded phase from today (2,5 kg suggested), logging mornings at 3. */
  async function loaded() {
    const p = await patientInProgram({ daysAgo: 4, template: "hsr-rathleff-2015" });
    await overrideProgression(t.prisma, clinician, p.assignmentId, {
      date: isoDate(addDays(day, -4)),
      phase: "2",
      reason: "Klar til vægt",
    });
    const morning = (daysAgo: number, value: number) =>
      logMorningPain(
        t.prisma,
        p.actor,
        { clientId: randomUUID(), date: isoDate(addDays(day, -daysAgo)), value: String(value) },
        day,
        new Date(now.getTime() - daysAgo * 86_400_000),
      );
    // The fields as the portal's action passes them: an empty field is absent.
    const session = async (daysAgo: number, fields: Record<string, string>) => {
      const raw = {
        clientId: randomUUID(),
        assignmentId: p.assignmentId,
        date: isoDate(addDays(day, -daysAgo)),
        completed: "yes",
        sets: "4",
        reps: "10",
        painDuring: "2",
        effort: "AS_INTENDED",
        ...fields,
      };
      expect(await logSession(t.prisma, p.actor, raw, day)).toMatchObject({ status: "saved" });
    };
    const load = async () =>
      (await getCurrentPlan(t.prisma, clinician, p.episodeId, day)).programs[0]!.prescription!.suggestedLoadKg;
    return { ...p, morning, session, load };
  }

  it("two sessions that lifted the suggested load raise it; the same sessions saved without a load (a form left as it came) do not", async () => {
    const lifted = await loaded();
    const bodyWeight = await loaded();
    for (const p of [lifted, bodyWeight]) for (const d of [3, 2, 1, 0]) await p.morning(d, 3);
    expect(await lifted.load()).toBe(2.5);
    await lifted.session(3, { loadKg: "2,5" });
    await lifted.session(1, { loadKg: "2,5" });
    await bodyWeight.session(3, {});
    await bodyWeight.session(1, {});
    expect(await lifted.load()).toBe(5);
    expect(await bodyWeight.load()).toBe(2.5);
  });

  it("a session waits for its next morning: a missing morning is not 'no worse'", async () => {
    const p = await loaded();
    await p.morning(3, 3);
    await p.morning(2, 3);
    await p.session(3, { loadKg: "2,5" });
    await p.session(1, { loadKg: "2,5" });
    // Yesterday's session has no morning after it yet: nothing moves.
    expect(await p.load()).toBe(2.5);
    await p.morning(1, 3);
    expect(await p.load()).toBe(2.5);
    await p.morning(0, 3);
    expect(await p.load()).toBe(5);
  });

  it("does not rise while WORSENING stands, and the plan says why", async () => {
    const p = await loaded();
    await saveOutcome(
      t.prisma,
      clinician,
      { episodeId: p.episodeId, recordId: null },
      { date: isoDate(addDays(day, -4)), instrument: "NRS_FIRST_STEP", value: "2" },
      today,
    );
    for (const [d, value] of [
      [3, 3],
      [2, 4],
      [1, 4],
      [0, 4],
    ] as const)
      await p.morning(d, value);
    await p.session(3, { loadKg: "2,5" });
    await p.session(1, { loadKg: "2,5" });
    const current = await getCurrentPlan(t.prisma, clinician, p.episodeId, day);
    expect(current.plan).toEqual({ status: "HOLD_LOAD", reasons: ["WORSENING"] });
    expect(current.programs[0]!.prescription!.suggestedLoadKg).toBe(2.5);
  });
});

describe(`one latest pain on every screen, on ${TEST_DB_KIND}`, () => {
  it("a clinic measurement of 6 and a diary entry of 3 on one day are 6 on the caseload, the patient page and the flags", async () => {
    const p = await patientInProgram();
    await saveOutcome(
      t.prisma,
      clinician,
      { episodeId: p.episodeId, recordId: null },
      { date: isoDate(addDays(day, -20)), instrument: "NRS_FIRST_STEP", value: "4" },
      today,
    );
    await saveOutcome(
      t.prisma,
      clinician,
      { episodeId: p.episodeId, recordId: null },
      { date: isoDate(day), instrument: "NRS_FIRST_STEP", value: "6" },
      today,
    );
    // The diary entry is made last.
    await logMorningPain(
      t.prisma,
      p.actor,
      { clientId: randomUUID(), date: isoDate(day), value: "3" },
      day,
      new Date(),
    );

    const page = await listCaseload(
      t.prisma,
      clinician,
      parseCaseloadQuery({ scope: "clinic", q: p.patient.name }),
      day,
    );
    expect(page.rows[0]).toMatchObject({ latestPain: 6, painTrend: "WORSENING" });
    const tile = progressOverview((await getCurrentPlan(t.prisma, clinician, p.episodeId, day)).judged).pain;
    expect(tile).toMatchObject({ baseline: 4, latest: 6, verdict: "WORSE" });
    const worsening = await t.prisma.flag.findFirstOrThrow({
      where: { episodeId: p.episodeId, code: "WORSENING", status: "OPEN" },
    });
    expect(worsening.evidence).toMatchObject({
      instruments: [{ instrument: "NRS_FIRST_STEP", baseline: 4, latest: 6, latestDate: isoDate(day) }],
    });
    const facts = await t.prisma.episodeReportFacts.findUniqueOrThrow({ where: { episodeId: p.episodeId } });
    expect((facts.weeklyPain as (number | null)[])[3]).toBe(6);
  });
});

describe(`a visit that did not examine, on ${TEST_DB_KIND}`, () => {
  it("keeps the doubt a finding raised until a visit examines again", async () => {
    const p = await patientInProgram();
    await saveAssessment(
      t.prisma,
      clinician,
      { episodeId: p.episodeId, recordId: null },
      visit({ findings: ["INFLAMMATORY_SIGNS"], date: isoDate(addDays(day, -7)) }),
      today,
    );
    const open = () =>
      t.prisma.flag.count({ where: { episodeId: p.episodeId, code: "DIAGNOSIS_DOUBT", status: "OPEN" } });
    expect(await open()).toBe(1);
    // A follow-up that only records a pain score.
    await saveAssessment(
      t.prisma,
      clinician,
      { episodeId: p.episodeId, recordId: null },
      visit({ differentialsExamined: "no", firstStepPain: "4", date: isoDate(addDays(day, -1)) }),
      today,
    );
    expect(await open()).toBe(1);
    expect((await getPortalOverview(t.prisma, p.actor, day))!.plan).toEqual({
      status: "HOLD_LOAD",
      reasons: ["DIAGNOSIS_DOUBT"],
    });
    await saveAssessment(t.prisma, clinician, { episodeId: p.episodeId, recordId: null }, visit(), today);
    expect(await open()).toBe(0);
  });

  it("refuses a finding, or a positive Tinel's sign, on a visit that did not examine the differentials", async () => {
    const p = await patientInProgram();
    expect(
      await saveAssessment(
        t.prisma,
        clinician,
        { episodeId: p.episodeId, recordId: null },
        visit({ differentialsExamined: "no", findings: ["NEURAL_SYMPTOMS"] }),
        today,
      ),
    ).toEqual({
      status: "invalid",
      fieldErrors: { findings: "findingsNotExamined" },
    });
    expect(
      await saveAssessment(
        t.prisma,
        clinician,
        { episodeId: p.episodeId, recordId: null },
        visit({ differentialsExamined: "no", tinelPositive: "positive" }),
        today,
      ),
    ).toEqual({
      status: "invalid",
      fieldErrors: { tinelPositive: "tinelNeedsExamination" },
    });
    expect(
      await saveAssessment(
        t.prisma,
        clinician,
        { episodeId: p.episodeId, recordId: null },
        { ...visit(), differentialsExamined: undefined },
        today,
      ),
    ).toEqual({
      status: "invalid",
      fieldErrors: { differentialsExamined: "required" },
    });
    expect(await t.prisma.assessment.count({ where: { episodeId: p.episodeId } })).toBe(0);
  });
});

describe(`the caseload, on ${TEST_DB_KIND}`, () => {
  it("lists a paused patient with an urgent flag under needs attention, most severe first, finds them by name or birth date, and filters by plan", async () => {
    const p = await patientInProgram();
    await saveAssessment(
      t.prisma,
      clinician,
      { episodeId: p.episodeId, recordId: null },
      visit({ redFlags: ["CANNOT_BEAR_WEIGHT"] }),
      today,
    );
    await changeEpisodeStatus(t.prisma, clinician, p.episodeId, { action: "pause", reason: "ILLNESS" });
    const view = (params: Record<string, string>) =>
      listCaseload(t.prisma, clinician, parseCaseloadQuery({ scope: "clinic", ...params }), day);

    const attention = await view({ view: "attention", sort: "flags", dir: "desc" });
    expect(attention.rows.map((row) => row.patientId)).toContain(p.patient.id);
    expect(attention.rows[0]!.highestSeverity).toBe(
      attention.rows.reduce((max, row) => Math.max(max, row.highestSeverity), 0),
    );
    expect((await view({ q: p.patient.name })).rows.map((row) => row.patientId)).toEqual([p.patient.id]);
    const born = p.patient.dateOfBirth;
    const ddmmyy = `${String(born.getUTCDate()).padStart(2, "0")}${String(born.getUTCMonth() + 1).padStart(2, "0")}${String(born.getUTCFullYear() % 100).padStart(2, "0")}`;
    expect((await view({ q: ddmmyy })).rows.map((row) => row.patientId)).toContain(p.patient.id);
    const onHold = await view({ plan: "ON_HOLD", status: "any" });
    expect(onHold.rows.find((row) => row.patientId === p.patient.id)?.plan).toEqual({
      status: "ON_HOLD",
      reasons: ["RED_FLAG", "EPISODE_PAUSED"],
    });
    expect(onHold.rows.every((row) => row.plan?.status === "ON_HOLD")).toBe(true);
  });
});
