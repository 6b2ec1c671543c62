// The app's scheduler on a real database: a due job runs once however many servers ask, a
// missed day is caught up, a run left by a dead server is taken over, and a failure is kept
// and tried again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, DEFAULT_TIME_ZONE, today } from "../../lib/platform/dates";
import { createPrismaClient } from "../../lib/platform/db/client";
import { scheduledJobStatus } from "../../lib/platform/jobs/job-status";
import { RULE_SWEEP, type ScheduledJob } from "../../lib/platform/jobs/jobs";
import { runDueJobs } from "../../lib/platform/jobs/run-due-jobs";
import { LEASE_MS, RETRY_AFTER_MS } from "../../lib/platform/jobs/schedule";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let admin: Actor;
let clinicId: string;

// 10:00 in Copenhagen on a winter day: that day's 04:00 run is due.
const MORNING = new Date("2026-11-25T09:00:00Z");
const DUE = new Date("2026-11-25T03:00:00Z");
const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

/** A job that counts its runs, and can be told to fail or to take a while. */
function countingJob(name: string, behaviour: { fail?: boolean; delayMs?: number } = {}) {
  const runs: string[] = [];
  const job: ScheduledJob = {
    name,
    hour: 4,
    run: async (_db, { clinic, beforeBatch }) => {
      await beforeBatch();
      if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
      runs.push(clinic.id);
      if (behaviour.fail) throw Object.assign(new Error("patient Jens Hansen could not be read"), { code: "P2025" });
      return { done: 1 };
    },
  };
  return { job, runs };
}

const runOf = (job: string) => t.prisma.jobRun.findUniqueOrThrow({ where: { job_clinicId: { job, clinicId } } });

beforeAll(async () => {
  t = await createTestDatabase();
  const clinic = await createClinic(t.prisma);
  clinicId = clinic.id;
  admin = actorOf(await createUser(t.prisma, { clinicId, role: "ADMIN" }));
});
afterAll(() => t.close());

