import type { ReactNode } from "react";

/** A table behind a "show" toggle: the accessible, complete form of what a chart or summary shows. */
export function DataTableDetails({
  summary,
  columns,
  rows,
  className,
}: {
  summary: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
  className?: string;
}) {
  return (
    <details className={["data-table-details", className].filter(Boolean).join(" ")}>
      <summary>{summary}</summary>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{summary}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
