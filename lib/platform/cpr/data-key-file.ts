// Where a process's data key comes from: DATA_ENCRYPTION_KEY, or on the embedded default a key
// generated once into the data folder beside the auth secret. Several app servers on one
// PostgreSQL share one key through the environment, so there it must be set. The key never
// goes into the database or a backup; the database keeps only its fingerprint (key-check.ts).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import type { Db } from "../db/client";
import type { DatabaseTarget } from "../db/database";
import type { TEnv } from "../env";
import { DataKeyError, dataKeyFrom, generateDataKey } from "./data-key";
import { decodeDataKey } from "./data-key-text";
import { checkDataKey } from "./key-check";

export const DATA_KEY_FILE = "data-key";

/**
 * The key text. `generate: false` (a restore) never makes a new key: a new key could not read
 * the numbers of the data about to arrive.
 */
export async function resolveDataKeyText(env: TEnv, target: DatabaseTarget, { generate = true } = {}): Promise<string> {
  if (env.DATA_ENCRYPTION_KEY) return env.DATA_ENCRYPTION_KEY;
  if (target.kind === "postgres") {
    throw new DataKeyError(
      "DATA_ENCRYPTION_KEY must be set when DATABASE_URL is set (32 bytes in base64, for example the output of: openssl rand -base64 32). Keep it safe: without it the CPR numbers cannot be read.",
    );
  }
  // An in-memory database lives as long as this process, and so may its key.
  if (target.dataDir === null) return generateDataKey();
  const dataDir = path.resolve(target.dataDir);
  const file = path.join(dataDir, DATA_KEY_FILE);
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing && decodeDataKey(existing)) return existing.trim();
  if (existing)
    throw new DataKeyError(`${file} does not hold a data key (32 bytes in base64); restore it from your safe copy`);
  if (!generate)
    throw new DataKeyError(
      `No data key: set DATA_ENCRYPTION_KEY to the key the data was encrypted with, or put it in ${file}`,
    );
  const text = generateDataKey();
  await keepDataKey(dataDir, text);
  return text;
}

/** Keeps a key in an embedded database's folder (unless one is there), where npm start finds it. */
export async function keepDataKey(dataDir: string, text: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(path.join(dataDir, DATA_KEY_FILE), `${text}\n`, { mode: 0o600, flag: "wx" }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    },
  );
}

/**
 * Resolves the key and checks it against the database's fingerprint (which it records on first
 * use). Call after the migrations; the caller puts the key in its environment as
 * DATA_ENCRYPTION_KEY, where currentDataKey() reads it and the app server inherits it.
 */
export async function prepareDataKey(db: Db, env: TEnv, target: DatabaseTarget): Promise<string> {
  const text = await resolveDataKeyText(env, target);
  await checkDataKey(db, dataKeyFrom(text));
  return text;
}
