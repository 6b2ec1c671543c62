// Runs the scheduled jobs that are due, once across every app server on the database. Each
// server calls runDueJobs every minute (lib/platform/jobs/registry.server.ts). Which server runs a due job is
// settled in a short transaction under a PostgreSQL advisory lock (PGlite has them too): the
// server that holds it reads the job's last run, decides (schedule.ts) and marks the run as
// its own. The run itself works outside that transaction and moves a heartbeat as it goes, so
// a server that dies mid-run is noticed and the run is taken over. Decision record 012.
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db/client";
import { SCHEDULED_JOBS, type ScheduledJob } from "./jobs";
import { latestDailyMoment, startDecision } from "./schedule";

/** The advisory lock key of the scheduler's claims (any constant bigint no other code uses). */
const CLAIM_LOCK = 0x5c4ed_01eb;

export class LeaseLost extends Error {
  constructor() {
    super("another server took over this scheduled run");
    this.name = "LeaseLost";
  }
}

export type JobOutcome = {
  job: string;
  clinicId: string;
  status: "SUCCEEDED" | "FAILED";
  summary?: Record<string, number>;
  error?: string;
};

/** Claims the run of `job` for `dueAt` if it is this server's to start; null if not. */
async function claim(
  db: Db,
  job: string,
  clinicId: string,
  dueAt: Date,
  now: Date,
): Promise<{ attempt: number } | null> {
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<
      { locked: boolean }[]
    >`SELECT pg_try_advisory_xact_lock(${CLAIM_LOCK}::bigint) AS locked`;
    // Another server is deciding right now; this one looks again at the next tick.
    if (!lock?.locked) return null;
    const last = await tx.jobRun.findUnique({ where: { job_clinicId: { job, clinicId } } });
    const decision = startDecision(last, dueAt, now);
    if (!decision.start) return null;
    const run = {
      dueAt,
      status: "RUNNING" as const,
      attempts: decision.attempt,
      startedAt: now,
      heartbeatAt: now,
      finishedAt: null,
      error: null,
    };
    await tx.jobRun.upsert({
      where: { job_clinicId: { job, clinicId } },
      create: { job, clinicId, ...run },
      update: { ...run, summary: Prisma.DbNull },
    });
    return { attempt: decision.attempt };
  });
}

/** The run is still this server's: move its heartbeat, or stop if another server took it over. */
async function beat(db: Db, job: string, clinicId: string, dueAt: Date, attempt: number, at: Date) {
  const { count } = await db.jobRun.updateMany({
    where: { job, clinicId, dueAt, attempts: attempt, status: "RUNNING" },
    data: { heartbeatAt: at },
  });
  if (count === 0) throw new LeaseLost();
}

async function finish(
  db: Db,
  job: string,
  clinicId: string,
  dueAt: Date,
  attempt: number,
  at: Date,
  outcome: { summary: Prisma.InputJsonValue } | { error: string },
) {
  await db.jobRun.updateMany({
    where: { job, clinicId, dueAt, attempts: attempt, status: "RUNNING" },
    data:
      "error" in outcome
        ? { status: "FAILED", finishedAt: at, error: outcome.error }
        : { status: "SUCCEEDED", finishedAt: at, summary: outcome.summary, error: null },
  });
}

/** The error's name or code, never its message: a database error's message can quote a row. */
function errorName(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string") return code;
  return error instanceof Error ? error.name : "Error";
}

/**
 * Runs every job that is due for every clinic, one after another, and answers what ran.
 * The clock is a parameter so tests can stand at any moment of the day.
 */
export async function runDueJobs(
  db: Db,
  { clock = () => new Date(), jobs = SCHEDULED_JOBS }: { clock?: () => Date; jobs?: readonly ScheduledJob[] } = {},
): Promise<JobOutcome[]> {
  const [clinics, runs] = await Promise.all([
    db.clinic.findMany({ select: { id: true, timeZone: true }, orderBy: { createdAt: "asc" } }),
    db.jobRun.findMany({ where: { job: { in: jobs.map((job) => job.name) } } }),
  ]);
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    for (const clinic of job.scope === "installation" ? clinics.slice(0, 1) : clinics) {
      const now = clock();
      const dueAt = latestDailyMoment(now, clinic.timeZone, job.hour);
      // Most ticks find nothing due: one read for all clinics, a claim only where a run may start.
      const last = runs.find((run) => run.job === job.name && run.clinicId === clinic.id) ?? null;
      if (!startDecision(last, dueAt, now).start) continue;
      const claimed = await claim(db, job.name, clinic.id, dueAt, now);
      if (!claimed) continue;
      const beforeBatch = () => beat(db, job.name, clinic.id, dueAt, claimed.attempt, clock());
      try {
        const summary = await job.run(db, { clinic, now, beforeBatch });
        await finish(db, job.name, clinic.id, dueAt, claimed.attempt, clock(), { summary });
        outcomes.push({ job: job.name, clinicId: clinic.id, status: "SUCCEEDED", summary });
      } catch (error) {
        // Taken over by another server: that one finishes and records the run.
        if (error instanceof LeaseLost) continue;
        const name = errorName(error);
        await finish(db, job.name, clinic.id, dueAt, claimed.attempt, clock(), { error: name });
        outcomes.push({ job: job.name, clinicId: clinic.id, status: "FAILED", error: name });
      }
    }
  }
  return outcomes;
}
