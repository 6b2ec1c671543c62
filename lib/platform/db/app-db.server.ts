import "server-only";

import { env } from "../env";
import { createPrismaClient, type Db } from "./client";
import { type Database, databaseTargetFromEnv, openDatabase } from "./database";

// One database per server process. Kept on globalThis so that a hot reload in development
// does not open the embedded database a second time (it allows one opener).
const holder = globalThis as typeof globalThis & { __heelpainDatabase?: Promise<{ database: Database; db: Db }> };

function open(): Promise<{ database: Database; db: Db }> {
  holder.__heelpainDatabase ??= openDatabase(databaseTargetFromEnv(env())).then(
    (database) => ({ database, db: createPrismaClient(database) }),
    (error: unknown) => {
      holder.__heelpainDatabase = undefined;
      throw error;
    },
  );
  return holder.__heelpainDatabase;
}

/** Prisma Client on the app's database. */
export async function getDb(): Promise<Db> {
  return (await open()).db;
}

/** The database itself, for what Prisma cannot do: the daily backup (lib/platform/backup). */
export async function getDatabase(): Promise<Database> {
  return (await open()).database;
}
