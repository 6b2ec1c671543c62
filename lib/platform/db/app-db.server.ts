import "server-only";

import type { Actor } from "../auth/actor";
import { env } from "../env";
import { logger } from "../log/logger";
import { createPrismaClient, type Db } from "./client";
import { type Database, databaseTargetFromEnv, openDatabase } from "./database";
import { awaitReplay, openReplica, type Replica, type ReplicaState } from "./replica";

type Opened = { database: Database; db: Db; replica: { replica: Replica; db: Db } | null };

// One database per server process. Kept on globalThis so that a hot reload in development
// does not open the embedded database a second time (it allows one opener).
const holder = globalThis as typeof globalThis & { __heelpainDatabase?: Promise<Opened> };

function open(): Promise<Opened> {
  holder.__heelpainDatabase ??= openDatabase(databaseTargetFromEnv(env())).then(
    (database) => ({ database, db: createPrismaClient(database), replica: openReplicaOf(database) }),
    (error: unknown) => {
      holder.__heelpainDatabase = undefined;
      throw error;
    },
  );
  return holder.__heelpainDatabase;
}

function openReplicaOf(database: Database): Opened["replica"] {
  const url = env().DATABASE_REPLICA_URL;
  if (!url) return null;
  const replica = openReplica(url, database.factory, logReplicaState);
  return { replica, db: createPrismaClient(replica) };
}

/** One line per change of the replica's state, never one per request. */
function logReplicaState(state: ReplicaState, previous: ReplicaState | "unknown") {
  if (state === "ok") logger.info({ replica: state, previous }, "replica: reads go to the replica");
  else logger.warn({ replica: state, previous }, "replica: reads go to the primary until the replica keeps up");
}

/** Prisma Client on the app's database: every write, and every read that must see the latest. */
export async function getDb(): Promise<Db> {
  return (await open()).db;
}

/**
 * Prisma Client for the reads that tolerate a second's lag (the clinic report, the caseload,
 * the exports, the audit log), chosen by the entry point: the replica's when one is configured,
 * else the primary's. The replica's client itself sends a read to the primary while the replica
 * is down or behind (lib/platform/db/replica.ts), and a write waits for the replica before its
 * answer (awaitOwnWrite), so a user reads their own write next. Writes never go through it.
 */
export async function getReadDb(actor: Actor | null): Promise<Db> {
  const { db, replica } = await open();
  // Only signed-in staff read through a reader; a public page has nothing to read there.
  return replica && actor ? replica.db : db;
}

/**
 * After an entry point that may write: waits (at most the replica's lag bound) until the replica
 * has what was written, so the writer's next reads see it (awaitReplay). Nothing without a replica.
 */
export async function awaitOwnWrite(): Promise<void> {
  const { db, replica } = await open();
  if (!replica) return;
  await awaitReplay(replica.replica, async () => {
    const [row] = await db.$queryRaw<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
    return row!.lsn;
  });
}

/** The replica's state measured now, for the health check; "none" without a replica. */
export async function replicaHealth(): Promise<ReplicaState | "none"> {
  const opened = await open();
  return opened.replica ? opened.replica.replica.monitor.measureNow() : "none";
}

/** The database itself, for what Prisma cannot do: the daily backup (lib/platform/backup). */
export async function getDatabase(): Promise<Database> {
  return (await open()).database;
}
