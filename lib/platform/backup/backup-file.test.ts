import { describe, expect, it } from "vitest";

import {
  BACKUP_SIGNATURE,
  backupHeader,
  HEAD_BYTES,
  linesOf,
  readBackupEnds,
  scriptPieces,
  TAIL_BYTES,
} from "./backup-file";

const DUMP = [
  "--",
  "-- PostgreSQL database dump",
  "--",
  "\\restrict abc",
  "SET transaction_timeout = 0;",
  "CREATE TABLE public.t (id integer);",
  "--",
  "-- PostgreSQL database dump complete",
  "--",
  "",
  "\\unrestrict abc",
  "",
].join("\n");
const META = {
  keyFingerprint: "0123456789abcdef0123456789abcdef",
  createdAt: "2026-12-02T10:00:00.000Z",
  source: "pglite" as const,
};

/** The header and tail as restore reads them from a file holding `text`. */
function ends(text: string) {
  const bytes = Buffer.from(text);
  return readBackupEnds(bytes.subarray(0, HEAD_BYTES), bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)));
}

/** `text` handed over in pieces of `size` characters, as a file stream would. */
async function* inPieces(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function collect(pieces: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const piece of pieces) all.push(piece);
  return all;
}

const script = async (sql: string, target: "pglite" | "postgres", size: number) =>
  collect(scriptPieces(linesOf(inPieces(sql, 7)), target, size));

describe("the backup file", () => {
  it("reads back the header it wrote, and where pg_dump's SQL starts", () => {
    const file = backupHeader(META) + DUMP;
    expect(file.startsWith(`${BACKUP_SIGNATURE}\n`)).toBe(true);
    const read = ends(file);
    expect(read).toEqual({ ok: true, meta: META, sqlStart: expect.any(Number) });
    expect(read.ok && Buffer.from(file).subarray(read.sqlStart).toString()).toBe(DUMP);
  });

  it("refuses a file that is not one of ours, or one cut short", () => {
    expect(ends(DUMP)).toEqual({ ok: false, problem: "foreign" });
    expect(ends("PK\u0003\u0004 a zip file")).toEqual({ ok: false, problem: "foreign" });
    expect(ends(`${BACKUP_SIGNATURE}\n-- created: x\n`)).toEqual({ ok: false, problem: "foreign" });
    const file = backupHeader(META) + DUMP;
    expect(ends(file.slice(0, file.indexOf("CREATE TABLE") + 20))).toEqual({ ok: false, problem: "truncated" });
  });

  it("splits text read in pieces into lines, keeping a carriage return that is data", async () => {
    expect(await collect(linesOf(inPieces("one\ntwo 'a\r\nb'\n\nlast", 3)))).toEqual([
      "one",
      "two 'a\r",
      "b'",
      "",
      "last",
    ]);
  });

  it("drops what each target cannot run", async () => {
    const postgres = (await script(DUMP, "postgres", 1)).join("");
    expect(postgres).not.toContain("transaction_timeout");
    expect(postgres).toContain("\\restrict abc");
    const pglite = (await script(DUMP, "pglite", 1)).join("");
    expect(pglite).not.toMatch(/\\(un)?restrict|transaction_timeout/);
    expect(pglite).toContain("CREATE TABLE public.t (id integer);");
    // The same words inside a text are data, and stay.
    const note = "INSERT INTO public.t VALUES (1, 'a note\nSET transaction_timeout = 0;\n\\restrict x');\n";
    expect((await script(note, "pglite", 1)).join("")).toBe(note);
  });

  it("cuts a dump into pieces of whole statements, never inside a text, a name or a comment", async () => {
    const sql = [
      "-- a comment; with a semicolon",
      'CREATE TABLE public."Odd;Name" (id integer);',
      "INSERT INTO public.t VALUES",
      "\t(1, 'a note; with a semicolon and a quote '' inside'),",
      "\t(2, 'INSERT INTO public.t VALUES (3);\nstill the note');",
      "INSERT INTO public.t VALUES (4, 'x'); -- done; really",
      "",
    ].join("\n");
    const pieces = await script(sql, "postgres", 1);
    expect(pieces.join("")).toBe(sql);
    expect(pieces.map((piece) => piece.trim().split("\n").at(-1))).toEqual([
      'CREATE TABLE public."Odd;Name" (id integer);',
      "still the note');",
      "INSERT INTO public.t VALUES (4, 'x'); -- done; really",
    ]);
    // Large pieces hold several statements; together they are still the whole dump.
    expect(await script(sql, "postgres", 10_000)).toEqual([sql]);
  });
});
