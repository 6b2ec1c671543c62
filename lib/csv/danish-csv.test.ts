import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toDanishCsv } from "./danish-csv";

// Read back with an independent parser, set as Danish Excel reads: semicolons, a BOM.
const read = (csv: string) => parse(csv, { delimiter: ";", bom: true, relax_column_count: false }) as string[][];

describe("toDanishCsv", () => {
  it("writes semicolons, a BOM and CRLF, and quotes what needs it", () => {
    const csv = toDanishCsv(["Navn", "Note"], [["Søren; Ærø", 'sagde "av"\nigen'], [" indrykket", "ok"]]);
    expect(csv.startsWith("\uFEFFNavn;Note\r\n")).toBe(true);
    expect(read(csv)).toEqual([["Navn", "Note"], ["Søren; Ærø", 'sagde "av"\nigen'], [" indrykket", "ok"]]);
  });

  it("defuses text that would run as a formula, but not numbers", () => {
    const csv = toDanishCsv(["a", "b"], [['=HYPERLINK("x")', -2.5], ["@SUM(1)", 0], ["-1+1", 1234.75]]);
    expect(read(csv).slice(1)).toEqual([["'=HYPERLINK(\"x\")", "-2,5"], ["'@SUM(1)", "0"], ["'-1+1", "1234,75"]]);
  });

  it("writes dates as YYYY-MM-DD and leaves empty cells empty", () => {
    expect(read(toDanishCsv(["d", "x"], [[new Date("2026-11-25T00:00:00Z"), null]])).slice(1)).toEqual([["2026-11-25", ""]]);
  });
});
