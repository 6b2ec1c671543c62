// The folder of the running app's daily backups (SPEC §9): one file per run, named by the
// moment it was made (UTC), kept a number of days. A file is written under a temporary name
// and renamed when whole, so every file the folder lists is a complete backup.
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";

const NAME = /^backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.sql$/;

export type BackupFile = { name: string; createdAt: Date; bytes: number };

export function backupFileName(at: Date): string {
  return `backup-${at.toISOString().slice(0, 19).replaceAll(":", "-")}Z.sql`;
}

/** When the backup named `name` was made; null for any name the folder does not give. */
export function backupTime(name: string): Date | null {
  const match = NAME.exec(name);
  return match ? new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`) : null;
}

/** The complete backups in the folder, newest first. */
export async function listBackups(folder: string): Promise<BackupFile[]> {
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const files = await Promise.all(
    names.flatMap((name) => {
      const createdAt = backupTime(name);
      return createdAt ? [stat(path.join(folder, name)).then((info) => ({ name, createdAt, bytes: info.size }))] : [];
    }),
  );
  return files.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** The backup made at `at`: `write` writes it into the temporary file it is given. */
export async function writeBackupFile(
  folder: string,
  at: Date,
  write: (file: string) => Promise<void>,
): Promise<BackupFile> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const name = backupFileName(at);
  const partial = path.join(folder, `.${name}.partial`);
  try {
    await write(partial);
  } catch (error) {
    // A failed night leaves no half file to fill the disk.
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, path.join(folder, name));
  return { name, createdAt: at, bytes: (await stat(path.join(folder, name))).size };
}

/** Removes the backups older than `keepDays` days, and how many. */
export async function pruneBackups(folder: string, now: Date, keepDays: number): Promise<number> {
  const oldest = now.getTime() - keepDays * 24 * 60 * 60_000;
  const old = (await listBackups(folder)).filter((file) => file.createdAt.getTime() < oldest);
  await Promise.all(old.map((file) => rm(path.join(folder, file.name), { force: true })));
  return old.length;
}
