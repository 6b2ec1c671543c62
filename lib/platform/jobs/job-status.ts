// What the clinic's admins see of the scheduled jobs: each job's last run, its outcome and
// when it runs next.
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import type { Db } from "../db/client";
import { SCHEDULED_JOBS } from "./jobs";
import { nextDailyMoment } from "./schedule";

export type JobStatus = {
  job: string;
  hour: number;
  nextAt: Date;
  last: {
    dueAt: Date;
    status: "RUNNING" | "SUCCEEDED" | "FAILED";
    attempts: number;
    startedAt: Date;
    finishedAt: Date | null;
    summary: Record<string, number> | null;
    error: string | null;
  } | null;
};

export async function scheduledJobStatus(db: Db, actor: Actor, now = new Date()): Promise<JobStatus[]> {
  assertCan(actor, "clinic-admin");
  const [clinic, runs] = await Promise.all([
    db.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { timeZone: true } }),
    db.jobRun.findMany({ where: { clinicId: actor.clinicId } }),
  ]);
  return SCHEDULED_JOBS.map((job) => {
    const run = runs.find((r) => r.job === job.name);
    return {
      job: job.name,
      hour: job.hour,
      nextAt: nextDailyMoment(now, clinic.timeZone, job.hour),
      last: run
        ? {
            dueAt: run.dueAt,
            status: run.status,
            attempts: run.attempts,
            startedAt: run.startedAt,
            finishedAt: run.finishedAt,
            summary: run.summary as Record<string, number> | null,
            error: run.error,
          }
        : null,
    };
  });
}
