// The running app's daily backup (SPEC §9): made by the scheduler once for the whole database,
// kept the configured days, listed for admins and downloadable only where the database holds
// the admin's clinic alone. Real files in a real folder, the backup restored to prove it whole.
import { mkdtemp, readdir, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { restoreDatabase } from "../../lib/platform/backup/backup";
import { backupOverview, downloadBackup } from "../../lib/platform/backup/backup-downloads";
import { backupFileName } from "../../lib/platform/backup/backup-folder";
import { type BackupSettings, makeDailyBackup } from "../../lib/platform/backup/daily-backup";
import { currentDataKey } from "../../lib/platform/cpr/current-data-key";
import { checkDataKey } from "../../lib/platform/cpr/key-check";
import { createPrismaClient } from "../../lib/platform/db/client";
import { openDatabase } from "../../lib/platform/db/database";
import { isAppError } from "../../lib/platform/errors";
import { DAILY_BACKUP, dailyBackupJob } from "../../lib/platform/jobs/jobs";
import { runDueJobs } from "../../lib/platform/jobs/run-due-jobs";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let settings: BackupSettings;
const job = () => dailyBackupJob((now) => makeDailyBackup(t.db, settings, currentDataKey().fingerprint, now));
/** 02:00 in Copenhagen on a December day is 01:00 UTC. */
const night = (day: number, minutes = 5) => new Date(Date.UTC(2026, 11, day, 1, minutes));

beforeAll(async () => {
  t = await createTestDatabase();
  await checkDataKey(t.prisma, currentDataKey());
  settings = { folder: path.join(await mkdtemp(path.join(os.tmpdir(), "heelpain-daily-")), "backups"), keepDays: 14 };
});
afterAll(() => t.close());

describe(`the daily backup on ${TEST_DB_KIND}`, () => {
  it("is made once a night for the whole database, under the oldest clinic, and kept 14 days", async () => {
    const first = await createClinic(t.prisma, { name: "Første Klinik" });
    const admin = actorOf(await createUser(t.prisma, { clinicId: first.id, role: "ADMIN" }));
    await createPatient(t.prisma, { clinicId: first.id, clinicianId: admin.userId, cpr: "0101801001" });

    expect(await runDueJobs(t.prisma, { clock: () => night(1), jobs: [job()] })).toEqual([
      {
        job: DAILY_BACKUP,
        clinicId: first.id,
        status: "SUCCEEDED",
        summary: { bytes: expect.any(Number), removed: 0 },
      },
    ]);
    // Later the same night nothing runs again.
    expect(await runDueJobs(t.prisma, { clock: () => night(1, 40), jobs: [job()] })).toEqual([]);

    // Only this clinic: its admin sees the backup and may download it; the file restores whole.
    const overview = await backupOverview(t.prisma, admin, settings);
    expect(overview).toMatchObject({ downloadable: true, keepDays: 14, lastRun: { status: "SUCCEEDED" } });
    expect(overview.backups.map((file) => file.name)).toEqual([backupFileName(night(1))]);
    const download = await downloadBackup(t.prisma, admin, settings, backupFileName(night(1)));
    const downloaded = path.join(settings.folder, "..", "downloaded.sql");
    await writeFile(downloaded, Buffer.from(await new Response(download.body).arrayBuffer()));
    expect((await stat(downloaded)).size).toBe(download.bytes);
    expect(
      await t.prisma.auditEvent.count({
        where: { actorId: admin.userId, action: "EXPORT", entity: "Backup", entityId: download.name },
      }),
    ).toBe(1);
    const restored = await openDatabase({ kind: "pglite", dataDir: null });
    try {
      expect(
        await restoreDatabase(restored, downloaded, { keyFingerprint: currentDataKey().fingerprint, force: false }),
      ).toMatchObject({ ok: true });
      const prisma = createPrismaClient(restored);
      expect(await prisma.patient.count({ where: { clinicId: first.id } })).toBe(1);
      await prisma.$disconnect();
    } finally {
      await restored.close();
    }

    // A second clinic in the database: the backup is for whoever runs the server, and still one a night.
    const second = await createClinic(t.prisma, { name: "Anden Klinik" });
    const otherAdmin = actorOf(await createUser(t.prisma, { clinicId: second.id, role: "ADMIN" }));
    for (let day = 2; day <= 17; day += 1) await runDueJobs(t.prisma, { clock: () => night(day), jobs: [job()] });
    expect(await t.prisma.jobRun.findMany({ where: { job: DAILY_BACKUP }, select: { clinicId: true } })).toEqual([
      { clinicId: first.id },
    ]);
    // On the 17th the backups of the 3rd to the 17th are kept: 14 days back and that night's.
    const names = (await readdir(settings.folder)).sort();
    expect(names).toEqual(Array.from({ length: 15 }, (_, i) => backupFileName(night(i + 3))));
    for (const who of [admin, otherAdmin]) {
      expect(await backupOverview(t.prisma, who, settings)).toMatchObject({ downloadable: false });
      await expect(downloadBackup(t.prisma, who, settings, backupFileName(night(17)))).rejects.toSatisfy((error) =>
        isAppError(error, "FORBIDDEN"),
      );
    }
  });

  it("answers a name that is not a backup's, or a backup that is gone, with not found", async () => {
    const clinic = await t.prisma.clinic.findFirstOrThrow({ where: { name: "Første Klinik" } });
    // The database is this clinic's alone again, so only the name decides.
    await t.prisma.user.deleteMany({ where: { clinic: { name: "Anden Klinik" } } });
    await t.prisma.clinic.deleteMany({ where: { name: "Anden Klinik" } });
    const admin = actorOf(await t.prisma.user.findFirstOrThrow({ where: { clinicId: clinic.id, role: "ADMIN" } }));
    for (const name of ["../data-key", "backup-2026-12-01T01-05-00Z.sql.partial", backupFileName(night(1))]) {
      await expect(downloadBackup(t.prisma, admin, settings, name)).rejects.toSatisfy((error) =>
        isAppError(error, "NOT_FOUND"),
      );
    }
  });
});
