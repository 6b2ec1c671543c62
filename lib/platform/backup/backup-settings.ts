// Where the daily backups go and how long they stay, from the environment (lib/platform/env.ts).
import path from "node:path";

import { env, type TEnv } from "../env";
import type { BackupSettings } from "./daily-backup";

export function backupSettings(settings: TEnv): BackupSettings {
  return {
    folder: path.resolve(settings.BACKUP_DIR ?? path.join(settings.DATA_DIR, "backups")),
    keepDays: settings.BACKUP_KEEP_DAYS,
  };
}

/** This server's backup folder and how long its backups stay: what the admin's backup page lists and the nightly job writes. */
export function serverBackupSettings(): BackupSettings {
  return backupSettings(env());
}
