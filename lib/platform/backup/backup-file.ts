// The backup file (SPEC §9): PostgreSQL's own logical format, the plain SQL of pg_dump, with
// one header the app writes before it. The same file comes from the embedded database
// (PGlite's pg_dump) and from a server (Debian's pg_dump), and restores into either: the way
// a clinic moves from the embedded default to PostgreSQL. The header names the data key the
// CPR numbers inside were encrypted with (its fingerprint, never the key), so a restore with
// another key is refused before anything is written.
//
// A clinic's dump runs to gigabytes, more than one JavaScript string can hold (about 512 MiB),
// so nothing here takes the whole file: the header and the tail are read on their own, and the
// SQL goes through line by line (backup.ts streams it). Pure.

export const BACKUP_SIGNATURE = "-- Hælsporeforløb backup, format 1";
/** pg_dump's own last comment: a file without it was cut short. */
const DUMP_COMPLETE = "-- PostgreSQL database dump complete";
/** The header's lines (signature, three fields, a blank line) fit in this many bytes. */
export const HEAD_BYTES = 1_024;
/** The completion comment is followed at most by pg_dump's closing \unrestrict line. */
export const TAIL_BYTES = 2_000;

export type BackupMeta = { keyFingerprint: string; createdAt: string; source: "pglite" | "postgres" };
export type BackupProblem = "foreign" | "truncated";

/** What the app writes before pg_dump's SQL. */
export function backupHeader(meta: BackupMeta): string {
  return [
    BACKUP_SIGNATURE,
    `-- key-fingerprint: ${meta.keyFingerprint}`,
    `-- created: ${meta.createdAt}`,
    `-- source: ${meta.source}`,
    "",
    "",
  ].join("\n");
}

/**
 * The header read from the file's first HEAD_BYTES and its last TAIL_BYTES; `sqlStart` is
 * the byte where pg_dump's SQL begins.
 */
export function readBackupEnds(
  head: Buffer,
  tail: Buffer,
): { ok: true; meta: BackupMeta; sqlStart: number } | { ok: false; problem: BackupProblem } {
  const lines = head.toString("utf8").split("\n");
  if (lines[0] !== BACKUP_SIGNATURE || lines.length < 6 || lines[4] !== "") return { ok: false, problem: "foreign" };
  const field = (name: string) =>
    lines
      .slice(1, 4)
      .find((line) => line.startsWith(`-- ${name}: `))
      ?.slice(name.length + 5);
  const keyFingerprint = field("key-fingerprint");
  const createdAt = field("created");
  const source = field("source");
  if (!keyFingerprint || !createdAt || (source !== "pglite" && source !== "postgres"))
    return { ok: false, problem: "foreign" };
  if (!tail.toString("utf8").includes(DUMP_COMPLETE)) return { ok: false, problem: "truncated" };
  const meta = { keyFingerprint, createdAt, source } as const;
  return { ok: true, meta, sqlStart: Buffer.byteLength(backupHeader(meta)) };
}

/** Text in pieces as it is read, as lines without their "\n" (a "\r" stays: it may be data). */
export async function* linesOf(text: AsyncIterable<string>): AsyncGenerator<string> {
  let partial = "";
  for await (const piece of text) {
    const lines = (partial + piece).split("\n");
    partial = lines.pop()!;
    yield* lines;
  }
  if (partial) yield partial;
}

/**
 * pg_dump's SQL as the target runs it, in pieces of whole statements of about `size`
 * characters or more: the embedded database runs a script as one message in its own memory,
 * and psql is fed a piece at a time.
 *
 * Dropped: newer pg_dumps set transaction_timeout, which servers before PostgreSQL 17 refuse
 * (it only says "no timeout"); psql's \restrict and \unrestrict lines (pg_dump since 15.14)
 * mean nothing to the embedded database's plain SQL. A piece ends where a line ends with a
 * semicolon outside a quoted literal ('…', with '' inside), a quoted name ("…") and a comment
 * (-- to the end of the line); literals run over lines. pg_dump writes no dollar quoting for
 * this schema, which has no functions.
 */
export async function* scriptPieces(
  lines: AsyncIterable<string>,
  target: "pglite" | "postgres",
  size: number,
): AsyncGenerator<string> {
  let quote: "'" | '"' | null = null;
  let piece: string[] = [];
  let length = 0;
  for await (const line of lines) {
    if (quote === null && droppedFor(target, line)) continue;
    piece.push(line);
    length += line.length + 1;
    const scanned = scanLine(line, quote);
    quote = scanned.quote;
    if (scanned.endsStatement && length >= size) {
      yield `${piece.join("\n")}\n`;
      piece = [];
      length = 0;
    }
  }
  if (piece.some((line) => line.trim())) yield `${piece.join("\n")}\n`;
}

function droppedFor(target: "pglite" | "postgres", line: string): boolean {
  return line === "SET transaction_timeout = 0;" || (target === "pglite" && /^\\(un)?restrict\b/.test(line));
}

const SPECIAL = /['";]|--/g;

/** The quote open at the line's end, and whether it ends with a statement's semicolon. */
function scanLine(line: string, open: "'" | '"' | null): { quote: "'" | '"' | null; endsStatement: boolean } {
  let quote = open;
  let afterSemicolon = -1;
  let codeEnd = line.length;
  let i = 0;
  while (i < line.length) {
    if (quote) {
      const close = line.indexOf(quote, i);
      if (close === -1) return { quote, endsStatement: false };
      quote = null;
      i = close + 1;
      continue;
    }
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(line);
    if (!found) break;
    if (found[0] === "--") {
      codeEnd = found.index;
      break;
    }
    if (found[0] === ";") afterSemicolon = found.index + 1;
    else quote = found[0] as "'" | '"';
    i = found.index + 1;
  }
  const endsStatement = quote === null && afterSemicolon >= 0 && line.slice(afterSemicolon, codeEnd).trim() === "";
  return { quote, endsStatement };
}
