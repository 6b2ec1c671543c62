import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { backupFileName, backupTime, listBackups, pruneBackups, writeBackupFile } from "./backup-folder";

const day = (n: number) => new Date(Date.UTC(2026, 11, n, 2, 0, 5));

describe("the backup folder", () => {
  it("names a backup by its moment and reads the moment back; other names are not backups", () => {
    expect(backupFileName(day(3))).toBe("backup-2026-12-03T02-00-05Z.sql");
    expect(backupTime("backup-2026-12-03T02-00-05Z.sql")).toEqual(day(3));
    expect(backupTime("../backup-2026-12-03T02-00-05Z.sql")).toBeNull();
    expect(backupTime(".backup-2026-12-03T02-00-05Z.sql.partial")).toBeNull();
    expect(backupTime("data-key")).toBeNull();
  });

  it("lists complete backups newest first and keeps the given number of days", async () => {
    const folder = path.join(await mkdtemp(path.join(os.tmpdir(), "heelpain-backups-")), "backups");
    expect(await listBackups(folder)).toEqual([]);
    for (const n of [1, 10, 16, 17])
      await writeBackupFile(folder, day(n), (file) => writeFile(file, `backup of day ${n}`));
    // A backup being written, and a file someone left there, are not listed or removed.
    await writeFile(path.join(folder, ".backup-2026-12-18T02-00-05Z.sql.partial"), "half");
    await writeFile(path.join(folder, "notes.txt"), "mine");
    expect((await listBackups(folder)).map((file) => [file.name, file.bytes])).toEqual([
      ["backup-2026-12-17T02-00-05Z.sql", 16],
      ["backup-2026-12-16T02-00-05Z.sql", 16],
      ["backup-2026-12-10T02-00-05Z.sql", 16],
      ["backup-2026-12-01T02-00-05Z.sql", 15],
    ]);
    // On the 17th at 03:00, 14 days back is the 3rd at 03:00: the 1st goes, the 10th stays.
    expect(await pruneBackups(folder, new Date(Date.UTC(2026, 11, 17, 3)), 14)).toBe(1);
    expect((await readdir(folder)).sort()).toEqual([
      ".backup-2026-12-18T02-00-05Z.sql.partial",
      "backup-2026-12-10T02-00-05Z.sql",
      "backup-2026-12-16T02-00-05Z.sql",
      "backup-2026-12-17T02-00-05Z.sql",
      "notes.txt",
    ]);
  });

  it("leaves nothing behind when a backup fails while it is written", async () => {
    const folder = path.join(await mkdtemp(path.join(os.tmpdir(), "heelpain-backups-")), "backups");
    const failing = writeBackupFile(folder, day(5), async (file) => {
      await writeFile(file, "the first half");
      throw new Error("pg_dump failed: connection lost");
    });
    await expect(failing).rejects.toThrow("connection lost");
    expect(await readdir(folder)).toEqual([]);
  });
});
