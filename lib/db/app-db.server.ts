import "server-only";
import { readEnv } from "../env";
import { createPrismaClient, type Db } from "./client";
import { databaseTargetFromEnv, openDatabase } from "./database";

// One client per server process. Kept on globalThis so that a hot reload in development
// does not open the embedded database a second time (it allows one opener).
const holder = globalThis as typeof globalThis & { __heelpainDb?: Promise<Db> };

export function getDb(): Promise<Db> {
  holder.__heelpainDb ??= openDatabase(databaseTargetFromEnv(readEnv())).then(
    createPrismaClient,
    (error: unknown) => {
      holder.__heelpainDb = undefined;
      throw error;
    },
  );
  return holder.__heelpainDb;
}
