import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks, and starts with a byte-order mark", () => {
    expect(toCsv(["Navn", "Note"], [["Søren, Ærø", 'sagde "av"\nigen']])).toBe('\uFEFFNavn,Note\r\n"Søren, Ærø","sagde ""av""\nigen"\r\n');
  });

  it("defuses cells that a spreadsheet would run as formulas", () => {
    expect(toCsv(["a"], [["=HYPERLINK(\"x\")"], ["-2"], ["@SUM(1)"]])).toBe("\uFEFFa\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n'-2\r\n'@SUM(1)\r\n");
  });
});
