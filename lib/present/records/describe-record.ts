import { assessmentFindings, assessmentRedFlags, type RecordedTests, RETIRED_CODES } from "../../clinical/red-flags";
import type { Instrument, InterventionType, Locale } from "../../generated/prisma/enums";
import type { RecordFormKind } from "../../server/records/record-forms";
import type { Messages } from "../i18n";
import { formatNumber } from "../i18n/format";

/**
 * One line about a record (or an earlier version's snapshot, whose numbers may be strings)
 * in the user's language, for the timeline and the history.
 */
export function describeRecord(
  kind: RecordFormKind,
  row: Record<string, unknown>,
  messages: Messages,
  locale: Locale,
): string {
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
  const result = (value: unknown) =>
    (value === true ? a.positive : value === false ? a.negative : a.notTested).toLowerCase();
  const tested = (label: string, value: unknown) =>
    value === true || value === false ? `${label} ${result(value)}` : null;
  // Snapshots from before the red-flag screen was recorded have no such field: they were screens.
  const screened = row.redFlagsScreened !== false;
  // Likewise the differential examination (SPEC §5, revision 2026-12-05).
  const examined = row.differentialsExamined !== false;
  const tests = row as unknown as RecordedTests;
  const redFlags = assessmentRedFlags({
    ...tests,
    redFlags: (row.redFlags as string[] | undefined) ?? [],
    findings: [],
  });
  const findings = assessmentFindings({
    ...tests,
    redFlags: [],
    findings: (row.findings as string[] | undefined) ?? [],
  });
  return [
    row.firstStepPain !== null && row.firstStepPain !== undefined
      ? `${a.firstStepPain}: ${num(row.firstStepPain)}`
      : null,
    messages.timeline.tests(
      [
        `${a.palpation} ${result(row.palpationPositive)}`,
        `${a.windlass} ${result(row.windlassPositive)}`,
        tested(a.calcanealSqueeze, row.calcanealSqueezePositive),
        tested(a.tinel, row.tinelPositive),
      ]
        .filter(Boolean)
        .join(", "),
    ),
    screened ? null : messages.timeline.notScreened,
    examined ? null : messages.timeline.notExamined,
    redFlags.length
      ? messages.timeline.redFlagsPresent(redFlags.map((flag) => codeLabel(a.redFlag, flag)).join(", "))
      : null,
    findings.length
      ? messages.timeline.findingsPresent(findings.map((finding) => codeLabel(a.finding, finding)).join(", "))
      : null,
    row.ankleDorsiflexionDeg !== null && row.ankleDorsiflexionDeg !== undefined
      ? `${a.ankleDorsiflexion}: ${num(row.ankleDorsiflexionDeg)}`
      : null,
    row.walkToleranceMin !== null && row.walkToleranceMin !== undefined
      ? `${a.walkToleranceMin}: ${num(row.walkToleranceMin)}`
      : null,
    row.note,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** A code's label; a retired code (in old versions and flags) falls back to what replaced it. */
export function codeLabel(labels: Record<string, string>, code: string): string {
  return labels[code] ?? labels[RETIRED_CODES[code] ?? ""] ?? code;
}
