// The jobs the app schedules for itself, per clinic. A job's run must be safe to repeat (a run
// taken over from a server that died starts again from the beginning) and returns counts for
// the admins' view, never patient data.
import { sweepEpisodes } from "../../server/rules/sweep";
import { today } from "../dates";
import type { Db } from "../db/client";
import { forgetOldKeys } from "../db/idempotency";
import { BACKUP_HOUR } from "./backup-hour";

export type JobContext = { clinic: { id: string; timeZone: string }; now: Date; beforeBatch: () => Promise<void> };

export type ScheduledJob = {
  name: string;
  /** The hour of the clinic's local clock the job runs at, once a day. */
  hour: number;
  run: (db: Db, context: JobContext) => Promise<Record<string, number>>;
  /**
   * "installation": one run for the whole database (a backup holds every clinic), kept under
   * the oldest clinic and run by its clock. Unset: one run per clinic.
   */
  scope?: "installation";
};

/** The time-based flags and the program phases, early in the clinic's morning, before anyone opens the caseload. */
export const RULE_SWEEP: ScheduledJob = {
  name: "rules-sweep",
  hour: 4,
  run: (db, { clinic, now, beforeBatch }) =>
    sweepEpisodes(db, { clinicId: clinic.id, asOf: today(clinic.timeZone, now), beforeBatch }),
};

/** Forms' idempotency keys are needed for minutes; a week later they are only clutter. */
export const FORGET_FORM_KEYS: ScheduledJob = {
  name: "forget-form-keys",
  hour: 3,
  run: async (db, { clinic, now }) => ({ deleted: await forgetOldKeys(db, clinic.id, now) }),
};

export const SCHEDULED_JOBS: readonly ScheduledJob[] = [RULE_SWEEP, FORGET_FORM_KEYS];

export const DAILY_BACKUP = "daily-backup";

/**
 * The daily backup of the whole database (SPEC §9), at night before the sweep. `backup` is the
 * server's (lib/platform/backup/daily-backup.ts): it needs the database itself and the backup folder.
 */
export function dailyBackupJob(backup: (now: Date) => Promise<Record<string, number>>): ScheduledJob {
  return {
    name: DAILY_BACKUP,
    hour: BACKUP_HOUR,
    scope: "installation",
    run: async (_db, { now, beforeBatch }) => {
      // A server's pg_dump can outlast the lease: beat while it runs, so no other server starts a second one.
      const heartbeat = setInterval(() => void beforeBatch().catch(() => {}), 60_000);
      try {
        return await backup(now);
      } finally {
        clearInterval(heartbeat);
      }
    },
  };
}
