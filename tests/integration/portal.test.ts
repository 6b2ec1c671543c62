import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { authenticate } from "../../lib/platform/auth/authenticate";
import { addDays, DEFAULT_TIME_ZONE, isoDate, today } from "../../lib/platform/dates";
import { isAppError } from "../../lib/platform/errors";
import { getOutboxMessage } from "../../lib/server/email/outbox-view";
import { acceptInvite, lookupInvite } from "../../lib/server/invites/accept-invite";
import { createInvite, getPortalAccess } from "../../lib/server/invites/invites";
import { revealWaitingPasswordLink } from "../../lib/server/invites/password-links";
import { hashToken } from "../../lib/server/invites/tokens";
import { logMorningPain, logSession } from "../../lib/server/portal/portal-logs";
import { assignProgram } from "../../lib/server/programs/assignments";
import { getCurrentPlan } from "../../lib/server/programs/current-plan";
import { listTemplates, seedDefaultTemplates } from "../../lib/server/programs/templates";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf, APP_URL } from "../support/actors";
import { inviteFor } from "../support/invites";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinicId: string;
let clinician: Actor;
let outsider: Actor;
const now = new Date();
const day = today(DEFAULT_TIME_ZONE);
const PASSWORD = "hælløft på trappetrin";

/** A patient with an open episode and an active HSR program, both started `daysAgo` days ago. */
async function patientWithProgram(email: string | null = null, daysAgo = 10) {
  const patient = await createPatient(t.prisma, { clinicId, clinicianId: clinician.userId, email });
  const start = addDays(day, -daysAgo);
  const episode = await t.prisma.episode.create({
    data: { clinicId, patientId: patient.id, side: "LEFT", symptomOnset: start, treatmentStart: start },
  });
  await t.prisma.patient.update({ where: { id: patient.id }, data: { currentEpisodeId: episode.id } });
  const templateId = (await listTemplates(t.prisma, clinician)).find((tpl) => tpl.key === "hsr-12-weeks")!.id;
  const assigned = await assignProgram(t.prisma, clinician, episode.id, {
    templateId,
    startDate: isoDate(start),
    sessionsPerWeek: "3",
  });
  return { patient, episodeId: episode.id, assignmentId: (assigned as { id: string }).id };
}

/** Invites the patient and accepts with PASSWORD; answers the patient's actor. */
async function portalActor(patientId: string, email: string) {
  const { token } = await inviteFor(t.prisma, clinician, patientId, now, email);
  expect(
    await acceptInvite(t.prisma, token, { password: PASSWORD, confirmPassword: PASSWORD }, "da", now),
  ).toMatchObject({ status: "ACCEPTED" });
  return actorOf(await t.prisma.user.findUniqueOrThrow({ where: { email } }));
}

beforeAll(async () => {
  t = await createTestDatabase();
  clinicId = (await createClinic(t.prisma, { name: "Fysio Syd" })).id;
  await seedDefaultTemplates(t.prisma, clinicId);
  clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
  outsider = actorOf(await createUser(t.prisma, { clinicId: (await createClinic(t.prisma)).id, role: "CLINICIAN" }));
});
afterAll(() => t.close());

