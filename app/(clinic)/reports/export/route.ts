import { z } from "zod";

import { type CsvCell, csvHeaders, toDanishCsv } from "@/lib/platform/csv/danish-csv";
import { isoDate, today } from "@/lib/platform/dates";
import { route } from "@/lib/platform/entry-points/route.server";
import { AppError } from "@/lib/platform/errors";
import { REPORT_TABLES, type ReportCell, reportTables } from "@/lib/present/reports/report-tables";
import { clinicReport } from "@/lib/server/reports/clinic-report";
import { defaultPeriod } from "@/lib/server/reports/report-query";

/** A share as a percentage with one decimal, a median with two; a withheld figure is an empty field. */
function csvCell(cell: ReportCell): CsvCell {
  if (cell.kind === "text" || cell.kind === "count" || cell.value === null) return cell.value;
  return cell.kind === "share" ? Math.round(cell.value * 1000) / 10 : Math.round(cell.value * 100) / 100;
}

// Without a period, the report's default one, as the page opens with.
const ZExport = z.object({
  table: z.enum(REPORT_TABLES).default("episodes"),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  clinician: z.string().max(60).optional(),
});

/** One table of the clinic report as the Danish CSV (SPEC §9), in the user's language. */
export const GET = route(
  { name: "/reports/export", access: "clinic-patients", query: ZExport },
  async ({ actor, readDatabase, messages, query }) => {
    const day = today(actor.timeZone);
    const result = await clinicReport(
      await readDatabase(),
      actor,
      {
        ...defaultPeriod(day),
        ...Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)),
      },
      isoDate(day),
    );
    if (result.status === "invalid") throw new AppError("INVALID_INPUT");
    const table = reportTables(result.report, messages)[query.table];
    // The page shows "57 %"; the CSV holds the number, so its column says the unit.
    const header = table.header.map((heading, i) =>
      table.rows.some((row) => row[i]?.kind === "share") ? `${heading} (%)` : heading,
    );
    const csv = toDanishCsv(
      header,
      table.rows.map((row) => row.map(csvCell)),
    );
    return new Response(csv, {
      headers: csvHeaders(`report-${query.table}-${result.report.query.from}-${result.report.query.to}.csv`),
    });
  },
);
