import Link from "next/link";

import { saveHiddenCaseloadColumns } from "@/app/actions/caseload-columns";
import { CaseloadFilters } from "@/components/caseload/CaseloadFilters";
import { CaseloadTable, type SortHeader } from "@/components/caseload/CaseloadTable";
import { Pagination } from "@/components/ui/Pagination";
import { can } from "@/lib/platform/auth/permissions";
import { today } from "@/lib/platform/dates";
import { page } from "@/lib/platform/entry-points/page.server";
import { caseloadCells } from "@/lib/present/caseload/caseload-cells";
import { getHiddenCaseloadColumns } from "@/lib/server/caseload/caseload-columns";
import {
  CASELOAD_COLUMNS,
  type CaseloadColumn,
  caseloadSearch,
  SORTABLE_COLUMNS,
  VIEW_ORDER,
  ZCaseloadSearch,
} from "@/lib/server/caseload/caseload-query";
import { listCaseload } from "@/lib/server/caseload/list-caseload";
import { listClinicians } from "@/lib/server/users/list-clinicians";

export default page(
  { name: "/caseload", access: "clinic-patients", search: ZCaseloadSearch },
  async ({ actor, db, reader, messages, search: query }) => {
    const text = messages.caseload;
    const ownCaseload = can(actor, "own-caseload");
    const day = today(actor.timeZone);
    const [result, clinicians, hidden] = await Promise.all([
      listCaseload(db, actor, query, day, reader),
      listClinicians(db, actor),
      getHiddenCaseloadColumns(db, actor),
    ]);

    const sortHeaders: Partial<Record<CaseloadColumn, SortHeader>> = {};
    for (const column of SORTABLE_COLUMNS) {
      const active = query.sort === column;
      const dir = active && query.dir === "asc" ? "desc" : "asc";
      sortHeaders[column] = {
        href: `/caseload${caseloadSearch(query, { sort: column, dir, page: 1 })}`,
        label: `${text.sortBy(text.columns[column])}${active ? `, ${query.dir === "asc" ? text.sortedAscending : text.sortedDescending}` : ""}`,
        sorted: active ? (query.dir === "asc" ? "ascending" : "descending") : null,
      };
    }
    const rows = result.rows.map((row) => ({
      patientId: row.patientId,
      severityRank: row.highestSeverity,
      cells: caseloadCells(row, messages, actor.locale),
      unread: row.unreadMessages > 0 ? messages.conversation.unread(row.unreadMessages) : null,
    }));
    const isFiltered = caseloadSearch(query, { sort: "name", dir: "asc", page: 1 }) !== "";

    return (
      <div className="wide-page">
        <div className="page-heading">
          <h1>{text.title}</h1>
          <Link href="/patients/new" className="button primary">
            {text.registerPatient}
          </Link>
        </div>
        <nav aria-label={text.views.label} className="tabs">
          {(["all", "attention", "messages"] as const).map((view) => (
            <Link
              key={view}
              // Unread messages open on the whole clinic: a colleague's patients wait too while they are away.
              href={`/caseload${caseloadSearch(query, { view, page: 1, ...VIEW_ORDER[view], ...(view === "messages" && { scope: "clinic" }) })}`}
              aria-current={query.view === view ? "page" : undefined}
            >
              {text.views[view]}
            </Link>
          ))}
        </nav>
        {query.view === "attention" && <p className="hint">{text.attentionHint}</p>}
        {query.view === "messages" && <p className="hint">{text.messagesHint}</p>}
        <CaseloadFilters query={query} clinicians={clinicians} canChooseScope={ownCaseload} />
        <div className="result-bar">
          <p role="status">{text.count(result.total)}</p>
          {result.total > 0 && <a href={`/caseload/export${caseloadSearch(query, { page: 1 })}`}>{text.exportCsv}</a>}
        </div>
        {result.total === 0 ? (
          <p className="empty-state">{isFiltered ? text.noMatch : text.empty}</p>
        ) : (
          <>
            <CaseloadTable
              rows={rows}
              saveHidden={saveHiddenCaseloadColumns}
              // A clinician's own caseload needs no clinician column.
              columns={
                ownCaseload && query.scope === "mine"
                  ? CASELOAD_COLUMNS.filter((column) => column !== "clinician")
                  : CASELOAD_COLUMNS
              }
              sortHeaders={sortHeaders}
              hidden={hidden}
            />
            <Pagination
              page={result.page}
              pageCount={result.pageCount}
              hrefFor={(page) => `/caseload${caseloadSearch(query, { page })}`}
            />
          </>
        )}
      </div>
    );
  },
);
