import type { ReactNode } from "react";
import { DataTable } from "./DataTable";

/** A table behind a "show" toggle: the accessible, complete form of what a chart or summary shows. */
export function DataTableDetails({ summary, columns, rows, className }: { summary: string; columns: string[]; rows: { key: string; cells: ReactNode[] }[]; className?: string }) {
  return (
    <details className={["data-table-details", className].filter(Boolean).join(" ")}>
      <summary>{summary}</summary>
      <DataTable label={summary} columns={columns} rows={rows} />
    </details>
  );
}
