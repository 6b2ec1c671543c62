"use client";
import { type ColumnDef, columnVisibilityFeature, flexRender, tableFeatures, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { useState, useTransition } from "react";

import { severityOfRank } from "@/lib/clinical/rules/severity";
import type { CaseloadColumn } from "@/lib/server/caseload/caseload-query";

import { useMessages } from "../i18n/MessagesProvider";

export type CaseloadTableRow = {
  patientId: string;
  /** 0–4, the most severe open flag, for the row's marker. */
  severityRank: number;
  cells: Record<CaseloadColumn | "birthDate" | "cpr", string>;
  /** "2 new messages" when the patient has written and no one has read it yet. */
  unread: string | null;
};

export type SortHeader = { href: string; label: string; sorted: "ascending" | "descending" | null };

const features = tableFeatures({ columnVisibilityFeature });

/**
 * The caseload table. Sorting, filtering and paging happen on the server through the URL
 * (the sort headers are links); the table itself handles column visibility, which is saved
 * on the user's account.
 */
export function CaseloadTable({
  rows,
  columns: columnIds,
  sortHeaders,
  hidden,
  saveHidden,
}: {
  rows: CaseloadTableRow[];
  columns: readonly CaseloadColumn[];
  sortHeaders: Partial<Record<CaseloadColumn, SortHeader>>;
  hidden: CaseloadColumn[];
  /** Keeps the hidden columns on the account (app/actions/caseload-columns.ts); null when refused. */
  saveHidden: (hidden: Exclude<CaseloadColumn, "name">[]) => Promise<{ ok: boolean } | null>;
}) {
  const text = useMessages().caseload;
  const [columnVisibility, setColumnVisibility] = useState<Record<string, boolean>>(
    Object.fromEntries(hidden.map((column) => [column, false])),
  );
  const [saved, setSaved] = useState(false);
  const [saving, startSaving] = useTransition();

  const columns: ColumnDef<typeof features, CaseloadTableRow>[] = columnIds.map((id) => ({
    id,
    header: () => {
      const sort = sortHeaders[id];
      return sort ? (
        <Link href={sort.href} aria-label={sort.label} className="sort-link">
          {text.columns[id]}
          <span aria-hidden="true">
            {sort.sorted === "ascending" ? " ▲" : sort.sorted === "descending" ? " ▼" : ""}
          </span>
        </Link>
      ) : (
        text.columns[id]
      );
    },
    enableHiding: id !== "name",
  }));

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.patientId,
    state: { columnVisibility },
    onColumnVisibilityChange: (updater) => {
      setSaved(false);
      setColumnVisibility((current) => (typeof updater === "function" ? updater(current) : updater));
    },
  });

  // The body is drawn from the rows and the visible columns directly: TanStack's row model made
  // an object per cell (500 on a page) for text the server has already formatted, which cost
  // the server about 5 % of the page's time (issue 48's profile).
  const visible = table.getVisibleLeafColumns().map((column) => column.id as CaseloadColumn);

  function save() {
    // The name column cannot be hidden.
    const hiddenNow = columnIds.filter(
      (id): id is Exclude<CaseloadColumn, "name"> => id !== "name" && columnVisibility[id] === false,
    );
    startSaving(async () => {
      const result = await saveHidden(hiddenNow);
      setSaved(result?.ok ?? false);
    });
  }

  return (
    <>
      <details className="column-chooser">
        <summary>{text.chooseColumns}</summary>
        <fieldset>
          <legend className="visually-hidden">{text.chooseColumns}</legend>
          {table
            .getAllLeafColumns()
            .filter((column) => column.getCanHide())
            .map((column) => (
              <label key={column.id} className="checkbox">
                <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} />
                {text.columns[column.id as CaseloadColumn]}
              </label>
            ))}
        </fieldset>
        <button type="button" className="button secondary" onClick={save} disabled={saving}>
          {text.saveColumns}
        </button>
        <p role="status" className="hint">
          {saved ? text.columnsSaved : ""}
        </p>
      </details>
      <div className="table-scroll" role="region" aria-label={text.title} tabIndex={0}>
        <table className="data-table caseload-table card-rows">
          <caption className="visually-hidden">{text.title}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sortHeaders[header.column.id as CaseloadColumn]?.sorted ?? undefined}
                  >
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.patientId} data-severity={severityOfRank(row.severityRank) ?? undefined}>
                {visible.map((id) =>
                  id === "name" ? (
                    <th key={id} scope="row">
                      <Link href={`/patients/${row.patientId}`}>{row.cells.name}</Link>
                      <span className="cell-sub">{row.cells.cpr || text.bornOn(row.cells.birthDate)}</span>
                      {row.unread && (
                        <Link href={`/patients/${row.patientId}/messages`} className="badge unread-badge">
                          {row.unread}
                        </Link>
                      )}
                    </th>
                  ) : (
                    <td key={id} data-column={id} data-label={text.columns[id]}>
                      {row.cells[id]}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
