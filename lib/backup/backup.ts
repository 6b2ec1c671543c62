// Backup and restore of the whole database in one logical format (backup-file.ts). The
// embedded database dumps itself with PGlite's pg_dump and replays a dump as SQL; a server is
// dumped and restored with PostgreSQL's own client programs (Debian's postgresql-client). Rows
// are written as multi-row INSERTs rather than COPY, which the embedded database cannot read
// from a script: one file then serves both directions.
import { spawn } from "node:child_process";
import type { PGlite } from "@electric-sql/pglite";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";
import type { Database } from "../db/database";
import { type BackupMeta, readBackup, sqlFor, statementChunks, wrapBackup } from "./backup-file";

const DUMP_ARGS = ["--no-owner", "--no-privileges", "--inserts", "--rows-per-insert=500"];
/** Characters of SQL the embedded database is given at a time when it restores. */
const PGLITE_CHUNK = 4_000_000;

export class BackupError extends Error {
  override name = "BackupError";
}

/**
 * The database as a backup file's text. `shared`: other code may be using the database (the
 * running app), rather than a command that opened it alone.
 */
export async function backupDatabase(database: Database, keyFingerprint: string, { now = new Date(), shared }: { now?: Date; shared: boolean }): Promise<string> {
  const meta: BackupMeta = { keyFingerprint, createdAt: now.toISOString(), source: database.target.kind };
  if (database.pglite) {
    // PGlite has one session, which the running app's transactions share: there pg_dump reads
    // a copy taken between two of them, never the live database mid-transaction. The copy
    // doubles the time and memory (decision record 016), so a command that is alone skips it.
    const pglite = database.pglite;
    const copy = shared ? ((await pglite._runExclusiveTransaction(() => pglite.clone())) as PGlite) : pglite;
    try {
      return wrapBackup(await (await pgDump({ pg: copy, args: DUMP_ARGS })).text(), meta);
    } finally {
      if (copy !== database.pglite) await copy.close();
    }
  }
  if (database.target.kind !== "postgres") throw new BackupError("This database cannot be backed up");
  return wrapBackup(await run("pg_dump", [...DUMP_ARGS, "--dbname", database.target.url]), meta);
}

export type RestoreRefusal = "foreign" | "truncated" | "wrongKey" | "notEmpty";

/**
 * Replays a backup into this database, whole or not at all. Refused, with nothing written: a
 * file that is not a backup or was cut short, one made under another data key, and a database
 * that already holds tables (unless `force`, which first empties it).
 */
export async function restoreDatabase(database: Database, text: string, options: { keyFingerprint: string; force: boolean }): Promise<{ ok: true; meta: BackupMeta } | { ok: false; refusal: RestoreRefusal; meta?: BackupMeta }> {
  const file = readBackup(text);
  if (!file.ok) return { ok: false, refusal: file.problem };
  if (file.meta.keyFingerprint !== options.keyFingerprint) return { ok: false, refusal: "wrongKey", meta: file.meta };
  const target = database.pglite ? "pglite" : "postgres";
  const tables = Number((await query(database, "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'"))[0]?.n ?? 0);
  if (tables > 0 && !options.force) return { ok: false, refusal: "notEmpty", meta: file.meta };
  const empty = tables > 0 ? "DROP SCHEMA public CASCADE; CREATE SCHEMA public;\n" : "";
  if (database.pglite) {
    // One transaction: a failing statement leaves the database as it was. The dump sets the
    // session's search path and other settings, and the embedded database has one session,
    // which Prisma goes on using: they are reset after it.
    await database.pglite.transaction(async (tx) => {
      if (empty) await tx.exec(empty);
      for (const chunk of statementChunks(sqlFor(target, file.sql), PGLITE_CHUNK)) await tx.exec(chunk);
      await tx.exec("RESET ALL;");
    });
  } else if (database.target.kind === "postgres") {
    await run("psql", ["--quiet", "--no-psqlrc", "--set", "ON_ERROR_STOP=1", "--single-transaction", "--dbname", database.target.url], empty + sqlFor(target, file.sql));
  }
  return { ok: true, meta: file.meta };
}

async function query(database: Database, sql: string): Promise<Record<string, unknown>[]> {
  if (database.pglite) return (await database.pglite.query<Record<string, unknown>>(sql)).rows;
  if (database.target.kind !== "postgres") return [];
  const output = await run("psql", ["--quiet", "--no-psqlrc", "--tuples-only", "--no-align", "--command", sql, "--dbname", database.target.url]);
  return [{ n: output.trim() }];
}

/** Runs one of PostgreSQL's client programs; its output, or an error naming the program and its complaint. */
function run(program: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(new BackupError(error.code === "ENOENT" ? `${program} is not installed: install PostgreSQL's client programs (Debian: apt-get install postgresql-client)` : `${program} did not start`)),
    );
    child.on("close", (code) => {
      // A server's complaint names a statement, not row contents; keep only its first line.
      if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else reject(new BackupError(`${program} failed: ${Buffer.concat(err).toString("utf8").split("\n").find((line) => line.trim()) ?? `exit ${code}`}`));
    });
    child.stdin.end(input ?? "");
  });
}