describe(`the scheduler on ${TEST_DB_KIND}`, () => {
  it("runs a due job once for each clinic, not again the same day, and again the next day", async () => {
    const { job, runs } = countingJob("count-daily");
    const clinics = await t.prisma.clinic.count();
    await runDueJobs(t.prisma, { clock: () => MORNING, jobs: [job] });
    expect(runs.filter((id) => id === clinicId)).toHaveLength(1);
    expect(runs).toHaveLength(clinics);
    await runDueJobs(t.prisma, { clock: () => minutes(MORNING, 600), jobs: [job] });
    expect(runs).toHaveLength(clinics);
    expect(await runOf("count-daily")).toMatchObject({
      dueAt: DUE,
      status: "SUCCEEDED",
      attempts: 1,
      summary: { done: 1 },
    });

    // Before 04:00 the next day nothing is due; after, the new day's run.
    await runDueJobs(t.prisma, { clock: () => new Date("2026-11-26T02:59:00Z"), jobs: [job] });
    expect(runs).toHaveLength(clinics);
    await runDueJobs(t.prisma, { clock: () => new Date("2026-11-26T03:00:00Z"), jobs: [job] });
    expect(runs).toHaveLength(2 * clinics);
  });

  it("after three days down, runs once at start rather than once per missed day", async () => {
    const { job, runs } = countingJob("catch-up");
    await runDueJobs(t.prisma, { clock: () => MORNING, jobs: [job] });
    const before = runs.length;
    await runDueJobs(t.prisma, { clock: () => addDays(MORNING, 3), jobs: [job] });
    expect(runs.length - before).toBe(await t.prisma.clinic.count());
    expect((await runOf("catch-up")).dueAt).toEqual(addDays(DUE, 3));
  });

  it("runs once when several servers tick at the same moment", async () => {
    const { job, runs } = countingJob("many-servers", { delayMs: 50 });
    // Separate clients, as separate servers would have (one connection each on PGlite too).
    const servers = [t.prisma, createPrismaClient(t.db), createPrismaClient(t.db), createPrismaClient(t.db)];
    await Promise.all(servers.map((db) => runDueJobs(db, { clock: () => MORNING, jobs: [job] })));
    expect(runs.filter((id) => id === clinicId)).toHaveLength(1);
    expect(runs).toHaveLength(await t.prisma.clinic.count());
  });

  it("takes over a run whose server died, only after the lease ran out", async () => {
    const { job, runs } = countingJob("taken-over");
    // A server claimed the run at 09:00 and died before it finished.
    await t.prisma.jobRun.create({
      data: {
        job: "taken-over",
        clinicId,
        dueAt: DUE,
        status: "RUNNING",
        attempts: 1,
        startedAt: MORNING,
        heartbeatAt: MORNING,
      },
    });
    await runDueJobs(t.prisma, { clock: () => minutes(MORNING, 1), jobs: [job] });
    expect(runs).not.toContain(clinicId);
    await runDueJobs(t.prisma, { clock: () => new Date(MORNING.getTime() + LEASE_MS + 60_000), jobs: [job] });
    expect(runs.filter((id) => id === clinicId)).toHaveLength(1);
    expect(await runOf("taken-over")).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
  });

  it("keeps a failure's code without its message, and tries again after a pause", async () => {
    const failing = countingJob("failing", { fail: true });
    await runDueJobs(t.prisma, { clock: () => MORNING, jobs: [failing.job] });
    const failed = await runOf("failing");
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, error: "P2025" });
    expect(JSON.stringify(failed)).not.toContain("Jens");
    await runDueJobs(t.prisma, { clock: () => minutes(MORNING, 1), jobs: [failing.job] });
    expect(failing.runs.filter((id) => id === clinicId)).toHaveLength(1);
    await runDueJobs(t.prisma, {
      clock: () => new Date(MORNING.getTime() + RETRY_AFTER_MS + 60_000),
      jobs: [failing.job],
    });
    expect(await runOf("failing")).toMatchObject({ status: "FAILED", attempts: 2 });
  });

  it("sweeps the clinic's open episodes: a time-based flag opens without anyone writing, and the admin sees the run", async () => {
    const clinician = await createUser(t.prisma, { clinicId, role: "CLINICIAN" });
    const patient = await createPatient(t.prisma, { clinicId, clinicianId: clinician.id });
    // Seen last 90 days ago: FOLLOW_UP_OVERDUE is due by time alone.
    const start = addDays(today(DEFAULT_TIME_ZONE), -90);
    const episode = await t.prisma.episode.create({
      data: { clinicId, patientId: patient.id, side: "LEFT", symptomOnset: addDays(start, -30), treatmentStart: start },
    });
    await t.prisma.assessment.create({
      data: {
        clinicId,
        episodeId: episode.id,
        recordedById: clinician.id,
        date: start,
        redFlagsScreened: true,
        differentialsExamined: true,
      },
    });
    expect(await t.prisma.flag.count({ where: { episodeId: episode.id } })).toBe(0);

    const outcomes = await runDueJobs(t.prisma, { jobs: [RULE_SWEEP] });
    expect(outcomes.find((o) => o.clinicId === clinicId)).toMatchObject({
      status: "SUCCEEDED",
      summary: { episodes: 1 },
    });
    expect(
      (await t.prisma.flag.findMany({ where: { episodeId: episode.id, status: "OPEN" } })).map((f) => f.code),
    ).toContain("FOLLOW_UP_OVERDUE");

    const [status] = await scheduledJobStatus(t.prisma, admin);
    expect(status).toMatchObject({
      job: "rules-sweep",
      hour: 4,
      last: { status: "SUCCEEDED", summary: { episodes: 1 } },
    });
    expect(status!.nextAt.getTime()).toBeGreaterThan(Date.now());
  });
});
