import { importPatientsAction } from "@/app/actions/patient-import";
import { ImportForm } from "@/components/admin/ImportForm";
import { DataTable } from "@/components/ui/DataTable";
import { page } from "@/lib/platform/entry-points/page.server";
import { IMPORT_COLUMNS } from "@/lib/server/patients/import/import-columns";

/** The patient import (SPEC §9): the template's columns, the template, and a file to check and import. */
export default page({ name: "/admin/import", access: "clinic-admin" }, async ({ messages }) => {
  const text = messages.admin.import;
  return (
    <>
      <h1>{text.title}</h1>
      <p>{text.intro}</p>
      <p>
        <a href="/admin/import/template" className="button secondary" download>
          {text.template}
        </a>
      </p>
      <ImportForm action={importPatientsAction} />
      <section className="page-section">
        <h2>{text.columnsTitle}</h2>
        <DataTable
          label={text.columnsTitle}
          columns={[text.columns.header, text.columns.english, text.columns.required, text.columns.content]}
          rows={IMPORT_COLUMNS.map((column) => ({
            key: column.key,
            cells: [
              <strong key="da">{column.da}</strong>,
              <span key="en" lang="en">
                {column.en}
              </span>,
              column.required
                ? text.yes
                : column.key === "cpr" || column.key === "dateOfBirth"
                  ? text.cprOrBirthDate
                  : text.no,
              text.content[column.key],
            ],
          }))}
          className="import-columns"
        />
      </section>
    </>
  );
});
