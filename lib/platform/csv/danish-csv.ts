// CSV that opens right in Danish Excel (SPEC §9): UTF-8 with a byte-order mark, semicolons
// between fields, CRLF between rows, a field quoted when it holds a semicolon, quote or line
// break, text that would run as a formula (= + - @ and tab/CR first) defused with a leading
// apostrophe, numbers with a decimal comma, dates as YYYY-MM-DD.
export type CsvCell = string | number | Date | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value).replace(".", ",") : "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toDanishCsv(header: string[], rows: CsvCell[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(";")).join("\r\n")}\r\n`;
}

/** The Content-Type and Content-Disposition of a CSV download. */
export function csvHeaders(filename: string): HeadersInit {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename}"`,
    "cache-control": "no-store",
  };
}
