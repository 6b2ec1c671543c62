import type { Locale } from "../../generated/prisma/enums";
import type { CaseloadColumn } from "../../server/caseload/caseload-query";
import type { CaseloadRow } from "../../server/caseload/list-caseload";
import type { Messages } from "../i18n";
import { formatDate, formatNumber } from "../i18n/format";
import { planText } from "../programs/plan-text";

/** The text of each cell of a caseload row, as the table and the CSV export show it. */
export function caseloadCells(
  row: CaseloadRow,
  messages: Messages,
  locale: Locale,
): Record<CaseloadColumn | "birthDate" | "cpr", string> {
  // A running plan that is not simply active says so with its reasons; an active one says nothing more than "Active".
  const text = messages.caseload;
  const pain =
    row.latestPain === null
      ? text.noValue
      : text.painValue(formatNumber(row.latestPain, locale)) +
        (row.painTrend ? ` (${messages.trend[row.painTrend]})` : "");
  return {
    name: row.name,
    age: String(row.age),
    side: messages.side[row.side],
    weeks: row.weeksInTreatment === null ? text.noValue : String(row.weeksInTreatment),
    phase: !row.program
      ? text.noValue
      : row.program.completed
        ? text.phaseCompleted(messages.program[row.program.kind], row.program.week)
        : text.phase(messages.program[row.program.kind], row.program.week, row.program.phase),
    plan: row.plan ? planText(row.plan, messages) : text.noValue,
    pain,
    // The counts, then which rules: a row says why it needs attention without opening the flags.
    flags: [
      messages.flagCounts(row.flags.urgent, row.flags.high, row.flags.warning, row.flags.info),
      row.openRules.map((code) => messages.flags.codes[code]).join(", "),
    ]
      .filter(Boolean)
      .join(": "),
    lastVisit: row.lastVisit ? formatDate(row.lastVisit, locale) : text.noValue,
    clinician: row.clinicianName,
    // Under the name, so two patients of the same name are told apart: the masked CPR number
    // where there is one (it holds the birth date), else the birth date.
    birthDate: formatDate(row.dateOfBirth, locale),
    cpr: row.maskedCpr ?? "",
  };
}
