import { actorFor } from "@/lib/auth/guard.server";
import { caseloadCells } from "@/lib/caseload/caseload-cells";
import { CASELOAD_COLUMNS, parseCaseloadQuery } from "@/lib/caseload/caseload-query";
import { toCsv } from "@/lib/caseload/csv";
import { exportCaseload } from "@/lib/caseload/list-caseload";
import { today } from "@/lib/dates";
import { getDb } from "@/lib/db/app-db.server";
import { errorResponse } from "@/lib/http.server";
import { getMessages } from "@/lib/i18n";

/** The caseload view of the URL's query, every page, as CSV in the user's language. */
export async function GET(request: Request) {
  try {
    const actor = await actorFor(["ADMIN", "CLINICIAN"]);
    const messages = getMessages(actor.locale);
    const query = parseCaseloadQuery(Object.fromEntries(new URL(request.url).searchParams));
    const day = today();
    const rows = await exportCaseload(await getDb(), actor, query, day);
    const csv = toCsv(
      CASELOAD_COLUMNS.map((column) => messages.caseload.columns[column]),
      rows.map((row) => {
        const cells = caseloadCells(row, messages, actor.locale);
        return CASELOAD_COLUMNS.map((column) => cells[column]);
      }),
    );
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="caseload-${day.toISOString().slice(0, 10)}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
