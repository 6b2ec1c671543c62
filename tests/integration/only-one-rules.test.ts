// The "only one" rules of docs/decisions/008-only-one-rules.md under concurrency: N writers at
// once through the service leave exactly one row, and each caller is told what happened to it.
// Each rule is also checked at the database: a second row written around the service is refused.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, DEFAULT_TIME_ZONE, isoDate, today } from "../../lib/platform/dates";
import { isUniqueViolation } from "../../lib/platform/db/unique-violation";
import { isAppError } from "../../lib/platform/errors";
import { dischargeEpisode } from "../../lib/server/episodes/discharge-episode";
import { refreshEpisodeState } from "../../lib/server/episodes/episode-state";
import { changeEpisodeStatus, openEpisode } from "../../lib/server/episodes/episodes";
import { acceptInvite, lookupInvite } from "../../lib/server/invites/accept-invite";
import { logMorningPain, logSession } from "../../lib/server/portal/portal-logs";
import { assignProgram } from "../../lib/server/programs/assignments";
import { listTemplates, seedDefaultTemplates } from "../../lib/server/programs/templates";
import { saveOutcome } from "../../lib/server/records/record-services";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { inviteFor } from "../support/invites";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

/** What the app passes its services as "today": the clinic's day. */
const clinicToday = () => today(DEFAULT_TIME_ZONE);

const WRITERS = 8;
const PASSWORD = "hælløft på trappetrin";
let t: TestDatabase;
let clinician: Actor;
let hsrTemplateId: string;
const day = today(DEFAULT_TIME_ZONE);

/** Runs `write` WRITERS times at once; answers each caller's result or the error it threw. */
function atOnce<T>(write: (i: number) => Promise<T>): Promise<(T | { threw: unknown })[]> {
  return Promise.all(Array.from({ length: WRITERS }, (_, i) => write(i).catch((threw: unknown) => ({ threw }))));
}

const statuses = (results: unknown[]) =>
  results
    .map((r) =>
      r && typeof r === "object" && "threw" in r
        ? isAppError(r.threw)
          ? r.threw.code
          : "error"
        : (r as { status: string }).status,
    )
    .sort();

async function openPatientEpisode() {
  const patient = await createPatient(t.prisma, { clinicId: clinician.clinicId, clinicianId: clinician.userId });
  const start = addDays(day, -10);
  const episode = await t.prisma.episode.create({
    data: {
      clinicId: clinician.clinicId,
      patientId: patient.id,
      side: "LEFT",
      symptomOnset: start,
      treatmentStart: start,
    },
  });
  await t.prisma.patient.update({ where: { id: patient.id }, data: { currentEpisodeId: episode.id } });
  return { patient, episode };
}

/** A patient with an open episode, an active HSR program and a portal account. */
async function portalPatient() {
  const { patient, episode } = await openPatientEpisode();
  const assigned = await assignProgram(t.prisma, clinician, episode.id, {
    templateId: hsrTemplateId,
    startDate: isoDate(episode.treatmentStart),
    sessionsPerWeek: "3",
  });
  const email = `p-${randomUUID()}@example.test`;
  const { token } = await inviteFor(t.prisma, clinician, patient.id, new Date(), email);
  expect(
    await acceptInvite(t.prisma, token, { password: PASSWORD, confirmPassword: PASSWORD }, "da", new Date()),
  ).toMatchObject({ status: "ACCEPTED" });
  return {
    episode,
    assignmentId: (assigned as { id: string }).id,
    actor: actorOf(await t.prisma.user.findUniqueOrThrow({ where: { email } })),
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  const clinicId = (await createClinic(t.prisma)).id;
  await seedDefaultTemplates(t.prisma, clinicId);
  clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
  hsrTemplateId = (await listTemplates(t.prisma, clinician)).find((tpl) => tpl.key === "hsr-12-weeks")!.id;
});
afterAll(() => t.close());

