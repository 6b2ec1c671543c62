// How many statements one write sends to the database, counted at the driver (issue 44): the
// write funnel loads an episode's snapshot once and stores its derived state in a handful of
// statements, whatever the episode holds. A morning-pain tap is the portal's commonest write
// and the morning peak's load (npm run bench -- --only peak).
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, DEFAULT_TIME_ZONE, isoDate, today } from "../../lib/platform/dates";
import { createPrismaClient, type Db } from "../../lib/platform/db/client";
import { logMorningPain, logSession } from "../../lib/server/portal/portal-logs";
import { assignProgram } from "../../lib/server/programs/assignments";
import { listTemplates, seedDefaultTemplates } from "../../lib/server/programs/templates";
import { saveOutcome } from "../../lib/server/records/record-services";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { countingStatements, type StatementLog } from "../support/statement-counter";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

/** At most this many statements, BEGIN and COMMIT included, for one tap of morning pain. */
const MORNING_PAIN_TAP_BUDGET = 10;
/** … and for one logged session, which also reads its program and answers the stored row. */
const SESSION_BUDGET = 12;

let t: TestDatabase;
let counted: Db;
let log: StatementLog;
let patientActor: Actor;
let clinician: Actor;
let episodeId: string;
let assignmentId: string;
const day = today(DEFAULT_TIME_ZONE);

beforeAll(async () => {
  t = await createTestDatabase();
  const counting = countingStatements(t.db);
  counted = createPrismaClient(counting.db);
  log = counting.log;
  const clinicId = (await createClinic(t.prisma)).id;
  await seedDefaultTemplates(t.prisma, clinicId);
  clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
  const user = await createUser(t.prisma, { clinicId, role: "PATIENT" });
  const patient = await createPatient(t.prisma, { clinicId, clinicianId: clinician.userId });
  const start = addDays(day, -30);
  const episode = await t.prisma.episode.create({
    data: { clinicId, patientId: patient.id, side: "LEFT", symptomOnset: addDays(start, -90), treatmentStart: start },
  });
  episodeId = episode.id;
  await t.prisma.patient.update({
    where: { id: patient.id },
    data: { currentEpisodeId: episode.id, portalUserId: user.id },
  });
  patientActor = actorOf(user);
  const templateId = (await listTemplates(t.prisma, clinician)).find((tpl) => tpl.key === "hsr-12-weeks")!.id;
  const assigned = await assignProgram(t.prisma, clinician, episode.id, {
    templateId,
    startDate: isoDate(start),
    sessionsPerWeek: "3",
  });
  if (assigned.status !== "saved") throw new Error(JSON.stringify(assigned));
  assignmentId = assigned.id;
  // A month of a course: a clinic baseline, and a diary of morning pain and sessions.
  const baseline = await saveOutcome(
    t.prisma,
    clinician,
    { episodeId, recordId: null },
    { date: isoDate(start), instrument: "NRS_FIRST_STEP", value: "7" },
    () => day,
  );
  if (baseline.status !== "saved") throw new Error(JSON.stringify(baseline));
  for (let back = 3; back >= 1; back -= 1) {
    const on = addDays(day, -back);
    await logMorningPain(
      counted,
      patientActor,
      { clientId: randomUUID(), date: isoDate(on), value: String(4 + back) },
      on,
    );
    const session = await logSession(counted, patientActor, sessionValues(on), on);
    if (session.status !== "saved") throw new Error(JSON.stringify(session));
  }
});

const sessionValues = (on: Date) => ({
  clientId: randomUUID(),
  assignmentId,
  date: isoDate(on),
  completed: "yes",
  sets: "3",
  reps: "12",
  painDuring: "3",
  effort: "AS_INTENDED",
});

afterAll(async () => {
  await counted?.$disconnect();
  await t?.close();
});

describe("statements per write", () => {
  it(`one tap of morning pain in the portal sends at most ${MORNING_PAIN_TAP_BUDGET} statements`, async () => {
    log.reset();
    const answer = await logMorningPain(
      counted,
      patientActor,
      { clientId: randomUUID(), date: isoDate(day), value: "3" },
      day,
    );
    expect(answer).toMatchObject({ status: "saved", value: 3 });
    console.info(`One morning-pain tap: ${log.statements.length} statements (budget ${MORNING_PAIN_TAP_BUDGET}).`);
    expect(log.statements.length, log.statements.join("\n---\n")).toBeLessThanOrEqual(MORNING_PAIN_TAP_BUDGET);
    // What the tap stored is what the caseload and the flags read.
    const summary = await t.prisma.episode.findUniqueOrThrow({
      where: { id: episodeId },
      select: { latestPain: true, latestPainDate: true },
    });
    expect(Number(summary.latestPain)).toBe(3);
    expect(isoDate(summary.latestPainDate!)).toBe(isoDate(day));
  });

  it(`one logged session sends at most ${SESSION_BUDGET} statements`, async () => {
    log.reset();
    const answer = await logSession(counted, patientActor, sessionValues(day), day);
    expect(answer).toMatchObject({ status: "saved", session: { assignmentId } });
    console.info(`One logged session: ${log.statements.length} statements (budget ${SESSION_BUDGET}).`);
    expect(log.statements.length, log.statements.join("\n---\n")).toBeLessThanOrEqual(SESSION_BUDGET);
  });
});
