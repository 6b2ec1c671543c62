import { getRequestMessages } from "@/lib/present/i18n/locale.server";

import { DateField } from "../ui/DateField";
import { SelectField } from "../ui/SelectField";

/**
 * A plain GET form, like the caseload's: the chosen report is in the URL, so it can be linked,
 * bookmarked and printed, with or without JavaScript.
 */
export async function ReportFilters({
  values,
  errors,
  clinicians,
}: {
  values: { from: string; to: string; clinician: string };
  errors: Partial<Record<"from" | "to" | "clinician", string>>;
  /** Null for a clinician, whose report is their own caseload. */
  clinicians: { id: string; name: string; active: boolean }[] | null;
}) {
  const messages = await getRequestMessages();
  const text = messages.reports;
  return (
    <form method="get" action="/reports" className="filters no-print" role="search" aria-label={text.filters}>
      <DateField id="from" label={text.from} defaultValue={values.from} error={errors.from} required />
      <DateField id="to" label={text.to} defaultValue={values.to} error={errors.to} required />
      {clinicians && (
        <SelectField
          id="clinician"
          label={text.clinician}
          defaultValue={values.clinician}
          error={errors.clinician}
          options={[
            { value: "", label: text.wholeClinic },
            ...clinicians.map((c) => ({ value: c.id, label: c.active ? c.name : `${c.name} ${text.inactive}` })),
          ]}
        />
      )}
      <div className="filter-actions">
        <button type="submit" className="button primary">
          {text.show}
        </button>
      </div>
    </form>
  );
}
