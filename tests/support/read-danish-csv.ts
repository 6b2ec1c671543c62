// Reads a CSV back as Danish Excel reads it, with a real CSV parser (papaparse): the file must
// start with a UTF-8 byte-order mark and use semicolons, and every row must have the header's
// number of fields. Shared by the unit, integration and end-to-end tests of every export.
import Papa from "papaparse";

export function readDanishCsv(text: string): string[][] {
  if (!text.startsWith("\uFEFF"))
    throw new Error("The CSV has no UTF-8 byte-order mark: Danish Excel would read it as Windows-1252");
  // The last row ends with CRLF like every other; papaparse would read an empty row after it.
  const result = Papa.parse<string[]>(text.slice(1), { delimiter: ";", newline: "\r\n", skipEmptyLines: "greedy" });
  if (result.errors.length > 0)
    throw new Error(`The CSV does not parse: ${result.errors.map((e) => `row ${e.row}: ${e.message}`).join("; ")}`);
  const width = result.data[0]?.length ?? 0;
  const ragged = result.data.findIndex((row) => row.length !== width);
  if (ragged !== -1)
    throw new Error(`Row ${ragged + 1} has ${result.data[ragged]!.length} fields, the header ${width}`);
  return result.data;
}
