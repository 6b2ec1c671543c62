import type { ReactNode } from "react";

/**
 * A table in its scrolling frame: on a narrow screen it scrolls sideways (and can be reached
 * and scrolled by keyboard) rather than widening the page. Each cell carries its column's
 * name, so a table of the class `card-rows` shows its rows as cards on a phone (globals.css).
 */
export function DataTable({
  label,
  columns,
  rows,
  className,
}: {
  label: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
  className?: string | undefined;
}) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className={["data-table", className].filter(Boolean).join(" ")}>
        <caption className="visually-hidden">{label}</caption>
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
                <td key={i} data-label={columns[i]}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
