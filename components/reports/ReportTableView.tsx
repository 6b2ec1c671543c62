import type { Locale } from "@/lib/generated/prisma/enums";
import { formatNumber } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import type { ReportCell, ReportTable } from "@/lib/present/reports/report-tables";

/** A cell as the user reads it: a share as a whole percentage, a withheld figure as "–". */
export function formatCell(cell: ReportCell, locale: Locale): string {
  if (cell.kind === "text") return cell.value;
  if (cell.value === null) return "–";
  if (cell.kind === "share") return `${formatNumber(cell.value * 100, locale, 0)} %`;
  return formatNumber(cell.value, locale, cell.kind === "decimal" ? 1 : 0);
}

/** One of the report's tables, with the link to its CSV. */
export async function ReportTableView({
  table,
  csvHref,
  locale,
}: {
  table: ReportTable;
  csvHref: string;
  locale: Locale;
}) {
  const messages = await getRequestMessages();
  return (
    <div className="report-table">
      <div className="table-scroll">
        <table className="data-table print-table">
          {/* Named by its title (the section's heading says it on screen), so each table can be found by name. */}
          <caption className="visually-hidden">{table.title}</caption>
          <thead>
            <tr>
              {table.header.map((heading) => (
                <th key={heading} scope="col">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {formatCell(cell, locale)}
                    </th>
                  ) : (
                    <td key={j} className={cell.kind === "text" ? undefined : "numeric"}>
                      {formatCell(cell, locale)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <a href={csvHref} className="no-print csv-link" download aria-label={messages.reports.csvOf(table.title)}>
        {messages.reports.csv}
      </a>
    </div>
  );
}
