// Checked-in SQL migrations under prisma/migrations, applied through Prisma's WASM schema
// engine and recorded in `_prisma_migrations` exactly as `prisma migrate deploy` does.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import type { MigrationList } from "@prisma/schema-engine-wasm";

import { logger } from "../log/logger";
import type { Database } from "./database";
import { type SchemaFile, withSchemaEngine } from "./schema-engine";

export const PRISMA_DIR = path.resolve(import.meta.dirname, "../../../prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
const LOCKFILE = "migration_lock.toml";
const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** A migration failed; the database is as it was before it. */
export class MigrationError extends Error {
  override name = "MigrationError";
  constructor(
    readonly migrationName: string | null,
    cause: unknown,
  ) {
    super(
      `Migration ${migrationName ?? "(unknown)"} failed and was rolled back; ` +
        `the database is as it was before it. Cause: ${messageOf(cause)}`,
      { cause },
    );
  }
}

export async function readSchema(): Promise<SchemaFile> {
  return { path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, "utf8") };
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir: dir,
    lockfile: {
      path: LOCKFILE,
      content: await readFile(path.join(dir, LOCKFILE), "utf8").catch(() => null),
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(dir, name, "migration.sql"), "utf8").then(
            (sql) => ({ tag: "ok" as const, value: sql }),
            (error: unknown) => ({ tag: "error" as const, value: messageOf(error) }),
          ),
        },
      })),
    ),
  };
}

/** Applies the pending migrations; returns the names of those applied (none on a second run). */
export async function applyMigrations(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await readMigrations(dir);
  return withSchemaEngine(await readSchema(), db.factory, async (engine) => {
    try {
      const { appliedMigrationNames } = await engine.applyMigrations({
        migrationsList,
        filters: NO_FILTERS,
      });
      return appliedMigrationNames;
    } catch (error) {
      // Each migration ran as one transaction (see database.ts), so its changes are gone;
      // marking it rolled back lets the next run try it again once it is fixed.
      const failed = await failedMigration(db);
      if (failed) await engine.markMigrationRolledBack({ migrationName: failed });
      throw new MigrationError(failed, error);
    }
  });
}

/** The SQL that takes a database migrated to `dir` to the current schema ("" if none). */
export async function diffMigrationsToSchema(db: Database, dir = MIGRATIONS_DIR): Promise<string> {
  const schema = await readSchema();
  const migrations = await readMigrations(dir);
  return withSchemaEngine(schema, db.factory, async (engine) => {
    const { stdout } = await engine.diff({
      from: { tag: "migrations", ...migrations },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = stdout ?? "";
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
  });
}

async function failedMigration(db: Database): Promise<string | null> {
  const adapter = await db.factory.connect();
  try {
    const result = await adapter.queryRaw({
      sql: `select migration_name from _prisma_migrations
            where finished_at is null and rolled_back_at is null
            order by started_at desc limit 1`,
      args: [],
      argTypes: [],
    });
    return (result.rows[0]?.[0] as string | undefined) ?? null;
  } catch (error) {
    // No migrations table yet (the first migration failed): nothing to name, but say why.
    logger.warn({ err: error }, "could not read which migration failed");
    return null;
  } finally {
    await adapter.dispose();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