describe(`only-one rules under concurrency on ${TEST_DB_KIND}`, () => {
  it("one morning pain per day from the diary: taps at once leave one row; one caller saved it, the others updated it", async () => {
    const { episode, actor } = await portalPatient();
    // Taps made at the same moment: whichever commits later replaces the value ("entry made
    // last" compares the moments, decision record 019), so none of them is "kept".
    const tappedAt = new Date();
    const results = await atOnce((i) =>
      logMorningPain(
        t.prisma,
        actor,
        { clientId: randomUUID(), date: isoDate(day), value: String(i + 1) },
        day,
        tappedAt,
      ),
    );
    expect(statuses(results)).toEqual(["saved", ...Array<string>(WRITERS - 1).fill("updated")]);
    const rows = await t.prisma.outcomeMeasurement.findMany({
      where: { episodeId: episode.id, recordedBy: "PATIENT", date: day, deletedAt: null },
    });
    expect(rows).toHaveLength(1);
    expect(new Set(results.map((r) => (r as { id: string }).id))).toEqual(new Set([rows[0]!.id]));
    // Every caller's value was written in turn: the row holds one of them, and one audit CREATE.
    expect(Number(rows[0]!.value)).toBeGreaterThanOrEqual(1);
    expect(Number(rows[0]!.value)).toBeLessThanOrEqual(WRITERS);
    expect(
      await t.prisma.auditEvent.count({
        where: { entity: "OutcomeMeasurement", entityId: rows[0]!.id, action: "CREATE" },
      }),
    ).toBe(1);

    // The clinician's measurement of the same day is a record of its own.
    const clinicianPain = await saveOutcome(
      t.prisma,
      clinician,
      { episodeId: episode.id, recordId: null },
      { date: isoDate(day), instrument: "NRS_FIRST_STEP", value: "3" },
      clinicToday,
    );
    expect(clinicianPain).toMatchObject({ status: "saved" });
    expect(
      await t.prisma.outcomeMeasurement.count({ where: { episodeId: episode.id, date: day, deletedAt: null } }),
    ).toBe(2);

    const second = t.prisma.outcomeMeasurement.create({
      data: {
        clinicId: actor.clinicId,
        episodeId: episode.id,
        recordedById: actor.userId,
        recordedBy: "PATIENT",
        date: day,
        instrument: "NRS_FIRST_STEP",
        value: 2,
      },
    });
    expect(isUniqueViolation(await second.catch((error: unknown) => error))).toBe(true);
  });

  it("one session row per client id: a form submitted at once from retries stores one row and answers its id to all", async () => {
    const { episode, actor, assignmentId } = await portalPatient();
    const clientId = randomUUID();
    const results = await atOnce(() =>
      logSession(
        t.prisma,
        actor,
        {
          clientId,
          assignmentId,
          date: isoDate(day),
          completed: "yes",
          sets: "3",
          reps: "12",
          painDuring: "2",
          effort: "AS_INTENDED",
        },
        day,
      ),
    );
    expect(statuses(results)).toEqual(Array<string>(WRITERS).fill("saved"));
    const rows = await t.prisma.sessionLog.findMany({ where: { episodeId: episode.id, clientId } });
    expect(rows).toHaveLength(1);
    expect(new Set(results.map((r) => ("status" in r && r.status === "saved" ? r.session.id : null)))).toEqual(
      new Set([rows[0]!.id]),
    );
  });

  it("one active program of each kind: assigning at once saves one, the others are told it is already active", async () => {
    const { episode } = await openPatientEpisode();
    const results = await atOnce(() =>
      assignProgram(t.prisma, clinician, episode.id, {
        templateId: hsrTemplateId,
        startDate: isoDate(day),
        sessionsPerWeek: "3",
      }),
    );
    expect(statuses(results)).toEqual([...Array<string>(WRITERS - 1).fill("alreadyActive"), "saved"]);
    expect(
      await t.prisma.programAssignment.count({ where: { episodeId: episode.id, kind: "HSR", status: "ACTIVE" } }),
    ).toBe(1);

    const [active] = await t.prisma.programAssignment.findMany({ where: { episodeId: episode.id } });
    const second = t.prisma.programAssignment.create({
      data: {
        clinicId: clinician.clinicId,
        episodeId: episode.id,
        templateId: hsrTemplateId,
        kind: "HSR",
        startDate: day,
        sessionsPerWeek: 3,
        content: active!.content ?? {},
      },
    });
    expect(isUniqueViolation(await second.catch((error: unknown) => error))).toBe(true);
  });

  it("one episode per patient that is not discharged: opening at once opens one, the others are told one is open", async () => {
    const patient = await createPatient(t.prisma, { clinicId: clinician.clinicId, clinicianId: clinician.userId });
    const input = { side: "LEFT", symptomOnset: isoDate(addDays(day, -40)), treatmentStart: isoDate(day) };
    const results = await atOnce(() => openEpisode(t.prisma, clinician, patient.id, input, clinicToday));
    expect(statuses(results)).toEqual([...Array<string>(WRITERS - 1).fill("alreadyOpen"), "opened"]);
    const open = await t.prisma.episode.findMany({ where: { patientId: patient.id, status: { not: "DISCHARGED" } } });
    expect(open).toHaveLength(1);
    expect((await t.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).currentEpisodeId).toBe(
      open[0]!.id,
    );

    const second = t.prisma.episode.create({
      data: {
        clinicId: clinician.clinicId,
        patientId: patient.id,
        side: "LEFT",
        symptomOnset: day,
        treatmentStart: day,
      },
    });
    expect(isUniqueViolation(await second.catch((error: unknown) => error))).toBe(true);
  });

  it("reopening a discharged episode while a new one is opened: one wins, the other is told", async () => {
    const { patient, episode } = await openPatientEpisode();
    expect(
      await dischargeEpisode(t.prisma, clinician, episode.id, { date: isoDate(day), reason: "RECOVERED" }, clinicToday),
    ).toEqual({ status: "discharged", episodeId: episode.id });
    const input = { side: "RIGHT", symptomOnset: isoDate(addDays(day, -20)), treatmentStart: isoDate(day) };
    const results = await Promise.all([
      changeEpisodeStatus(t.prisma, clinician, episode.id, { action: "reopen" }).catch((threw: unknown) => ({
        threw,
      })),
      openEpisode(t.prisma, clinician, patient.id, input, clinicToday),
    ]);
    // Either the reopen won and the new episode was refused, or the new episode won and the reopen conflicts.
    expect([
      ["alreadyOpen", "changed"],
      ["CONFLICT", "opened"],
    ]).toContainEqual(statuses(results));
    expect(await t.prisma.episode.count({ where: { patientId: patient.id, status: { not: "DISCHARGED" } } })).toBe(1);
  });

  it("one unresolved flag per rule per episode: evaluations at once open it once", async () => {
    const { episode } = await openPatientEpisode();
    // Worse first-step pain than at the start, written around the service so no flag exists yet.
    await t.prisma.outcomeMeasurement.createMany({
      data: [
        [-10, 4],
        [-1, 7],
      ].map(([offset, value]) => ({
        clinicId: clinician.clinicId,
        episodeId: episode.id,
        recordedById: clinician.userId,
        recordedBy: "CLINICIAN" as const,
        date: addDays(day, offset!),
        instrument: "NRS_FIRST_STEP" as const,
        value: value!,
      })),
    });
    const counts = await atOnce(() => t.prisma.$transaction((tx) => refreshEpisodeState(tx, [episode.id], day)));
    const flags = await t.prisma.flag.findMany({ where: { episodeId: episode.id, status: { not: "RESOLVED" } } });
    expect(flags.map((f) => f.code)).toEqual(["WORSENING"]);
    expect(counts.reduce((sum, c) => sum + (c as { opened: number }).opened, 0)).toBe(1);

    const second = t.prisma.flag.create({
      data: {
        clinicId: clinician.clinicId,
        episodeId: episode.id,
        code: "WORSENING",
        severity: "HIGH",
        evidence: {},
        sources: [],
        ruleVersion: 2,
      },
    });
    expect(isUniqueViolation(await second.catch((error: unknown) => error))).toBe(true);
  });

  it("one pending invitation per patient: created at once, exactly one link works and every other caller's does not", async () => {
    const { patient } = await openPatientEpisode();
    const results = await atOnce(() => inviteFor(t.prisma, clinician, patient.id, new Date(), "samtidig@example.test"));
    const made = results.filter((r): r is Awaited<ReturnType<typeof inviteFor>> => "token" in r);
    // A caller either got a link (possibly replaced at once by a later one) or was told of the conflict.
    for (const r of results) if (!("token" in r)) expect(isAppError(r.threw, "CONFLICT")).toBe(true);
    const lookups = await Promise.all(made.map((r) => lookupInvite(t.prisma, r.token, new Date())));
    expect(lookups.filter((l) => l.status === "VALID")).toHaveLength(1);
    expect(await t.prisma.invite.count({ where: { patientId: patient.id, usedAt: null, revokedAt: null } })).toBe(1);

    const second = t.prisma.invite.create({
      data: {
        clinicId: clinician.clinicId,
        patientId: patient.id,
        createdById: clinician.userId,
        tokenHash: randomUUID(),
        expiresAt: addDays(day, 7),
      },
    });
    expect(isUniqueViolation(await second.catch((error: unknown) => error))).toBe(true);
  });
});
