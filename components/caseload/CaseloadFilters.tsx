import Link from "next/link";

import { PLAN_STATUSES } from "@/lib/clinical/episode-state";
import { SEVERITIES } from "@/lib/clinical/rules/severity";
import { EpisodeStatus, ProgramKind } from "@/lib/generated/prisma/enums";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import {
  anyStatus,
  type CaseloadQuery,
  caseloadSearch,
  DEFAULT_QUERY,
  VIEW_ORDER,
} from "@/lib/server/caseload/caseload-query";

import { FilterDisclosure } from "../ui/FilterDisclosure";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";

/**
 * A plain GET form: applying the filters loads /caseload with them in the URL, so the view
 * can be linked, bookmarked and restored by the back button, with or without JavaScript.
 */
export async function CaseloadFilters({
  query,
  clinicians,
  canChooseScope,
}: {
  query: CaseloadQuery;
  clinicians: { id: string; name: string }[];
  canChooseScope: boolean;
}) {
  const messages = await getRequestMessages();
  const text = messages.caseload.filters;
  return (
    <FilterDisclosure summary={text.legend}>
      <form method="get" action="/caseload" className="filters" role="search" aria-label={text.legend}>
        {query.view !== "all" && <input type="hidden" name="view" value={query.view} />}
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <TextField
          id="q"
          label={text.search}
          hint={text.searchAnyStatus}
          type="search"
          defaultValue={query.q ?? ""}
          maxLength={100}
        />
        {canChooseScope && (
          <SelectField
            id="scope"
            label={text.scope}
            defaultValue={query.scope}
            options={[
              { value: "mine", label: text.scopeMine },
              { value: "clinic", label: text.scopeClinic },
            ]}
          />
        )}
        <SelectField
          id="archived"
          label={text.archived}
          defaultValue={query.archived}
          options={[
            { value: "no", label: text.archivedNo },
            { value: "yes", label: text.archivedYes },
          ]}
        />
        {/* The attention view and a search read every status: no choice to offer (anyStatus). */}
        {!anyStatus(query) && (
          <SelectField
            id="status"
            label={text.status}
            defaultValue={query.status}
            options={[
              ...Object.values(EpisodeStatus).map((status) => ({
                value: status,
                label: messages.episodeStatus[status],
              })),
              { value: "any", label: text.statusAny },
            ]}
          />
        )}
        <SelectField
          id="clinician"
          label={text.clinician}
          defaultValue={query.clinician ?? ""}
          placeholder={text.clinicianAny}
          options={clinicians.map((clinician) => ({ value: clinician.id, label: clinician.name }))}
        />
        <SelectField
          id="severity"
          label={text.severity}
          defaultValue={query.severity ?? ""}
          placeholder={text.severityAny}
          options={SEVERITIES.map((severity) => ({ value: severity, label: messages.severity[severity] }))}
        />
        <SelectField
          id="program"
          label={text.program}
          defaultValue={query.program ?? ""}
          placeholder={text.programAny}
          options={[
            ...Object.values(ProgramKind).map((kind) => ({ value: kind, label: messages.program[kind] })),
            { value: "NONE", label: text.programNone },
          ]}
        />
        <SelectField
          id="plan"
          label={text.plan}
          defaultValue={query.plan ?? ""}
          placeholder={text.planAny}
          options={PLAN_STATUSES.map((status) => ({ value: status, label: messages.plan.status[status] }))}
        />
        <div className="filter-actions">
          <button type="submit" className="button primary">
            {text.apply}
          </button>
          <Link href={`/caseload${caseloadSearch(DEFAULT_QUERY, { view: query.view, ...VIEW_ORDER[query.view] })}`}>
            {messages.caseload.clearFilters}
          </Link>
        </div>
      </form>
    </FilterDisclosure>
  );
}
