import Link from "next/link";

import { SeverityBadge } from "@/components/flags/SeverityBadge";
import { FilterDisclosure } from "@/components/ui/FilterDisclosure";
import { Pagination } from "@/components/ui/Pagination";
import { SelectField } from "@/components/ui/SelectField";
import { needsBloodSugarNote } from "@/lib/clinical/comorbidities";
import { RULE_CODES, type RuleCode } from "@/lib/clinical/rules/case";
import { fromFlagSeverity } from "@/lib/clinical/rules/severity";
import { FlagSeverity } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/platform/auth/permissions";
import { page } from "@/lib/platform/entry-points/page.server";
import { formatMoment } from "@/lib/present/i18n/format";
import { flagSearch, ZFlagSearch } from "@/lib/server/flags/flag-query";
import { listFlags } from "@/lib/server/flags/list-flags";
import { listClinicians } from "@/lib/server/users/list-clinicians";

export default page(
  { name: "/flags", access: "clinic-patients", search: ZFlagSearch },
  async ({ actor, db, messages, search: query }) => {
    const text = messages.flags;
    const [result, clinicians] = await Promise.all([listFlags(db, actor, query), listClinicians(db, actor)]);
    return (
      <>
        <h1>{text.title}</h1>
        <p className="hint">{text.intro}</p>
        <FilterDisclosure summary={messages.caseload.filters.legend}>
          <form
            method="get"
            action="/flags"
            className="filters"
            role="search"
            aria-label={messages.caseload.filters.legend}
          >
            <SelectField
              id="status"
              label={text.status}
              defaultValue={query.status}
              options={(["ACTIVE", "OPEN", "ACKNOWLEDGED", "RESOLVED"] as const).map((value) => ({
                value,
                label: text.statuses[value],
              }))}
            />
            {can(actor, "own-caseload") && (
              // As the caseload's: a clinician starts from their own patients.
              <SelectField
                id="scope"
                label={messages.caseload.filters.scope}
                defaultValue={query.scope}
                options={[
                  { value: "mine", label: messages.caseload.filters.scopeMine },
                  { value: "clinic", label: messages.caseload.filters.scopeClinic },
                ]}
              />
            )}
            <SelectField
              id="code"
              label={text.rule}
              defaultValue={query.code ?? ""}
              placeholder={text.any}
              options={RULE_CODES.map((value) => ({ value, label: text.codes[value] }))}
            />
            <SelectField
              id="severity"
              label={text.severity}
              defaultValue={query.severity ?? ""}
              placeholder={text.any}
              options={Object.values(FlagSeverity).map((value) => ({ value, label: text.severities[value] }))}
            />
            <SelectField
              id="clinician"
              label={text.clinician}
              defaultValue={query.clinician ?? ""}
              placeholder={text.any}
              options={clinicians.map((c) => ({ value: c.id, label: c.name }))}
            />
            <div className="filter-actions">
              <button type="submit" className="button primary">
                {text.apply}
              </button>
              <Link href="/flags">{messages.caseload.clearFilters}</Link>
            </div>
          </form>
        </FilterDisclosure>
        <div className="result-bar">
          <p role="status">{text.count(result.total)}</p>
        </div>
        {result.total === 0 ? (
          <p className="empty-state">{text.empty}</p>
        ) : (
          <>
            <div className="table-scroll" role="region" aria-label={text.title} tabIndex={0}>
              <table className="data-table card-rows">
                <caption className="visually-hidden">{text.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{text.severity}</th>
                    <th scope="col">{text.rule}</th>
                    <th scope="col">{text.patient}</th>
                    <th scope="col">{text.clinician}</th>
                    <th scope="col">{text.opened}</th>
                    <th scope="col">{text.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.flags.map((flag) => (
                    <tr key={flag.id} data-severity={fromFlagSeverity(flag.severity)}>
                      <td data-label={text.severity}>
                        <SeverityBadge severity={fromFlagSeverity(flag.severity)} />
                      </td>
                      <th scope="row">
                        <Link href={`/flags/${flag.id}`}>{text.codes[flag.code as RuleCode]}</Link>
                        {flag.code === "INJECTION_REVIEW" &&
                          needsBloodSugarNote(flag.episode.patient.comorbidities) && (
                            <span className="cell-note">{text.bloodSugarShort}</span>
                          )}
                      </th>
                      <td data-label={text.patient}>
                        <Link href={`/patients/${flag.episode.patient.id}`}>{flag.episode.patient.name}</Link>
                      </td>
                      <td data-label={text.clinician}>{flag.episode.patient.clinician.name}</td>
                      <td data-label={text.opened}>{formatMoment(flag.openedAt, actor.locale)}</td>
                      <td data-label={text.status}>{text.statuses[flag.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={result.page}
              pageCount={result.pageCount}
              hrefFor={(page) => `/flags${flagSearch(query, { page })}`}
            />
          </>
        )}
      </>
    );
  },
);
