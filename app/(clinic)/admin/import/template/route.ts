import { csvHeaders, toDanishCsv } from "@/lib/platform/csv/danish-csv";
import { route } from "@/lib/platform/entry-points/route.server";
import { IMPORT_COLUMNS } from "@/lib/server/patients/import/import-columns";

/** The import template: the headers in the admin's language, as the Danish CSV Excel opens. */
export const GET = route(
  { name: "/admin/import/template", access: "clinic-admin" },
  async ({ actor }) =>
    new Response(
      toDanishCsv(
        IMPORT_COLUMNS.map((column) => column[actor.locale]),
        [],
      ),
      { headers: csvHeaders(actor.locale === "da" ? "patientimport.csv" : "patient-import.csv") },
    ),
);
