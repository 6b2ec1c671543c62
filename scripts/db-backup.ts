// npm run db:backup -- FILE: the whole configured database as one backup file (pg_dump's SQL,
// lib/platform/backup), with the app stopped on the embedded database (one process may open it). The
// file names the data key's fingerprint, never the key: keep the key apart from backups.
import { rm, stat } from "node:fs/promises";

import { backupDatabase, BackupError } from "../lib/platform/backup/backup";
import { dataKeyFrom } from "../lib/platform/cpr/data-key";
import { prepareDataKey } from "../lib/platform/cpr/data-key-file";
import { createPrismaClient } from "../lib/platform/db/client";
import { databaseTargetFromEnv, openDatabase } from "../lib/platform/db/database";
import { parseEnv } from "../lib/platform/env";
import { runCli, UsageError } from "./cli";

runCli(async () => {
  const file = process.argv[2];
  if (!file || file.startsWith("-")) throw new UsageError("Usage: npm run db:backup -- FILE");
  const env = parseEnv(process.env);
  const target = databaseTargetFromEnv(env);
  const db = await openDatabase(target);
  const prisma = createPrismaClient(db);
  try {
    const started = performance.now();
    const key = dataKeyFrom(await prepareDataKey(prisma, env, target));
    await backupDatabase(db, key.fingerprint, { file, shared: false }).catch(async (error: unknown) => {
      // What was written is no backup: no file is left that looks like one.
      await rm(file, { force: true });
      throw error instanceof BackupError ? new UsageError(error.message) : error;
    });
    const { size } = await stat(file);
    console.log(
      `Backed up the database to ${file} (${(size / 1024 / 1024).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
});
