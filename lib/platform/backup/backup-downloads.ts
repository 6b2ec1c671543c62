// What an admin sees of the daily backups, and the download of one (SPEC §9). A backup holds
// the whole database: an admin may download one only while the database holds their clinic
// alone. Where clinics share a database (a hosted installation), each backup holds the other
// clinics' patients too, and the backups are for whoever runs the server. Decision record 016.
import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { BACKUP_HOUR } from "../jobs/backup-hour";
import { DAILY_BACKUP } from "../jobs/jobs";
import { nextDailyMoment } from "../jobs/schedule";
import { type BackupFile, backupTime, listBackups } from "./backup-folder";
import type { BackupSettings } from "./daily-backup";

export type BackupOverview = {
  backups: BackupFile[];
  keepDays: number;
  /** False where other clinics share the database. */
  downloadable: boolean;
  lastRun: {
    status: "RUNNING" | "SUCCEEDED" | "FAILED";
    startedAt: Date;
    finishedAt: Date | null;
    error: string | null;
  } | null;
  /** When the nightly backup runs next, on the clinic's clock. */
  nextAt: Date;
};

async function onlyClinic(db: Db, clinicId: string): Promise<boolean> {
  return (await db.clinic.count({ where: { id: { not: clinicId } } })) === 0;
}

export async function backupOverview(
  db: Db,
  actor: Actor,
  settings: BackupSettings,
  now = new Date(),
): Promise<BackupOverview> {
  assertCan(actor, "clinic-admin");
  const [downloadable, backups, run, clinic] = await Promise.all([
    onlyClinic(db, actor.clinicId),
    listBackups(settings.folder),
    // One run for the installation, kept under the oldest clinic (lib/platform/jobs/jobs.ts).
    db.jobRun.findFirst({
      where: { job: DAILY_BACKUP },
      select: { status: true, startedAt: true, finishedAt: true, error: true },
    }),
    db.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { timeZone: true } }),
  ]);
  return {
    backups,
    keepDays: settings.keepDays,
    downloadable,
    lastRun: run,
    nextAt: nextDailyMoment(now, clinic.timeZone, BACKUP_HOUR),
  };
}

/** One backup as a stream for the download, audited; NOT_FOUND for a name that is not a backup, FORBIDDEN where clinics share the database. */
export async function downloadBackup(
  db: Db,
  actor: Actor,
  settings: BackupSettings,
  name: string,
): Promise<{ name: string; bytes: number; body: ReadableStream<Uint8Array> }> {
  assertCan(actor, "clinic-admin");
  if (!backupTime(name)) throw new AppError("NOT_FOUND");
  if (!(await onlyClinic(db, actor.clinicId))) throw new AppError("FORBIDDEN");
  const file = (await listBackups(settings.folder)).find((backup) => backup.name === name);
  if (!file) throw new AppError("NOT_FOUND");
  await recordAuditEvent(db, actor, { action: "EXPORT", entity: "Backup", entityId: name });
  return {
    name,
    bytes: file.bytes,
    body: Readable.toWeb(createReadStream(path.join(settings.folder, name))) as ReadableStream<Uint8Array>,
  };
}
