import type { RedFlag } from "../clinical/red-flags";
import type { Instrument, InterventionType, Locale } from "../generated/prisma/enums";
import type { Messages } from "../i18n";
import { formatNumber } from "../i18n/format";
import type { RecordFormKind } from "./record-forms";

/**
 * One line about a record (or an earlier version's snapshot, whose numbers may be strings)
 * in the user's language, for the timeline and the history.
 */
export function describeRecord(kind: RecordFormKind, row: Record<string, unknown>, messages: Messages, locale: Locale): string {
  const num = (value: unknown) => formatNumber(Number(value), locale);
  if (kind === "outcome") {
    const items = Array.isArray(row.psfsItems) ? (row.psfsItems as { activity: string; score: number }[]) : [];
    const activities = items.length ? ` (${items.map((item) => `${item.activity}: ${item.score}`).join("; ")})` : "";
    return `${messages.instrument[row.instrument as Instrument]}: ${num(row.value)}${activities}`;
  }
  if (kind === "intervention") {
    return [messages.intervention.types[row.type as InterventionType], row.note].filter(Boolean).join(" – ");
  }
  const a = messages.assessment;
  const test = (value: unknown) => (value === true ? a.positive : value === false ? a.negative : a.notDone).toLowerCase();
  const flags = (row.redFlags as RedFlag[] | undefined) ?? [];
  return [
    row.firstStepPain !== null && row.firstStepPain !== undefined ? `${a.firstStepPain}: ${num(row.firstStepPain)}` : null,
    messages.timeline.tests(test(row.palpationPositive), test(row.windlassPositive)),
    flags.length ? messages.timeline.redFlagsPresent(flags.map((flag) => a.redFlag[flag]).join(", ")) : null,
    row.walkToleranceMin !== null && row.walkToleranceMin !== undefined ? `${a.walkToleranceMin}: ${num(row.walkToleranceMin)}` : null,
    row.note,
  ]
    .filter(Boolean)
    .join(" · ");
}
