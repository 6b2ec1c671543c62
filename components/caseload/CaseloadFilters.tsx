import Link from "next/link";
import { SEVERITIES, type CaseloadQuery } from "@/lib/caseload/caseload-query";
import { EpisodeStatus, ProgramKind } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/i18n";

/**
 * A plain GET form: applying the filters loads /caseload with them in the URL, so the view
 * can be linked, bookmarked and restored by the back button, with or without JavaScript.
 */
export function CaseloadFilters({
  query,
  messages,
  clinicians,
  canChooseScope,
}: {
  query: CaseloadQuery;
  messages: Messages;
  clinicians: { id: string; name: string }[];
  canChooseScope: boolean;
}) {
  const text = messages.caseload.filters;
  return (
    <form method="get" action="/caseload" className="filters" role="search" aria-label={text.legend}>
      {query.view !== "all" && <input type="hidden" name="view" value={query.view} />}
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="field">
        <label htmlFor="filter-q">{text.search}</label>
        <input id="filter-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} />
      </div>
      {canChooseScope && (
        <div className="field">
          <label htmlFor="filter-scope">{text.scope}</label>
          <select id="filter-scope" name="scope" defaultValue={query.scope}>
            <option value="mine">{text.scopeMine}</option>
            <option value="clinic">{text.scopeClinic}</option>
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="filter-status">{text.status}</label>
        <select id="filter-status" name="status" defaultValue={query.status}>
          {Object.values(EpisodeStatus).map((status) => (
            <option key={status} value={status}>
              {messages.episodeStatus[status]}
            </option>
          ))}
          <option value="any">{text.statusAny}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-clinician">{text.clinician}</label>
        <select id="filter-clinician" name="clinician" defaultValue={query.clinician ?? ""}>
          <option value="">{text.clinicianAny}</option>
          {clinicians.map((clinician) => (
            <option key={clinician.id} value={clinician.id}>
              {clinician.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-severity">{text.severity}</label>
        <select id="filter-severity" name="severity" defaultValue={query.severity ?? ""}>
          <option value="">{text.severityAny}</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {messages.severity[severity]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-program">{text.program}</label>
        <select id="filter-program" name="program" defaultValue={query.program ?? ""}>
          <option value="">{text.programAny}</option>
          {Object.values(ProgramKind).map((kind) => (
            <option key={kind} value={kind}>
              {messages.program[kind]}
            </option>
          ))}
          <option value="NONE">{text.programNone}</option>
        </select>
      </div>
      <div className="filter-actions">
        <button type="submit" className="button primary">
          {text.apply}
        </button>
        <Link href={query.view === "attention" ? "/caseload?view=attention" : "/caseload"}>{messages.caseload.clearFilters}</Link>
      </div>
    </form>
  );
}
