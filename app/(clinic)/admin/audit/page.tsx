import Link from "next/link";

import { AuditFilters } from "@/components/admin/AuditFilters";
import { SettingChanges } from "@/components/admin/SettingChanges";
import { Pagination } from "@/components/ui/Pagination";
import { AUDIT_PAGE_SIZE, auditSearch, listAuditEvents, ZAuditSearch } from "@/lib/platform/audit/audit-log";
import { page } from "@/lib/platform/entry-points/page.server";
import { formatMoment } from "@/lib/present/i18n/format";
import { listStaff } from "@/lib/server/users/staff-admin";

/** The audit log (SPEC §7 Admin): filtered, paged, exported; opening it is itself recorded. */
export default page(
  { name: "/admin/audit", access: "clinic-admin", search: ZAuditSearch },
  async ({ actor, db, reader, messages, search }) => {
    const text = messages.admin.audit;
    const [{ query, total, rows, patient, choices, moreChoices }, { users }] = await Promise.all([
      listAuditEvents(db, actor, search, reader),
      listStaff(db, actor, new Date()),
    ]);
    const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
    return (
      <div className="wide-page">
        <div className="page-heading">
          <h1>{text.title}</h1>
          {!choices && (
            <a href={`/admin/audit/export${auditSearch(query, { page: 1 })}`} className="button secondary" download>
              {text.export}
            </a>
          )}
        </div>
        <p className="hint">{text.intro}</p>
        <AuditFilters query={query} patient={patient} users={users} />
        {choices ? (
          <section aria-labelledby="patient-choices" className="panel">
            <h2 id="patient-choices">{choices.length === 0 ? text.noPatient : text.choosePatient}</h2>
            {choices.length > 0 && (
              <ul className="patient-choices">
                {choices.map((choice) => (
                  <li key={choice.id}>
                    <Link
                      href={`/admin/audit${auditSearch({ ...query, patientName: undefined, patient: choice.id, page: 1 })}`}
                      prefetch={false}
                    >
                      {choice.name}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {moreChoices && <p className="hint">{text.morePatients}</p>}
          </section>
        ) : (
          <div className="result-bar">
            <p role="status">{text.count(total)}</p>
          </div>
        )}
        {choices ? null : rows.length === 0 ? (
          <p className="empty-state">{text.empty}</p>
        ) : (
          <>
            <div className="table-scroll">
              <table className="data-table audit-table">
                <caption className="visually-hidden">{text.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{text.when}</th>
                    <th scope="col">{text.who}</th>
                    <th scope="col">{text.what}</th>
                    <th scope="col">{text.record}</th>
                    <th scope="col">{text.address}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>{formatMoment(row.at, actor.locale, true)}</td>
                      <td>
                        {row.actorName}
                        {row.actorRole && <span className="cell-sub">{messages.roles[row.actorRole]}</span>}
                      </td>
                      <td>
                        {text.actions[row.action]}
                        {row.changes && <SettingChanges changes={row.changes} locale={actor.locale} />}
                      </td>
                      <td>
                        {text.entities[row.entity] ?? row.entity}
                        {row.subject && <span className="cell-sub">{row.subject}</span>}
                      </td>
                      <td>{row.ip ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={query.page}
              pageCount={pageCount}
              hrefFor={(p) => `/admin/audit${auditSearch(query, { page: p })}`}
            />
          </>
        )}
      </div>
    );
  },
);
