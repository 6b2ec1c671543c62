"use client";
import { DataTable } from "./DataTable";
import { LazyDetails } from "./LazyDetails";

/**
 * A table behind a "show" toggle: the accessible, complete form of what a chart or summary
 * shows. A client component, so its rows reach the browser as plain text and become table
 * rows only when the table is first opened (LazyDetails).
 */
export function DataTableDetails({
  summary,
  columns,
  rows,
  className,
}: {
  summary: string;
  columns: string[];
  rows: { key: string; cells: (string | number)[] }[];
  className?: string;
}) {
  return (
    <LazyDetails summary={summary} className={["data-table-details", className].filter(Boolean).join(" ")}>
      <DataTable label={summary} columns={columns} rows={rows} />
    </LazyDetails>
  );
}
