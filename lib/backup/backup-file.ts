// The backup file (SPEC §9): PostgreSQL's own logical format, the plain SQL of pg_dump, with
// one header the app writes before it. The same file comes from the embedded database
// (PGlite's pg_dump) and from a server (Debian's pg_dump), and restores into either: the way
// a clinic moves from the embedded default to PostgreSQL. The header names the data key the
// CPR numbers inside were encrypted with (its fingerprint, never the key), so a restore with
// another key is refused before anything is written. Pure.

export const BACKUP_SIGNATURE = "-- Hælsporeforløb backup, format 1";
/** pg_dump's own last comment: a file without it was cut short. */
const DUMP_COMPLETE = "-- PostgreSQL database dump complete";

export type BackupMeta = { keyFingerprint: string; createdAt: string; source: "pglite" | "postgres" };
export type BackupProblem = "foreign" | "truncated";

export function wrapBackup(dump: string, meta: BackupMeta): string {
  return [BACKUP_SIGNATURE, `-- key-fingerprint: ${meta.keyFingerprint}`, `-- created: ${meta.createdAt}`, `-- source: ${meta.source}`, "", dump].join("\n");
}

export function readBackup(text: string): { ok: true; meta: BackupMeta; sql: string } | { ok: false; problem: BackupProblem } {
  const [first, ...rest] = text.split("\n");
  if (first !== BACKUP_SIGNATURE) return { ok: false, problem: "foreign" };
  const field = (name: string) => rest.slice(0, 3).find((line) => line.startsWith(`-- ${name}: `))?.slice(name.length + 5);
  const keyFingerprint = field("key-fingerprint");
  const createdAt = field("created");
  const source = field("source");
  if (!keyFingerprint || !createdAt || (source !== "pglite" && source !== "postgres")) return { ok: false, problem: "foreign" };
  // The completion comment is followed at most by pg_dump's closing \unrestrict line.
  if (!text.slice(-2_000).includes(DUMP_COMPLETE)) return { ok: false, problem: "truncated" };
  return { ok: true, meta: { keyFingerprint, createdAt, source }, sql: rest.slice(4).join("\n") };
}

/**
 * The dump as the target runs it. Newer pg_dumps set transaction_timeout, which servers
 * before PostgreSQL 17 refuse; it only says "no timeout", so it goes. psql's \restrict and
 * \unrestrict lines (pg_dump since 15.14) mean nothing to the embedded database's plain SQL.
 */
export function sqlFor(target: "pglite" | "postgres", sql: string): string {
  return sql
    .split("\n")
    .filter((line) => line !== "SET transaction_timeout = 0;" && (target === "postgres" || !/^\\(un)?restrict\b/.test(line)))
    .join("\n");
}

/**
 * The dump in pieces of whole statements, each about `size` characters or more: the embedded
 * database runs a script as one message in its own memory, which a large clinic's dump would
 * overflow. A statement ends at a semicolon outside a quoted literal ('…', with '' inside),
 * a quoted name ("…") and a comment (-- to the end of the line). pg_dump writes no dollar
 * quoting for this schema, which has no functions.
 */
export function* statementChunks(sql: string, size: number): Generator<string> {
  let start = 0;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < sql.length; i += 1) {
    const c = sql[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end;
    } else if (c === ";" && i + 1 - start >= size) {
      yield sql.slice(start, i + 1);
      start = i + 1;
    }
  }
  if (sql.slice(start).trim()) yield sql.slice(start);
}
