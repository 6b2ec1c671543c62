// The authorization matrix's own server: the production build, started in this test process on
// an in-memory embedded database with the demo data, so the test can compare the database
// before and after every request. The server reaches the database through the holder
// lib/db/app-db.server.ts keeps on globalThis; nothing else differs from `npm start`.
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { today } from "../../lib/dates";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { type Database, openDatabase } from "../../lib/db/database";
import { applyMigrations } from "../../lib/db/migrations";
import { readEnv } from "../../lib/env";
import { serveApp } from "../../lib/http/app-server";
import { prepareDataKey } from "../../lib/identity/data-key-file";
import { DAILY_BACKUP } from "../../lib/scheduler/jobs";
import { seedDemoOnce } from "../../lib/seed/demo";

export type MatrixServer = { baseURL: string; db: Db; close(): Promise<void> };

export async function startMatrixServer(): Promise<MatrixServer> {
  const database: Database = await openDatabase({ kind: "pglite", dataDir: null });
  await applyMigrations(database);
  const db = createPrismaClient(database);
  // A key for this in-memory database, before the demo's CPR numbers are written.
  process.env.DATA_ENCRYPTION_KEY = await prepareDataKey(db, readEnv({}), { kind: "pglite", dataDir: null });
  await seedDemoOnce(db, today());
  (globalThis as { __heelpainDatabase?: Promise<{ database: Database; db: Db }> }).__heelpainDatabase = Promise.resolve(
    { database, db },
  );

  // The scheduler's daily backup of this throwaway database goes to a throwaway folder.
  Object.assign(process.env, {
    BACKUP_DIR: await mkdtemp(path.join(os.tmpdir(), "heelpain-matrix-backups-")),
    NODE_ENV: "production",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const app = await serveApp({
    dir: path.resolve(import.meta.dirname, "../.."),
    hostname: "127.0.0.1",
    port: 0,
    trustedHops: 0,
  });
  const baseURL = `http://127.0.0.1:${app.port}`;
  // The scheduler's first tick (the sweep, then the daily backup) writes as it goes: the
  // matrix compares the database before and after each request, so it starts after that tick.
  await waitFor(() => db.jobRun.count({ where: { job: DAILY_BACKUP, status: { not: "RUNNING" } } }));
  process.env.NEXTAUTH_URL = baseURL;
  return {
    baseURL,
    db,
    async close() {
      await app.close();
      await db.$disconnect();
      await database.close();
    },
  };
}

async function waitFor(count: () => Promise<number>, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await count()) === 0) {
    if (Date.now() > until) throw new Error("the scheduler's first run did not finish");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
