import "server-only";

import { serverBackupSettings } from "../backup/backup-settings";
import { makeDailyBackup } from "../backup/daily-backup";
import { getDatabase, getDb } from "../db/app-db.server";
import { deliverEmailInBackground } from "../email/delivery-runner.server";
import { currentDataKey } from "../identity/current-data-key";
import { logger } from "../log/logger";
import { sendDueNotices } from "../notices/patient-notices";
import { reminderDelivery } from "../reminders/reminder-delivery";
import { sendDueReminders } from "../reminders/send-due-reminders";
import { dailyBackupJob, SCHEDULED_JOBS } from "./jobs";
import { runDueJobs } from "./run-due-jobs";
import { SCHEDULER_HOLDER, type SchedulerHandle } from "./scheduler-handle";

// Every app server ticks once a minute; runDueJobs makes sure a due job runs on one of them,
// and sendDueReminders that a reminder goes once.
// The first tick comes at start, so a job missed while every server was down runs at once.
const TICK_MS = 60_000;

const JOBS = [
  ...SCHEDULED_JOBS,
  dailyBackupJob(async (now) =>
    makeDailyBackup(await getDatabase(), serverBackupSettings(), currentDataKey().fingerprint, now),
  ),
];

async function tick() {
  try {
    for (const outcome of await runDueJobs(await getDb(), { jobs: JOBS })) {
      if (outcome.status === "FAILED")
        logger.error(
          { job: outcome.job, clinicId: outcome.clinicId, code: outcome.error },
          "a scheduled job failed; it is tried again later",
        );
      else logger.info({ job: outcome.job, clinicId: outcome.clinicId, ...outcome.summary }, "a scheduled job ran");
    }
  } catch (error) {
    logger.error({ err: error }, "the scheduler could not look for due jobs; it tries again in a minute");
  }
  // Portal reminders are looked for every minute; each goes once across servers (ReminderDelivery).
  try {
    const sent = await sendDueReminders(await getDb(), { now: new Date(), ...reminderDelivery() });
    if (sent.push + sent.email > 0) logger.info({ kind: "reminders", ...sent }, "portal reminders sent");
  } catch (error) {
    logger.error({ err: error }, "portal reminders could not be sent; they are looked for again in a minute");
  }
  // So are the notices that tell a patient to open the portal (a plan on hold, a message).
  try {
    const sent = await sendDueNotices(await getDb(), { now: new Date(), ...reminderDelivery() });
    if (sent.push + sent.email > 0) logger.info({ kind: "notices", ...sent }, "portal notices sent");
  } catch (error) {
    logger.error({ err: error }, "portal notices could not be sent; they are looked for again in a minute");
  }
  // E-mail that failed to send is tried again on the same clock.
  deliverEmailInBackground();
}

export function startScheduler(): void {
  if (SCHEDULER_HOLDER.__heelpainScheduler) return;
  let current: Promise<void> = tick();
  const timer = setInterval(() => {
    // A long run (a big clinic's first sweep) outlasts a tick: the next tick waits for it.
    current = current.then(tick);
  }, TICK_MS).unref();
  const handle: SchedulerHandle = {
    async stop() {
      clearInterval(timer);
      SCHEDULER_HOLDER.__heelpainScheduler = undefined;
      await current;
    },
  };
  SCHEDULER_HOLDER.__heelpainScheduler = handle;
}
