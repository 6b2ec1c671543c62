import { describe, expect, it } from "vitest";
import { BACKUP_SIGNATURE, readBackup, sqlFor, statementChunks, wrapBackup } from "./backup-file";

const DUMP = ["--", "-- PostgreSQL database dump", "--", "\\restrict abc", "SET transaction_timeout = 0;", "CREATE TABLE public.t (id integer);", "--", "-- PostgreSQL database dump complete", "--", "", "\\unrestrict abc", ""].join("\n");
const META = { keyFingerprint: "0123456789abcdef0123456789abcdef", createdAt: "2026-12-02T10:00:00.000Z", source: "pglite" as const };

describe("the backup file", () => {
  it("reads back what it wrote: the header and pg_dump's SQL", () => {
    const file = wrapBackup(DUMP, META);
    expect(file.startsWith(`${BACKUP_SIGNATURE}\n`)).toBe(true);
    expect(readBackup(file)).toEqual({ ok: true, meta: META, sql: DUMP });
  });

  it("refuses a file that is not one of ours, or one cut short", () => {
    expect(readBackup(DUMP)).toEqual({ ok: false, problem: "foreign" });
    expect(readBackup("PK\u0003\u0004 a zip file")).toEqual({ ok: false, problem: "foreign" });
    expect(readBackup(`${BACKUP_SIGNATURE}\n-- created: x\n`)).toEqual({ ok: false, problem: "foreign" });
    const file = wrapBackup(DUMP, META);
    expect(readBackup(file.slice(0, file.indexOf("CREATE TABLE") + 20))).toEqual({ ok: false, problem: "truncated" });
  });

  it("drops what each target cannot run", () => {
    expect(sqlFor("postgres", DUMP)).not.toContain("transaction_timeout");
    expect(sqlFor("postgres", DUMP)).toContain("\\restrict abc");
    expect(sqlFor("pglite", DUMP)).not.toMatch(/\\(un)?restrict|transaction_timeout/);
    expect(sqlFor("pglite", DUMP)).toContain("CREATE TABLE public.t (id integer);");
  });

  it("cuts a dump into pieces of whole statements, never inside a text, a name or a comment", () => {
    const sql = [
      "-- a comment; with a semicolon",
      "CREATE TABLE public.\"Odd;Name\" (id integer);",
      "INSERT INTO public.t VALUES",
      "\t(1, 'a note; with a semicolon and a quote '' inside'),",
      "\t(2, 'INSERT INTO public.t VALUES (3);\nstill the note');",
      "INSERT INTO public.t VALUES (4, 'x');",
      "",
    ].join("\n");
    const chunks = [...statementChunks(sql, 1)];
    expect(chunks.join("")).toBe(sql.trimEnd());
    expect(chunks.map((chunk) => chunk.trim().split("\n").at(-1))).toEqual([
      'CREATE TABLE public."Odd;Name" (id integer);',
      "still the note');",
      "INSERT INTO public.t VALUES (4, 'x');",
    ]);
    // Large pieces hold several statements; together they are still the whole dump.
    expect([...statementChunks(sql, 10_000)]).toEqual([sql]);
  });
});
