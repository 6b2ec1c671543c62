// npm run db:restore -- FILE [--force]: a backup (npm run db:backup, or an admin's download)
// into the configured database, with the app stopped. Refuses a file that is not a backup or
// was cut short, a backup made under another data key, and a database that already holds
// data unless --force. A backup of the embedded database restores into PostgreSQL and back.
import { constants } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";

import { BackupError, restoreDatabase, type RestoreRefusal } from "../lib/platform/backup/backup";
import { dataKeyFrom } from "../lib/platform/cpr/data-key";
import { keepDataKey, resolveDataKeyText } from "../lib/platform/cpr/data-key-file";
import { checkDataKey } from "../lib/platform/cpr/key-check";
import { createPrismaClient } from "../lib/platform/db/client";
import { databaseTargetFromEnv, openDatabase } from "../lib/platform/db/database";
import { applyMigrations } from "../lib/platform/db/migrations";
import { parseEnv } from "../lib/platform/env";
import { runCli, UsageError } from "./cli";

runCli(async () => {
  const file = process.argv[2];
  if (!file || file.startsWith("-")) throw new UsageError("Usage: npm run db:restore -- FILE [--force]");
  const force = process.argv.includes("--force");
  await access(file, constants.R_OK).catch(() => {
    throw new UsageError(`Cannot read ${file}.`);
  });
  const env = parseEnv(process.env);
  const target = databaseTargetFromEnv(env);
  const keyText = await resolveDataKeyText(env, target, { generate: false });
  const key = dataKeyFrom(keyText);
  const db = await openDatabase(target);
  const prisma = createPrismaClient(db);
  try {
    const started = performance.now();
    const result = await restoreDatabase(db, file, { keyFingerprint: key.fingerprint, force }).catch(
      (error: unknown) => {
        throw error instanceof BackupError ? new UsageError(`${error.message}. Nothing was restored.`) : error;
      },
    );
    if (!result.ok) throw new UsageError(refusal(result.refusal, result.meta?.keyFingerprint));
    // A backup from an older version of the app gets this version's migrations.
    await applyMigrations(db);
    await checkDataKey(prisma, key);
    if (target.kind === "pglite" && target.dataDir) await keepDataKey(path.resolve(target.dataDir), keyText);
    console.log(
      `Restored the backup of ${result.meta.createdAt} (from ${result.meta.source === "pglite" ? "an embedded database" : "PostgreSQL"}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
});

function refusal(reason: RestoreRefusal, fingerprint: string | undefined): string {
  switch (reason) {
    case "foreign":
      return "This file is not a backup of this app. Nothing was restored.";
    case "truncated":
      return "The backup is incomplete (cut short while it was written or copied). Nothing was restored.";
    case "wrongKey":
      return `The backup was made with another data key (fingerprint ${fingerprint?.slice(0, 8)}…). Set DATA_ENCRYPTION_KEY to that key. Nothing was restored.`;
    case "notEmpty":
      return "The database already holds data. Restore into an empty database, or add --force to replace everything in it. Nothing was restored.";
  }
}
