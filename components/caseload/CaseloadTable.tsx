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
    accessorFn: (row: CaseloadTableRow) => row.cells[id],
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
    cell: ({ row }) =>
      id === "name" ? (
        <>
          <Link href={`/patients/${row.original.patientId}`}>{row.original.cells.name}</Link>
          <span className="cell-sub">{row.original.cells.cpr || text.bornOn(row.original.cells.birthDate)}</span>
          {row.original.unread && (
            <Link href={`/patients/${row.original.patientId}/messages`} className="badge unread-badge">
              {row.original.unread}
            </Link>
          )}
        </>
      ) : (
        row.original.cells[id]
      ),
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
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-severity={severityOfRank(row.original.severityRank) ?? undefined}>
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === "name" ? (
                    <th key={cell.id} scope="row">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </th>
                  ) : (
                    <td
                      key={cell.id}
                      data-column={cell.column.id}
                      data-label={text.columns[cell.column.id as CaseloadColumn]}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
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
