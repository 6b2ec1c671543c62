// Where the daily backups go and how long they stay, from the environment (lib/env.ts).
import path from "node:path";

import type { TEnv } from "../env";
import type { BackupSettings } from "./daily-backup";

export function backupSettings(env: TEnv): BackupSettings {
  return { folder: path.resolve(env.BACKUP_DIR ?? path.join(env.DATA_DIR, "backups")), keepDays: env.BACKUP_KEEP_DAYS };
}
