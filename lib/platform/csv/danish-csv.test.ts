import { describe, expect, it } from "vitest";

import { readDanishCsv as read } from "../../../tests/support/read-danish-csv";
import { toDanishCsv } from "./danish-csv";

describe("toDanishCsv", () => {
  it("writes semicolons, a BOM and CRLF, and quotes what needs it", () => {
    const csv = toDanishCsv(
      ["Navn", "Note"],
      [
        ["Søren; Ærø", 'sagde "av"\nigen'],
        [" indrykket", "ok"],
      ],
    );
    expect(csv.startsWith("\uFEFFNavn;Note\r\n")).toBe(true);
    expect(read(csv)).toEqual([
      ["Navn", "Note"],
      ["Søren; Ærø", 'sagde "av"\nigen'],
      [" indrykket", "ok"],
    ]);
  });

  it("defuses text that would run as a formula, but not numbers", () => {
    const csv = toDanishCsv(
      ["a", "b"],
      [
        ['=HYPERLINK("x")', -2.5],
        ["@SUM(1)", 0],
        ["-1+1", 1234.75],
      ],
    );
    expect(read(csv).slice(1)).toEqual([
      ['\'=HYPERLINK("x")', "-2,5"],
      ["'@SUM(1)", "0"],
      ["'-1+1", "1234,75"],
    ]);
  });

  it("is refused by the reader without its BOM, as Danish Excel would misread it", () => {
    expect(() => read(toDanishCsv(["a"], [["b"]]).slice(1))).toThrow(/byte-order mark/);
  });

  it("writes dates as YYYY-MM-DD and leaves empty cells empty", () => {
    expect(read(toDanishCsv(["d", "x"], [[new Date("2026-11-25T00:00:00Z"), null]])).slice(1)).toEqual([
      ["2026-11-25", ""],
    ]);
  });
});
