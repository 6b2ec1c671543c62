import { csvHeaders, toDanishCsv } from "@/lib/platform/csv/danish-csv";
import { isoDate, today } from "@/lib/platform/dates";
import { route } from "@/lib/platform/entry-points/route.server";
import { caseloadCells } from "@/lib/present/caseload/caseload-cells";
import { CASELOAD_COLUMNS, ZCaseloadSearch } from "@/lib/server/caseload/caseload-query";
import { exportCaseload } from "@/lib/server/caseload/list-caseload";

/** The caseload view of the URL's query, every page, as CSV in the user's language. */
export const GET = route(
  { name: "/caseload/export", access: "clinic-patients", query: ZCaseloadSearch },
  async ({ actor, database, readDatabase, messages, query }) => {
    const day = today(actor.timeZone);
    const rows = await exportCaseload(await database(), actor, query, day, await readDatabase());
    // The masked CPR number beside the name, as the table shows it.
    const columns = ["name", "cpr", ...CASELOAD_COLUMNS.filter((column) => column !== "name")] as const;
    const csv = toDanishCsv(
      columns.map((column) => (column === "cpr" ? messages.patientForm.cpr : messages.caseload.columns[column])),
      rows.map((row) => {
        const cells = caseloadCells(row, messages, actor.locale);
        return columns.map((column) => cells[column]);
      }),
    );
    return new Response(csv, { headers: csvHeaders(`caseload-${isoDate(day)}.csv`) });
  },
);
