import "server-only";

import { deliverEmailInBackground, emailDelivery } from "../../server/email/delivery-runner.server";
import { sendDueNotices } from "../../server/notices/patient-notices";
import { reminderDelivery } from "../../server/reminders/reminder-delivery";
import { sendDueReminders } from "../../server/reminders/send-due-reminders";
import { reportFactsRefresh, resumeReportFacts } from "../../server/reports/report-facts-runner.server";
import { flagReevaluation, resumeReevaluations } from "../../server/rules/reevaluation-runner.server";
// Every job this server runs in the background, in one list, started by startJobs()
// (instrumentation.ts) and stopped by stopJobs() (lib/platform/jobs/jobs-handle.ts, at shutdown).
// Decision record 028.
//
// - Daily, at an hour of the clinic's clock, once across every server (lib/platform/jobs/, decision
//   record 012): the rules sweep, forgetting forms' idempotency keys, the backup.
// - Every minute, on every server, each safe beside the same job on another: the look for due
//   daily jobs, the portal's reminders and notices (each goes once: ReminderDelivery), and a
//   retry of e-mail that failed.
// - On demand, asked for by a request and run after the answer, one run per key at a time in
//   this process (lib/platform/jobs/coalescing-runner.ts): the re-evaluation of flags after a settings
//   change, the clinic report's facts, the delivery of e-mail.
import { serverBackupSettings } from "../backup/backup-settings";
import { makeDailyBackup } from "../backup/daily-backup";
import { currentDataKey } from "../cpr/current-data-key";
import { getDatabase, getDb } from "../db/app-db.server";
import type { Db } from "../db/client";
import { logger } from "../log/logger";
import type { CoalescingRunner } from "./coalescing-runner";
import { dailyBackupJob, SCHEDULED_JOBS, type ScheduledJob } from "./jobs";
import { jobsHolder } from "./jobs-handle";
import { runDueJobs } from "./run-due-jobs";

/** Daily jobs: the per-clinic ones (lib/platform/jobs/jobs.ts) and the installation's backup. */
export const DAILY_JOBS: readonly ScheduledJob[] = [
  ...SCHEDULED_JOBS,
  dailyBackupJob(async (now) =>
    makeDailyBackup(await getDatabase(), serverBackupSettings(), currentDataKey().fingerprint, now),
  ),
];

type MinuteJob = { name: string; run: (db: Db, now: Date) => Promise<void> };

/** Every minute, one after another; the first tick comes at start, so a job missed while every server was down runs at once. */
export const MINUTE_JOBS: readonly MinuteJob[] = [
  {
    name: "daily-jobs",
    async run(db) {
      for (const outcome of await runDueJobs(db, { jobs: DAILY_JOBS })) {
        if (outcome.status === "FAILED")
          logger.error(
            { job: outcome.job, clinicId: outcome.clinicId, code: outcome.error },
            "a scheduled job failed; it is tried again later",
          );
        else logger.info({ job: outcome.job, clinicId: outcome.clinicId, ...outcome.summary }, "a scheduled job ran");
      }
    },
  },
  {
    name: "portal-reminders",
    async run(db, now) {
      const sent = await sendDueReminders(db, { now, ...reminderDelivery() });
      if (sent.push + sent.email > 0) logger.info({ kind: "reminders", ...sent }, "portal reminders sent");
    },
  },
  {
    // The notices that tell a patient to open the portal (a plan on hold, a message).
    name: "portal-notices",
    async run(db, now) {
      const sent = await sendDueNotices(db, { now, ...reminderDelivery() });
      if (sent.push + sent.email > 0) logger.info({ kind: "notices", ...sent }, "portal notices sent");
    },
  },
  {
    // E-mail that failed to send, or was queued while the server was down, is tried again.
    name: "email-retry",
    run: async () => deliverEmailInBackground(),
  },
];

/** On-demand jobs, and how each picks up work a restart interrupted. */
export const ON_DEMAND_JOBS: readonly { runner: CoalescingRunner; resumeAtStart?: () => Promise<void> }[] = [
  { runner: flagReevaluation, resumeAtStart: resumeReevaluations },
  { runner: reportFactsRefresh, resumeAtStart: resumeReportFacts },
  // Resumed by the first minute's e-mail retry.
  { runner: emailDelivery },
];

const TICK_MS = 60_000;

async function tick() {
  for (const job of MINUTE_JOBS) {
    try {
      await job.run(await getDb(), new Date());
    } catch (error) {
      logger.error({ job: job.name, err: error }, "a job that runs every minute failed; it runs again in a minute");
    }
  }
}

async function resumeOnDemandJobs() {
  for (const { runner, resumeAtStart } of ON_DEMAND_JOBS) {
    await resumeAtStart?.().catch((error: unknown) => {
      logger.error({ job: runner.name, err: error }, "could not resume a background job at start");
    });
  }
}

/**
 * At server start: resumes the on-demand jobs' interrupted work (awaited, so that it is asked
 * for before the first request is served) and starts the minute clock. Once per process.
 */
export async function startJobs(): Promise<void> {
  const jobs = jobsHolder();
  if (jobs.ticking) return;
  jobs.accepting = true;
  let stopped = false;
  const resumed = resumeOnDemandJobs();
  let current: Promise<void> = resumed.then(() => (stopped ? undefined : tick()));
  const timer = setInterval(() => {
    // A long run (a big clinic's first sweep) outlasts a tick: the next tick waits for it.
    current = current.then(tick);
  }, TICK_MS).unref();
  jobs.ticking = {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
  await resumed;
}
