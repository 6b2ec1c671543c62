/**
 * RFC 4180 CSV with a byte-order mark, so spreadsheet programs read æ, ø and å right.
 * A cell that starts with = + - @ is prefixed with ' so it is never run as a formula.
 */
export function toCsv(header: string[], rows: string[][]): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}
