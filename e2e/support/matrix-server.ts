// The authorization matrix's own server: the production build, started in this test process on
// a copy of the demo database (e2e/support/global-setup.ts), so the test can compare the database
// before and after every request. The server reaches the database through the holder
// lib/platform/db/app-db.server.ts keeps on globalThis; nothing else differs from `npm start`.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { prepareDataKey } from "../../lib/platform/cpr/data-key-file";
import { createPrismaClient, type Db } from "../../lib/platform/db/client";
import { type Database, openDatabase } from "../../lib/platform/db/database";
import { parseEnv } from "../../lib/platform/env";
import { serveApp } from "../../lib/platform/http/app-server";
import { dailyBackupJob, SCHEDULED_JOBS } from "../../lib/platform/jobs/jobs";
import { runDueJobs } from "../../lib/platform/jobs/run-due-jobs";
import { copyDemoDataDir } from "./demo-data-dir";

export type MatrixServer = { baseURL: string; db: Db; close(): Promise<void> };

export async function startMatrixServer(): Promise<MatrixServer> {
  const dataDir = await copyDemoDataDir(await mkdtemp(path.join(os.tmpdir(), "heelpain-matrix-")));
  const database: Database = await openDatabase({ kind: "pglite", dataDir });
  const db = createPrismaClient(database);
  // The copy's own key, which encrypted the demo's CPR numbers.
  process.env.DATA_ENCRYPTION_KEY = await prepareDataKey(db, parseEnv({ DATA_DIR: dataDir }), {
    kind: "pglite",
    dataDir,
  });
  (globalThis as { __heelpainDatabase?: Promise<{ database: Database; db: Db }> }).__heelpainDatabase = Promise.resolve(
    { database, db },
  );

  // The day's jobs run here, before the server: its scheduler's first tick then finds nothing
  // due and writes nothing while the matrix compares the database around each request. The
  // backup of this throwaway copy is recorded as made without making it (the slowest of the
  // jobs, and not what the matrix tests).
  await runDueJobs(db, { jobs: [...SCHEDULED_JOBS, dailyBackupJob(async () => ({}))] });

  // The admin's backup page lists a folder of its own: a throwaway one.
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
  process.env.NEXTAUTH_URL = baseURL;
  return {
    baseURL,
    db,
    async close() {
      await app.close();
      await db.$disconnect();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