describe(`portal invitations on ${TEST_DB_KIND}`, () => {
  it("creates a single-use 7-day link; a new invite revokes the old one", async () => {
    const { patient } = await patientWithProgram("karen@example.test");
    const first = await inviteFor(t.prisma, clinician, patient.id, now);
    expect(first.expiresAt.getTime() - now.getTime()).toBe(7 * 86_400_000);
    expect(await getPortalAccess(t.prisma, clinician, patient.id, now)).toMatchObject({
      account: null,
      invite: { status: "PENDING" },
    });
    const second = await inviteFor(t.prisma, clinician, patient.id, now);
    expect(await lookupInvite(t.prisma, first.token, now)).toEqual({ status: "INVALID" });
    expect(await lookupInvite(t.prisma, second.token, now)).toEqual({
      status: "VALID",
      purpose: "PORTAL",
      email: "karen@example.test",
      // The invitation page names the clinic whose portal it opens.
      clinic: expect.objectContaining({ name: "Fysio Syd" }),
      // Without a CPR number on the record, the invitation cannot be accepted with MitID.
      mitid: false,
    });
    expect(await lookupInvite(t.prisma, second.token, addDays(now, 8))).toEqual({ status: "EXPIRED" });
    expect(await lookupInvite(t.prisma, "not-a-token", now)).toEqual({ status: "INVALID" });
    // Only the hash is stored.
    expect(await t.prisma.invite.count({ where: { tokenHash: second.token } })).toBe(0);
  });

  it("the clinician gives the address (never an account's); the link checks the password, then creates the portal account linked to that patient only", async () => {
    const { patient } = await patientWithProgram();
    expect(await createInvite(t.prisma, clinician, patient.id, now, APP_URL)).toEqual({
      status: "invalid",
      fieldErrors: { email: "required" },
    });
    expect(await createInvite(t.prisma, clinician, patient.id, now, APP_URL, { email: "not-an-email" })).toEqual({
      status: "invalid",
      fieldErrors: { email: "invalidEmail" },
    });
    expect(await createInvite(t.prisma, clinician, patient.id, now, APP_URL, { email: clinician.email })).toEqual({
      status: "invalid",
      fieldErrors: { email: "emailHasAccount" },
    });
    expect(await t.prisma.invite.count({ where: { patientId: patient.id } })).toBe(0);
    const { token } = await inviteFor(t.prisma, clinician, patient.id, now, " Ole@Example.test ");
    // The page asks for no address, so it can tell nobody which addresses have accounts.
    expect(await lookupInvite(t.prisma, token, now)).toEqual({
      status: "VALID",
      purpose: "PORTAL",
      email: "ole@example.test",
      // The invitation page names the clinic whose portal it opens.
      clinic: expect.objectContaining({ name: "Fysio Syd" }),
      mitid: false,
    });
    const accept = (raw: Record<string, string>) => acceptInvite(t.prisma, token, raw, "en", now);
    expect(await accept({ password: "short", confirmPassword: "short" })).toEqual({
      status: "INVALID_INPUT",
      fieldErrors: { password: "passwordTooShort" },
    });
    expect(await accept({ password: "qwerty123456", confirmPassword: "qwerty123456" })).toEqual({
      status: "INVALID_INPUT",
      fieldErrors: { password: "commonPassword" },
    });
    expect(await accept({ password: PASSWORD, confirmPassword: `${PASSWORD}!` })).toEqual({
      status: "INVALID_INPUT",
      fieldErrors: { confirmPassword: "passwordMismatch" },
    });
    expect(await t.prisma.user.count({ where: { email: "ole@example.test" } })).toBe(0);

    expect(await accept({ password: PASSWORD, confirmPassword: PASSWORD })).toEqual({
      status: "ACCEPTED",
      email: "ole@example.test",
    });
    const user = await authenticate(t.prisma, { email: "ole@example.test", password: PASSWORD });
    expect(user).toMatchObject({ role: "PATIENT", clinicId });
    expect((await t.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).portalUserId).toBe(user!.id);
    expect(await accept({ password: PASSWORD, confirmPassword: PASSWORD })).toEqual({ status: "USED" });
    expect(await getPortalAccess(t.prisma, clinician, patient.id, now)).toMatchObject({
      account: { email: "ole@example.test" },
      invite: { status: "USED" },
    });

    // With an account, the button sends a password link to the account's address only: no link
    // for the clinician, and the older portal invitation sets nothing (security review I-1).
    const older = await createInvite(t.prisma, clinician, patient.id, now, APP_URL);
    expect(older).toEqual({ status: "passwordLinkSent", emailedTo: "ole@example.test" });
    const newPassword = "en helt ny adgangskode";
    const reset = await t.prisma.emailMessage.findFirstOrThrow({
      where: { to: "ole@example.test", kind: "PASSWORD_RESET" },
    });
    const resetToken = /\/invite\/([A-Za-z0-9_-]{43})/.exec(reset.text!)![1]!;
    expect(
      await acceptInvite(t.prisma, resetToken, { password: newPassword, confirmPassword: newPassword }, "da", now),
    ).toEqual({ status: "ACCEPTED", email: "ole@example.test" });
    expect(await authenticate(t.prisma, { email: "ole@example.test", password: newPassword })).not.toBeNull();
    expect(await t.prisma.user.count({ where: { role: "PATIENT", clinicId, name: patient.name } })).toBe(1);
  });

  it("an address with an account in another clinic is answered as a new one; its link makes no second account (F-3)", async () => {
    const { patient } = await patientWithProgram();
    const elsewhere = await t.prisma.user.findUniqueOrThrow({ where: { id: outsider.userId } });
    const invite = await inviteFor(t.prisma, clinician, patient.id, now, elsewhere.email);
    expect(
      await acceptInvite(t.prisma, invite.token, { password: PASSWORD, confirmPassword: PASSWORD }, "da", now),
    ).toEqual({ status: "INVALID" });
    expect(await t.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).toMatchObject({
      portalUserId: null,
    });
  });

  it("an invitation made before the patient had an account cannot set the account's password (I-1)", async () => {
    const { patient } = await patientWithProgram();
    const first = await inviteFor(t.prisma, clinician, patient.id, now, `to-links-${randomUUID()}@example.test`);
    const second = await inviteFor(t.prisma, clinician, patient.id, now, first.emailedTo);
    expect(
      await acceptInvite(t.prisma, second.token, { password: PASSWORD, confirmPassword: PASSWORD }, "da", now),
    ).toMatchObject({ status: "ACCEPTED" });
    // The first was revoked by the second; were it still open (made before this rule), it would be the risk.
    await t.prisma.invite.update({ where: { tokenHash: hashToken(first.token) }, data: { revokedAt: null } });
    expect(await lookupInvite(t.prisma, first.token, now)).toEqual({ status: "INVALID" });
    expect(
      await acceptInvite(
        t.prisma,
        first.token,
        { password: "en anden lang adgangskode", confirmPassword: "en anden lang adgangskode" },
        "da",
        now,
      ),
    ).toEqual({ status: "INVALID" });
    expect(await authenticate(t.prisma, { email: first.emailedTo, password: PASSWORD })).not.toBeNull();
  });

  it("without a mail server, only the patient's own physiotherapist reads the waiting password link, audited (I-1)", async () => {
    const { patient } = await patientWithProgram();
    const email = `venter-${randomUUID()}@example.test`;
    await portalActor(patient.id, email);
    expect(await revealWaitingPasswordLink(t.prisma, clinician, patient.id, now)).toBeNull();
    expect(await createInvite(t.prisma, clinician, patient.id, now, APP_URL)).toMatchObject({
      status: "passwordLinkSent",
    });
    const link = await revealWaitingPasswordLink(t.prisma, clinician, patient.id, now);
    expect(link).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    const message = await t.prisma.emailMessage.findFirstOrThrow({ where: { to: email, kind: "PASSWORD_RESET" } });
    expect(
      await t.prisma.auditEvent.count({
        where: { actorId: clinician.userId, action: "READ", entity: "EmailMessage", entityId: message.id },
      }),
    ).toBe(1);
    // Another physiotherapist of the clinic, an admin, another clinic: not theirs to read.
    const colleague = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
    const admin = actorOf(await createUser(t.prisma, { clinicId, role: "ADMIN" }));
    for (const who of [colleague, admin, outsider])
      await expect(revealWaitingPasswordLink(t.prisma, who, patient.id, now)).rejects.toSatisfy((e) =>
        isAppError(e, "NOT_FOUND"),
      );
    // The admin's outbox leaves the link out.
    const shown = await getOutboxMessage(t.prisma, admin, message.id);
    expect(shown.hidesLink).toBe(true);
    // Used, the link is no longer shown.
    expect(
      await acceptInvite(
        t.prisma,
        /\/invite\/([A-Za-z0-9_-]{43})/.exec(link!)![1]!,
        { password: "en ny og lang adgangskode", confirmPassword: "en ny og lang adgangskode" },
        "da",
        now,
      ),
    ).toMatchObject({ status: "ACCEPTED" });
    expect(await revealWaitingPasswordLink(t.prisma, clinician, patient.id, now)).toBeNull();
  });

  it("never re-opens an account the clinic closed", async () => {
    const { patient } = await patientWithProgram();
    const user = await portalActor(patient.id, `closed-${randomUUID()}@example.test`);
    await t.prisma.user.update({ where: { id: user.userId }, data: { active: false } });
    expect(await createInvite(t.prisma, clinician, patient.id, now, APP_URL)).toMatchObject({
      status: "passwordLinkSent",
    });
    const reset = await t.prisma.emailMessage.findFirstOrThrow({ where: { to: user.email, kind: "PASSWORD_RESET" } });
    const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(reset.text!)![1]!;
    expect(await lookupInvite(t.prisma, token, now)).toEqual({ status: "CLOSED" });
    expect(await acceptInvite(t.prisma, token, { password: PASSWORD, confirmPassword: PASSWORD }, "da", now)).toEqual({
      status: "CLOSED",
    });
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: user.userId } })).toMatchObject({ active: false });
    expect(await authenticate(t.prisma, { email: user.email, password: PASSWORD })).toBeNull();
  });

  it("is only for the clinic's clinicians", async () => {
    const { patient } = await patientWithProgram();
    await expect(createInvite(t.prisma, outsider, patient.id, now, APP_URL)).rejects.toSatisfy((e) =>
      isAppError(e, "NOT_FOUND"),
    );
    const patientActor = await portalActor(patient.id, `p-${randomUUID()}@example.test`);
    await expect(createInvite(t.prisma, patientActor, patient.id, now, APP_URL)).rejects.toSatisfy((e) =>
      isAppError(e, "NOT_FOUND"),
    );
    await expect(getPortalAccess(t.prisma, patientActor, patient.id, now)).rejects.toSatisfy((e) =>
      isAppError(e, "NOT_FOUND"),
    );
  });
});

