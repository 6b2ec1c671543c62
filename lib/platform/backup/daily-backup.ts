// The running app's daily backup (SPEC §9): the whole database into the backup folder, and the
// backups older than the kept days removed. Run by the scheduler on one server (lib/platform/jobs).
import type { Database } from "../db/database";
import { backupDatabase } from "./backup";
import { pruneBackups, writeBackupFile } from "./backup-folder";

export type BackupSettings = { folder: string; keepDays: number };

/** Makes today's backup and prunes the old ones; counts for the admins' view, no contents. */
export async function makeDailyBackup(
  database: Database,
  settings: BackupSettings,
  keyFingerprint: string,
  now: Date,
): Promise<Record<string, number>> {
  const file = await writeBackupFile(settings.folder, now, (partial) =>
    backupDatabase(database, keyFingerprint, { file: partial, now, shared: true }),
  );
  const removed = await pruneBackups(settings.folder, now, settings.keepDays);
  return { bytes: file.bytes, removed };
}
