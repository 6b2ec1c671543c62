// A database of its own for one test file, on the kind the Vitest project names.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";

import { inject } from "vitest";

import { createPrismaClient, type Db } from "../../lib/platform/db/client";
import { type Database, openDatabase } from "../../lib/platform/db/database";
import { adminPool, postgresTemplateName, postgresUrl } from "./test-db-config";

export type TestDatabase = { db: Database; prisma: Db; close(): Promise<void> };

export const TEST_DB_KIND = process.env.TEST_DB_KIND === "postgres" ? "postgres" : "pglite";

/** A migrated database (a copy of this run's template). */
export async function createTestDatabase(): Promise<TestDatabase> {
  return TEST_DB_KIND === "pglite"
    ? withPrisma(
        await openDatabase({
          kind: "pglite",
          dataDir: null,
          snapshot: new Blob([await readFile(inject("pgliteTemplateFile"))]),
        }),
      )
    : withPrisma(await openDatabase({ kind: "postgres", url: await newPostgresDatabase(true) }));
}

/** An empty database with no migrations applied. */
export async function createEmptyDatabase(): Promise<Database> {
  return TEST_DB_KIND === "pglite"
    ? openDatabase({ kind: "pglite", dataDir: null })
    : openDatabase({ kind: "postgres", url: await newPostgresDatabase(false) });
}

async function newPostgresDatabase(fromTemplate: boolean): Promise<string> {
  const template = postgresTemplateName();
  const name = `${template}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = adminPool();
  try {
    await admin.query(`create database "${name}"${fromTemplate ? ` template "${template}"` : ""}`);
  } finally {
    await admin.end();
  }
  return postgresUrl(name);
}

function withPrisma(db: Database): TestDatabase {
  const prisma = createPrismaClient(db);
  return {
    db,
    prisma,
    async close() {
      await prisma.$disconnect();
      await db.close();
    },
  };
}
