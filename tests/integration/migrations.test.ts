import { cp, mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/database";
import { openDatabase } from "../../lib/db/database";
import { applyMigrations, diffMigrationsToSchema, MIGRATIONS_DIR, MigrationError, readMigrations } from "../../lib/db/migrations";
import { createEmptyDatabase, TEST_DB_KIND } from "../support/test-db";

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function query(database: Database, sql: string) {
  const adapter = await database.factory.connect();
  try {
    return (await adapter.queryRaw({ sql, args: [], argTypes: [] })).rows;
  } finally {
    await adapter.dispose();
  }
}

const checkedIn = async () => (await readMigrations()).migrationDirectories.map((dir) => dir.path);

describe(`migrations on ${TEST_DB_KIND}`, () => {
  it("applies every checked-in migration to a fresh database, and nothing on a second run", async () => {
    db = await createEmptyDatabase();
    expect(await applyMigrations(db)).toEqual(await checkedIn());
    expect(await applyMigrations(db)).toEqual([]);
    const tables = await query(db, "select count(*)::int from information_schema.tables where table_name in ('Patient', 'Episode', 'AuditEvent')");
    expect(tables[0]?.[0]).toBe(3);
  });

  it("stops on a failing migration with a clear error and leaves the database as it was", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "heelpain-migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, "29991231000000_broken");
    await mkdir(broken);
    await writeFile(
      path.join(broken, "migration.sql"),
      'CREATE TABLE "half_done" (id int);\nALTER TABLE "Patient" ADD COLUMN "x" int;\nSELECT 1 / 0;\n',
    );
    db = await createEmptyDatabase();

    const failure = await applyMigrations(db, dir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migrationName).toBe("29991231000000_broken");
    expect((failure as Error).message).toMatch(/29991231000000_broken failed and was rolled back/);

    // The earlier migrations stay applied; nothing of the broken one is left.
    expect(await query(db, "select to_regclass('\"half_done\"')::text")).toEqual([[null]]);
    expect(await query(db, "select count(*)::int from information_schema.columns where table_name = 'Patient' and column_name = 'x'")).toEqual([[0]]);

    // Once fixed, the next run applies it.
    await writeFile(path.join(broken, "migration.sql"), 'CREATE TABLE "half_done" (id int);\n');
    expect(await applyMigrations(db, dir)).toEqual(["29991231000000_broken"]);
    expect(await applyMigrations(db, dir)).toEqual([]);
  });

  it.runIf(TEST_DB_KIND === "pglite")("has checked-in migrations that match prisma/schema.prisma", async () => {
    db = await openDatabase({ kind: "pglite", dataDir: null });
    expect(await diffMigrationsToSchema(db)).toBe("");
  });
});
