import { importPatientsAction } from "@/app/actions/patient-import";
import { ImportForm } from "@/components/admin/ImportForm";
import { AppShell } from "@/components/AppShell";
import { page } from "@/lib/entry/page.server";
import { IMPORT_COLUMNS } from "@/lib/patients/import/import-columns";

/** The patient import (SPEC §9): the template's columns, the template, and a file to check and import. */
export default page({ name: "/admin/import", access: "clinic-admin" }, async ({ actor, messages }) => {
  const text = messages.admin.import;
  return (
    <AppShell actor={actor} messages={messages} current="/admin/import">
      <h1>{text.title}</h1>
      <p>{text.intro}</p>
      <p>
        <a href="/admin/import/template" className="button secondary" download>
          {text.template}
        </a>
      </p>
      <ImportForm
        action={importPatientsAction}
        text={{
          file: text.file, check: text.check, run: text.run, working: text.working, networkError: messages.error.network, toCaseload: text.toCaseload,
          errorsTitle: text.errorsTitle, errorColumns: text.errorColumns,
        }}
      />
      <section aria-labelledby="columns-heading" className="page-section">
        <h2 id="columns-heading">{text.columnsTitle}</h2>
        <div className="table-scroll" role="region" aria-labelledby="columns-heading" tabIndex={0}>
          <table className="data-table import-columns">
            <thead>
              <tr>
                <th scope="col">{text.columns.header}</th>
                <th scope="col">{text.columns.english}</th>
                <th scope="col">{text.columns.required}</th>
                <th scope="col">{text.columns.content}</th>
              </tr>
            </thead>
            <tbody>
              {IMPORT_COLUMNS.map((column) => (
                <tr key={column.key}>
                  <th scope="row">{column.da}</th>
                  <td lang="en">{column.en}</td>
                  <td>{column.required ? text.yes : column.key === "cpr" || column.key === "dateOfBirth" ? text.cprOrBirthDate : text.no}</td>
                  <td>{text.content[column.key]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </AppShell>
  );
});
