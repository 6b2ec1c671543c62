// Backup and restore of the whole database in one logical format (backup-file.ts). The
// embedded database dumps itself with PGlite's pg_dump and replays a dump as SQL; a server is
// dumped and restored with PostgreSQL's own client programs (Debian's postgresql-client). Rows
// are written as multi-row INSERTs rather than COPY, which the embedded database cannot read
// from a script: one file then serves both directions.
//
// The file goes between the database and the disk as a stream, never whole in memory: a
// clinic's dump outgrows what one string or Buffer can hold, and the app server runs the daily
// backup beside its requests.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

import type { PGlite } from "@electric-sql/pglite";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";

import type { Database } from "../db/database";
import {
  backupHeader,
  type BackupMeta,
  HEAD_BYTES,
  linesOf,
  readBackupEnds,
  scriptPieces,
  TAIL_BYTES,
} from "./backup-file";

const DUMP_ARGS = ["--no-owner", "--no-privileges", "--inserts", "--rows-per-insert=500"];
/** Characters of SQL the embedded database is given at a time when it restores. */
const PGLITE_PIECE = 4_000_000;
/** Characters of SQL written to psql at a time. */
const PSQL_PIECE = 1_000_000;

export class BackupError extends Error {
  override name = "BackupError";
}

/**
 * Writes the database into `file` as a backup. `shared`: other code may be using the database
 * (the running app), rather than a command that opened it alone.
 */
export async function backupDatabase(
  database: Database,
  keyFingerprint: string,
  { file, now = new Date(), shared }: { file: string; now?: Date; shared: boolean },
): Promise<void> {
  const header = backupHeader({ keyFingerprint, createdAt: now.toISOString(), source: database.target.kind });
  const output = () => createWriteStream(file, { mode: 0o600 });
  if (database.pglite) {
    // PGlite has one session, which the running app's transactions share: there pg_dump reads
    // a copy taken between two of them, never the live database mid-transaction. The copy
    // doubles the time and memory (decision record 016), so a command that is alone skips it.
    // PGlite's pg_dump hands back its file whole (in WebAssembly memory, not a string).
    const pglite = database.pglite;
    const copy = shared ? ((await pglite._runExclusiveTransaction(() => pglite.clone())) as PGlite) : pglite;
    try {
      const dump = await pgDump({ pg: copy, args: DUMP_ARGS });
      await pipeline(after(header, Readable.fromWeb(dump.stream() as WebReadableStream<Uint8Array>)), output());
    } finally {
      if (copy !== database.pglite) await copy.close();
    }
    return;
  }
  if (database.target.kind !== "postgres") throw new BackupError("This database cannot be backed up");
  const program = start("pg_dump", [...DUMP_ARGS, "--dbname", database.target.url]);
  await Promise.all([pipeline(after(header, program.child.stdout), output()), program.finished]);
}

export type RestoreRefusal = "foreign" | "truncated" | "wrongKey" | "notEmpty";

/**
 * Replays the backup in `file` into this database, whole or not at all. Refused, with nothing
 * written: a file that is not a backup or was cut short, one made under another data key, and
 * a database that already holds tables (unless `force`, which first empties it).
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  options: { keyFingerprint: string; force: boolean },
): Promise<{ ok: true; meta: BackupMeta } | { ok: false; refusal: RestoreRefusal; meta?: BackupMeta }> {
  const backup = await readEnds(file);
  if (!backup.ok) return { ok: false, refusal: backup.problem };
  if (backup.meta.keyFingerprint !== options.keyFingerprint)
    return { ok: false, refusal: "wrongKey", meta: backup.meta };
  const tables = Number(
    (await query(database, "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'"))[0]?.n ?? 0,
  );
  if (tables > 0 && !options.force) return { ok: false, refusal: "notEmpty", meta: backup.meta };
  const empty = tables > 0 ? "DROP SCHEMA public CASCADE; CREATE SCHEMA public;\n" : "";
  const lines = () => linesOf(createReadStream(file, { start: backup.sqlStart, encoding: "utf8" }));
  if (database.pglite) {
    // One transaction: a failing statement leaves the database as it was. The dump sets the
    // session's search path and other settings, and the embedded database has one session,
    // which Prisma goes on using: they are reset after it.
    await database.pglite.transaction(async (tx) => {
      if (empty) await tx.exec(empty);
      for await (const piece of scriptPieces(lines(), "pglite", PGLITE_PIECE)) await tx.exec(piece);
      await tx.exec("RESET ALL;");
    });
  } else if (database.target.kind === "postgres") {
    const program = start("psql", [
      "--quiet",
      "--no-psqlrc",
      "--set",
      "ON_ERROR_STOP=1",
      "--single-transaction",
      "--dbname",
      database.target.url,
    ]);
    const fed = pipeline(after(empty, scriptPieces(lines(), "postgres", PSQL_PIECE)), program.child.stdin);
    // psql stops reading at the first failing statement; its complaint says more than the broken pipe.
    const [feeding, finishing] = await Promise.allSettled([fed, program.finished]);
    if (finishing.status === "rejected") throw finishing.reason;
    if (feeding.status === "rejected") throw feeding.reason;
  }
  return { ok: true, meta: backup.meta };
}

async function readEnds(file: string): Promise<ReturnType<typeof readBackupEnds>> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const tail = Buffer.alloc(Math.min(TAIL_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    await handle.read(tail, 0, tail.length, size - tail.length);
    return readBackupEnds(head, tail);
  } finally {
    await handle.close();
  }
}

/** `first`, then everything `rest` gives. */
async function* after(first: string, rest: AsyncIterable<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  if (first) yield first;
  yield* rest;
}

async function query(database: Database, sql: string): Promise<Record<string, unknown>[]> {
  if (database.pglite) return (await database.pglite.query<Record<string, unknown>>(sql)).rows;
  if (database.target.kind !== "postgres") return [];
  const program = start("psql", [
    "--quiet",
    "--no-psqlrc",
    "--tuples-only",
    "--no-align",
    "--command",
    sql,
    "--dbname",
    database.target.url,
  ]);
  program.child.stdin.end();
  let output = "";
  program.child.stdout.setEncoding("utf8");
  for await (const text of program.child.stdout) output += text;
  await program.finished;
  return [{ n: output.trim() }];
}

/**
 * Starts one of PostgreSQL's client programs. `finished` settles when it has ended: rejected
 * with an error naming the program and the first line of its complaint.
 */
function start(program: string, args: string[]): { child: ChildProcessWithoutNullStreams; finished: Promise<void> } {
  const child = spawn(program, args, { stdio: ["pipe", "pipe", "pipe"] });
  const finished = new Promise<void>((resolve, reject) => {
    let complaint = "";
    child.stderr.setEncoding("utf8");
    // A server's complaint names a statement, not row contents; only its first line is kept.
    child.stderr.on("data", (text: string) => {
      if (complaint.length < 4_000) complaint += text;
    });
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          error.code === "ENOENT"
            ? `${program} is not installed: install PostgreSQL's client programs (Debian: apt-get install postgresql-client)`
            : `${program} did not start`,
        ),
      ),
    );
    child.on("close", (code) => {
      if (code === 0) resolve();
      else
        reject(
          new BackupError(`${program} failed: ${complaint.split("\n").find((line) => line.trim()) ?? `exit ${code}`}`),
        );
    });
  });
  return { child, finished };
}