describe(`portal logs on ${TEST_DB_KIND}`, () => {
  let me: Actor;
  let mine: Awaited<ReturnType<typeof patientWithProgram>>;
  let theirs: Awaited<ReturnType<typeof patientWithProgram>>;

  beforeAll(async () => {
    mine = await patientWithProgram();
    theirs = await patientWithProgram();
    me = await portalActor(mine.patient.id, `me-${randomUUID()}@example.test`);
  });

  it("logs a day's morning pain once per day, editable the same day, and refuses bad input", async () => {
    const log = (raw: Record<string, string>) => logMorningPain(t.prisma, me, { clientId: randomUUID(), ...raw }, day);
    expect(await log({ date: isoDate(day), value: "11" })).toEqual({
      status: "invalid",
      fieldErrors: { value: "outOfRange" },
    });
    expect(await log({ date: isoDate(addDays(day, 1)), value: "3" })).toEqual({
      status: "invalid",
      fieldErrors: { date: "futureDate" },
    });
    expect(await log({ date: isoDate(day), value: "3", madeAt: "this morning" })).toEqual({
      status: "invalid",
      fieldErrors: { madeAt: "invalidDate" },
    });
    expect(await logMorningPain(t.prisma, me, { date: isoDate(day), value: "3" }, day)).toEqual({
      status: "invalid",
      fieldErrors: { clientId: "required" },
    });
    expect((await log({ date: isoDate(day), value: "6" })).status).toBe("saved");
    expect((await log({ date: isoDate(day), value: "4" })).status).toBe("updated");
    const rows = await t.prisma.outcomeMeasurement.findMany({
      where: { episodeId: mine.episodeId, instrument: "NRS_FIRST_STEP" },
    });
    expect(rows.map((row) => [Number(row.value), row.recordedBy])).toEqual([[4, "PATIENT"]]);
    expect(Number((await t.prisma.episode.findUniqueOrThrow({ where: { id: mine.episodeId } })).latestPain)).toBe(4);
  });

  it("takes an entry made offline up to three days late, once, and never lets an older entry undo a newer one", async () => {
    const { patient, episodeId } = await patientWithProgram();
    const phone = await portalActor(patient.id, `offline-${randomUUID()}@example.test`);
    const entry = (daysAgo: number, value: number, madeAt: string) => ({
      clientId: randomUUID(),
      date: isoDate(addDays(day, -daysAgo)),
      value: String(value),
      madeAt,
    });
    const log = (raw: Record<string, string>) => logMorningPain(t.prisma, phone, raw, day);
    const diary = async (daysAgo: number) =>
      (
        await t.prisma.outcomeMeasurement.findMany({
          where: { episodeId, recordedBy: "PATIENT", date: addDays(day, -daysAgo) },
        })
      ).map((row) => Number(row.value));
    const audits = () => t.prisma.auditEvent.count({ where: { actorId: phone.userId, entity: "OutcomeMeasurement" } });

    expect(await log(entry(4, 5, "2026-01-01T07:00:00Z"))).toEqual({
      status: "invalid",
      fieldErrors: { date: "tooEarly" },
    });
    const late = entry(3, 5, new Date(addDays(day, -3).getTime() + 7 * 3600_000).toISOString());
    expect(await log(late)).toMatchObject({ status: "saved", value: 5 });
    const written = await audits();
    // Sent again after a lost answer: the same entry, stored once and audited once.
    expect(await log(late)).toMatchObject({ status: "kept", value: 5 });
    expect(await audits()).toBe(written);
    // Made an hour later on another device and sent first: it replaces the value…
    const newer = { ...entry(3, 2, new Date(Date.parse(late.madeAt) + 3600_000).toISOString()) };
    expect(await log(newer)).toMatchObject({ status: "updated", value: 2 });
    // …and the first entry, sent once more, does not undo it; nor does an entry made earlier still.
    expect(await log(late)).toMatchObject({ status: "kept", value: 2 });
    expect(await log(entry(3, 9, new Date(Date.parse(late.madeAt) - 3600_000).toISOString()))).toMatchObject({
      status: "kept",
      value: 2,
    });
    expect(await diary(3)).toEqual([2]);
    // A phone whose clock runs a day ahead counts as now, so a later entry still replaces its value.
    expect(await log(entry(1, 7, new Date(Date.now() + 86_400_000).toISOString()))).toMatchObject({ status: "saved" });
    expect(await log(entry(1, 3, new Date().toISOString()))).toMatchObject({ status: "updated", value: 3 });
    expect(await diary(1)).toEqual([3]);
  });

  it("stores one row for a repeated or concurrent submit of the same session", async () => {
    const clientId = randomUUID();
    const raw = {
      clientId,
      assignmentId: mine.assignmentId,
      date: isoDate(day),
      completed: "yes",
      sets: "3",
      reps: "12",
      loadKg: "0",
      painDuring: "2",
      effort: "AS_INTENDED",
    };
    const [a, b] = await Promise.all([logSession(t.prisma, me, raw, day), logSession(t.prisma, me, raw, day)]);
    const c = await logSession(t.prisma, me, raw, day);
    expect(a.status).toBe("saved");
    expect(new Set([a, b, c].map((r) => (r.status === "saved" ? r.session.id : null))).size).toBe(1);
    expect(await t.prisma.sessionLog.count({ where: { clientId } })).toBe(1);
    expect(
      await t.prisma.auditEvent.count({
        where: { entity: "SessionLog", entityId: a.status === "saved" ? a.session.id : "" },
      }),
    ).toBe(1);
  });

  it("refuses bad input and another patient's program, saving nothing", async () => {
    const base = {
      clientId: randomUUID(),
      assignmentId: mine.assignmentId,
      date: isoDate(day),
      completed: "yes",
      sets: "3",
      reps: "12",
      painDuring: "2",
      effort: "AS_INTENDED",
    };
    expect(
      await logSession(t.prisma, me, { ...base, reps: "101", loadKg: "-1", date: isoDate(addDays(day, 1)) }, day),
    ).toEqual({
      status: "invalid",
      fieldErrors: { reps: "outOfRange", loadKg: "outOfRange", date: "futureDate" },
    });
    expect(await logSession(t.prisma, me, { ...base, painDuring: undefined } as Record<string, unknown>, day)).toEqual({
      status: "invalid",
      fieldErrors: { painDuring: "required" },
    });
    // A heel raise that was done says what was done: the load rule reads it (SPEC §10).
    expect(
      await logSession(
        t.prisma,
        me,
        { ...base, sets: undefined, reps: undefined, effort: undefined } as Record<string, unknown>,
        day,
      ),
    ).toEqual({ status: "invalid", fieldErrors: { sets: "required", reps: "required", effort: "required" } });
    expect(await logSession(t.prisma, me, { ...base, effort: "EASY" }, day)).toEqual({
      status: "invalid",
      fieldErrors: { effort: "invalidChoice" },
    });
    expect(await logSession(t.prisma, me, { ...base, assignmentId: theirs.assignmentId }, day)).toEqual({
      status: "invalid",
      fieldErrors: { assignmentId: "invalidChoice" },
    });
    expect(await logSession(t.prisma, me, { ...base, date: isoDate(addDays(day, -4)) }, day)).toEqual({
      status: "invalid",
      fieldErrors: { date: "tooEarly" },
    });
    // Within the three days an entry may be late, but before the program started.
    const starting = await patientWithProgram(null, 1);
    const newcomer = await portalActor(starting.patient.id, `newcomer-${randomUUID()}@example.test`);
    expect(
      await logSession(
        t.prisma,
        newcomer,
        { ...base, assignmentId: starting.assignmentId, date: isoDate(addDays(day, -2)) },
        day,
      ),
    ).toEqual({ status: "invalid", fieldErrors: { date: "beforeProgram" } });
    expect(await t.prisma.sessionLog.count({ where: { clientId: base.clientId } })).toBe(0);
    // Three days late is still taken (an entry made offline).
    expect(
      (await logSession(t.prisma, me, { ...base, clientId: randomUUID(), date: isoDate(addDays(day, -3)) }, day))
        .status,
    ).toBe("saved");
    await expect(logSession(t.prisma, clinician, base, day)).rejects.toSatisfy((e) => isAppError(e, "NOT_FOUND"));
  });

  it("raises LOAD_RESPONSE on the caseload in the same write as a painful session", async () => {
    const painful = {
      clientId: randomUUID(),
      assignmentId: mine.assignmentId,
      date: isoDate(day),
      completed: "yes",
      sets: "3",
      reps: "12",
      painDuring: "7",
      effort: "TOO_HEAVY",
    };
    expect((await logSession(t.prisma, me, painful, day)).status).toBe("saved");
    const flag = await t.prisma.flag.findFirst({
      where: { episodeId: mine.episodeId, code: "LOAD_RESPONSE", status: "OPEN" },
    });
    expect(flag).not.toBeNull();
    expect(
      (await t.prisma.episode.findUniqueOrThrow({ where: { id: mine.episodeId } })).openWarningFlags,
    ).toBeGreaterThan(0);
    // The patient sees their own program and logs, and nobody else's.
    const [program] = (await getCurrentPlan(t.prisma, me, mine.episodeId, day)).programs;
    expect(program!.sessions.map((s) => s.painDuring)).toContain(7);
    await expect(getCurrentPlan(t.prisma, me, theirs.episodeId, day)).rejects.toSatisfy((e) =>
      isAppError(e, "NOT_FOUND"),
    );
  });
});
