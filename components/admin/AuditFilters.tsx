import Link from "next/link";

import { AuditAction } from "@/lib/generated/prisma/enums";
import type { AuditQuery } from "@/lib/platform/audit/audit-log";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";

import { DateField } from "../ui/DateField";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";

/** A plain GET form, like the caseload's: the view of the log lives in the URL. */
export async function AuditFilters({
  query,
  patient,
  users,
}: {
  query: AuditQuery;
  patient: { id: string; name: string } | null;
  users: { id: string; name: string }[];
}) {
  const messages = await getRequestMessages();
  const text = messages.admin.audit;
  return (
    <form method="get" action="/admin/audit" className="filters" role="search" aria-label={text.title}>
      {/* A patient's access request (who has read my record?): the patient, found by name or
          chosen on the patient's page ("Hvem har set journalen"). */}
      {patient ? (
        <p className="field">
          <span>
            {text.patient}: <strong data-testid="audit-patient">{patient.name}</strong>
          </span>
          <input type="hidden" name="patient" value={patient.id} />
        </p>
      ) : (
        <TextField
          id="patientName"
          label={text.patient}
          hint={text.patientHint}
          defaultValue={query.patientName ?? ""}
          autoComplete="off"
        />
      )}
      <SelectField
        id="user"
        label={text.user}
        defaultValue={query.user ?? ""}
        placeholder={text.anyUser}
        options={users.map((user) => ({ value: user.id, label: user.name }))}
      />
      <SelectField
        id="action"
        label={text.action}
        defaultValue={query.action ?? ""}
        placeholder={text.anyAction}
        options={Object.values(AuditAction).map((action) => ({ value: action, label: text.actions[action] }))}
      />
      <DateField id="from" label={text.from} defaultValue={query.from ?? ""} />
      <DateField id="to" label={text.to} defaultValue={query.to ?? ""} />
      <div className="filter-actions">
        <button type="submit" className="button primary">
          {text.apply}
        </button>
        <Link href="/admin/audit">{patient ? text.clearPatient : text.clear}</Link>
      </div>
    </form>
  );
}
