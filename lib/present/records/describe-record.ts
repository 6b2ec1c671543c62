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
  return recordParts(kind, row, messages, locale).join(" · ");
}

/**
 * What a record says, part by part: every field that was recorded, and for a visit the
 * screens that found nothing said as such ("Røde flag: screenet, ingen fundet"), since the
 * negative is what the journal must show. The timeline joins the parts on one line; the
 * journal note puts each on its own.
 */
export function recordParts(
  kind: RecordFormKind,
  row: Record<string, unknown>,
  messages: Messages,
  locale: Locale,
): string[] {
  const num = (value: unknown) => formatNumber(Number(value), locale);
  if (kind === "outcome") return [`${messages.instrument[row.instrument as Instrument]}: ${outcomeValue(row, locale)}`];
  if (kind === "intervention") {
    return [[messages.intervention.types[row.type as InterventionType], row.note].filter(isText).join(" – ")];
  }
  const a = messages.assessment;
  const t = messages.timeline;
  const given = (value: unknown) => value !== null && value !== undefined;
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
  const painLocation = row.painLocation as string | null | undefined;
  return [
    painLocation ? `${a.painLocation}: ${codeLabel(a.painLocations, painLocation)}` : null,
    given(row.firstStepPain) ? `${a.firstStepPain}: ${num(row.firstStepPain)}` : null,
    t.tests(
      [
        `${a.palpation} ${result(row.palpationPositive)}`,
        `${a.windlass} ${result(row.windlassPositive)}`,
        tested(a.calcanealSqueeze, row.calcanealSqueezePositive),
        tested(a.tinel, row.tinelPositive),
      ]
        .filter(Boolean)
        .join(", "),
    ),
    !screened
      ? t.notScreened
      : redFlags.length
        ? t.redFlagsPresent(redFlags.map((flag) => codeLabel(a.redFlag, flag)).join(", "))
        : t.redFlagsNone,
    !examined
      ? t.notExamined
      : findings.length
        ? t.findingsPresent(findings.map((finding) => codeLabel(a.finding, finding)).join(", "))
        : t.findingsNone,
    given(row.ankleDorsiflexionDeg) ? `${a.ankleDorsiflexion}: ${num(row.ankleDorsiflexionDeg)}` : null,
    riskFactorsPart(row.riskFactors, messages, num),
    given(row.walkToleranceMin) ? `${a.walkToleranceMin}: ${num(row.walkToleranceMin)}` : null,
    given(row.walkNextMorningWorse) ? `${a.walkNextMorningWorse} ${row.walkNextMorningWorse ? a.yes : a.no}` : null,
    row.note,
  ].filter(isText);
}

const isText = (part: unknown): part is string => typeof part === "string" && part !== "";

/**
 * A measurement's value as the record and its print say it: the number, and for a PSFS each
 * activity with its score, since the activities are what was recorded.
 */
export function outcomeValue(row: { value?: unknown; psfsItems?: unknown }, locale: Locale): string {
  const items = Array.isArray(row.psfsItems) ? (row.psfsItems as { activity: string; score: number }[]) : [];
  const activities = items.length
    ? ` (${items.map((item) => `${item.activity}: ${formatNumber(Number(item.score), locale)}`).join("; ")})`
    : "";
  return `${formatNumber(Number(row.value), locale)}${activities}`;
}

/** The risk factors a visit recorded (assessment-input.ts), as one part; null when none was. */
function riskFactorsPart(value: unknown, messages: Messages, num: (value: unknown) => string): string | null {
  const factors = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const a = messages.assessment;
  const form = messages.patientForm;
  const given = (key: string) => factors[key] !== null && factors[key] !== undefined;
  const footType = factors.footType as keyof Messages["footType"] | undefined;
  const parts = [
    factors.recentLoadChange === true ? a.recentLoadChange : null,
    factors.calfTightness === true ? a.calfTightness : null,
    given("runningKmPerWeek") ? `${form.runningKmPerWeek}: ${num(factors.runningKmPerWeek)}` : null,
    given("shoeAgeKm") ? `${form.shoeAgeKm}: ${num(factors.shoeAgeKm)}` : null,
    given("standingHoursPerDay") ? `${form.standingHoursPerDay}: ${num(factors.standingHoursPerDay)}` : null,
    footType && footType !== "UNKNOWN" && messages.footType[footType]
      ? `${form.footType}: ${messages.footType[footType].toLowerCase()}`
      : null,
  ].filter(isText);
  return parts.length ? `${a.riskFactors}: ${parts.join(", ")}` : null;
}

/** A code's label; a retired code (in old versions and flags) falls back to what replaced it. */
export function codeLabel(labels: Record<string, string>, code: string): string {
  return labels[code] ?? labels[RETIRED_CODES[code] ?? ""] ?? code;
}
