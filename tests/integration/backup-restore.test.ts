// Backup and restore (SPEC §9): the demo clinic backed up and restored into an empty database,
// every table compared row for row, in each direction a clinic takes: embedded → embedded,
// server → server, and embedded → server (moving off the embedded default).
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { backupDatabase, restoreDatabase } from "../../lib/platform/backup/backup";
import { BACKUP_SIGNATURE } from "../../lib/platform/backup/backup-file";
import { currentDataKey } from "../../lib/platform/cpr/current-data-key";
import { dataKeyFrom, generateDataKey } from "../../lib/platform/cpr/data-key";
import { checkDataKey } from "../../lib/platform/cpr/key-check";
import { createPrismaClient, type Db } from "../../lib/platform/db/client";
import { type Database, openDatabase } from "../../lib/platform/db/database";
import { applyMigrations } from "../../lib/platform/db/migrations";
import { seedDemoOnce } from "../../lib/server/seed/demo";
import { createEmptyDatabase, createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

/** Every table's rows, one hash per table, read in UTC so both kinds write times alike. */
async function tableHashes(db: Db): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;
  const sql = tables
    .map(
      ({ name }) =>
        `select '${name}' as name, count(*)::int as rows, md5(coalesce(string_agg(md5(t::text), ',' order by md5(t::text)), '')) as hash from "${name}" t`,
    )
    .join(" union all ");
  const [, rows] = await db.$transaction([
    db.$executeRawUnsafe("SET LOCAL TIME ZONE 'UTC'"),
    db.$queryRawUnsafe<{ name: string; rows: number; hash: string }[]>(sql),
  ]);
  return Object.fromEntries(rows.map((row) => [row.name, `${row.rows} ${row.hash}`]));
}

let source: TestDatabase;
let folder: string;
/** The demo clinic's backup file. */
let backup: string;
const opened: { db: Database; prisma: Db }[] = [];

async function empty(kind: "same" | "pglite"): Promise<{ db: Database; prisma: Db }> {
  const db = kind === "pglite" ? await openDatabase({ kind: "pglite", dataDir: null }) : await createEmptyDatabase();
  const handle = { db, prisma: createPrismaClient(db) };
  opened.push(handle);
  return handle;
}

beforeAll(async () => {
  source = await createTestDatabase();
  await checkDataKey(source.prisma, currentDataKey());
  await seedDemoOnce(source.prisma, new Date("2026-03-01T00:00:00.000Z"));
  folder = await mkdtemp(path.join(os.tmpdir(), "heelpain-backup-"));
  backup = path.join(folder, "demo.sql");
  await backupDatabase(source.db, currentDataKey().fingerprint, { file: backup, shared: true });
}, 300_000);
afterAll(async () => {
  for (const { db, prisma } of opened) {
    await prisma.$disconnect();
    await db.close();
  }
  await source.close();
});

describe(`backup and restore on ${TEST_DB_KIND}`, () => {
  it(`restores ${TEST_DB_KIND} into an empty ${TEST_DB_KIND} database, every table equal row for row`, async () => {
    const text = await readFile(backup, "utf8");
    expect(text.startsWith(`${BACKUP_SIGNATURE}\n`)).toBe(true);
    expect(text).not.toMatch(new RegExp(process.env.DATA_ENCRYPTION_KEY!.replace(/[+/=]/g, "."))); // never the key
    const target = await empty("same");
    expect(
      await restoreDatabase(target.db, backup, { keyFingerprint: currentDataKey().fingerprint, force: false }),
    ).toMatchObject({ ok: true });
    const [before, after] = [await tableHashes(source.prisma), await tableHashes(target.prisma)];
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(after).toEqual(before);
    // The restored database is one the app opens: its migrations recorded, its key accepted.
    expect(await applyMigrations(target.db)).toEqual([]);
    await checkDataKey(target.prisma, currentDataKey());
    expect(await target.prisma.patient.count()).toBeGreaterThan(40);
  });

  it.runIf(TEST_DB_KIND === "postgres")(
    "restores an embedded database's backup into PostgreSQL, every table equal row for row",
    async () => {
      const embedded = await empty("pglite");
      await applyMigrations(embedded.db);
      await checkDataKey(embedded.prisma, currentDataKey());
      await seedDemoOnce(embedded.prisma, new Date("2026-03-01T00:00:00.000Z"));
      const fromEmbedded = path.join(folder, "embedded.sql");
      await backupDatabase(embedded.db, currentDataKey().fingerprint, { file: fromEmbedded, shared: false });
      const server = await empty("same");
      expect(
        await restoreDatabase(server.db, fromEmbedded, { keyFingerprint: currentDataKey().fingerprint, force: false }),
      ).toMatchObject({ ok: true, meta: { source: "pglite" } });
      expect(await tableHashes(server.prisma)).toEqual(await tableHashes(embedded.prisma));
    },
  );

  it("refuses a truncated or foreign file, another key's backup and a database that holds data, writing nothing", async () => {
    const key = currentDataKey().fingerprint;
    const target = await empty("same");
    const whole = await readFile(backup);
    const half = path.join(folder, "half.sql");
    await writeFile(half, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await restoreDatabase(target.db, half, { keyFingerprint: key, force: false })).toEqual({
      ok: false,
      refusal: "truncated",
    });
    const foreign = path.join(folder, "foreign.sql");
    await writeFile(foreign, "-- some other SQL\nCREATE TABLE x (id int);\n");
    expect(await restoreDatabase(target.db, foreign, { keyFingerprint: key, force: false })).toEqual({
      ok: false,
      refusal: "foreign",
    });
    expect(
      await restoreDatabase(target.db, backup, {
        keyFingerprint: dataKeyFrom(generateDataKey()).fingerprint,
        force: false,
      }),
    ).toMatchObject({ ok: false, refusal: "wrongKey" });
    expect(await tableHashes(target.prisma)).toEqual({});
    // A database with data is replaced only when asked.
    expect(await restoreDatabase(source.db, backup, { keyFingerprint: key, force: false })).toMatchObject({
      ok: false,
      refusal: "notEmpty",
    });
    const before = await tableHashes(source.prisma);
    await source.prisma.patient.updateMany({
      where: { name: "Peter Patient" },
      data: { occupation: "ændret efter backup" },
    });
    expect(await restoreDatabase(source.db, backup, { keyFingerprint: key, force: true })).toMatchObject({ ok: true });
    expect(await tableHashes(source.prisma)).toEqual(before);
  });
});
