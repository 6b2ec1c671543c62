// A stored record as the strings its form starts from, for correcting it: numbers in the
// user's notation (decimal comma in Danish), which the number parser reads back.
import type { Locale } from "../../generated/prisma/enums";
import { formatInputNumber } from "../../present/i18n/format";
import type { RecordFormKind } from "./record-forms";

const text = (value: unknown) => (value === null || value === undefined ? undefined : String(value));
const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : undefined);
const yesNo = (value: unknown) => (value === true ? "yes" : value === false ? "no" : undefined);
const testResult = (value: unknown) => (value === true ? "positive" : value === false ? "negative" : "untested");

export function recordInitialValues(kind: RecordFormKind, row: Record<string, unknown>, locale: Locale) {
  const num = (value: unknown) =>
    value === null || value === undefined ? undefined : formatInputNumber(Number(value), locale);
  if (kind === "assessment") {
    const risk = (row.riskFactors ?? {}) as Record<string, unknown>;
    return {
      values: {
        date: day(row.date),
        painLocation: text(row.painLocation),
        firstStepPain: num(row.firstStepPain),
        palpationPositive: testResult(row.palpationPositive),
        windlassPositive: testResult(row.windlassPositive),
        calcanealSqueezePositive: testResult(row.calcanealSqueezePositive),
        tinelPositive: testResult(row.tinelPositive),
        ankleDorsiflexionDeg: num(row.ankleDorsiflexionDeg),
        redFlagsScreened: yesNo(row.redFlagsScreened),
        differentialsExamined: yesNo(row.differentialsExamined),
        recentLoadChange: risk.recentLoadChange ? "on" : undefined,
        calfTightness: risk.calfTightness ? "on" : undefined,
        runningKmPerWeek: num(risk.runningKmPerWeek),
        shoeAgeKm: num(risk.shoeAgeKm),
        standingHoursPerDay: num(risk.standingHoursPerDay),
        footType: text(risk.footType),
        walkToleranceMin: num(row.walkToleranceMin),
        walkNextMorningWorse: yesNo(row.walkNextMorningWorse),
        note: text(row.note),
      },
      lists: { redFlags: (row.redFlags as string[]) ?? [], findings: (row.findings as string[]) ?? [] },
    };
  }
  if (kind === "outcome") {
    const items = (Array.isArray(row.psfsItems) ? row.psfsItems : []) as { activity: string; score: number }[];
    const psfs = Object.fromEntries(
      items.flatMap((item, i) => [
        [`psfs.${i}.activity`, item.activity],
        [`psfs.${i}.score`, num(item.score)],
      ]),
    );
    return {
      values: { date: day(row.date), instrument: text(row.instrument), value: num(row.value), ...psfs },
      lists: undefined,
    };
  }
  return { values: { date: day(row.date), type: text(row.type), note: text(row.note) }, lists: undefined };
}

type PatientRiskFactors = {
  footType: string;
  standingHoursPerDay: { toString(): string } | null;
  runningKmPerWeek: { toString(): string } | null;
  shoeAgeKm: number | null;
  recentLoadChange: boolean;
};

/**
 * A new record's form: today's date; for a visit the risk factors the patient's record
 * already holds (foot type, standing hours, running, shoes), and for measurements the
 * episode's PSFS activities, so the clinician confirms rather than types them again.
 */
export function newRecordInitialValues(
  kind: RecordFormKind,
  patient: PatientRiskFactors,
  today: string,
  locale: Locale,
  psfsActivities: readonly string[] = [],
): Record<string, string | undefined> {
  if (kind === "outcome")
    return {
      date: today,
      ...Object.fromEntries(psfsActivities.map((activity, i) => [`psfs.${i}.activity`, activity])),
    };
  if (kind !== "assessment") return { date: today };
  const num = (value: { toString(): string } | number | null) =>
    value === null ? undefined : formatInputNumber(Number(value), locale);
  return {
    date: today,
    footType: patient.footType === "UNKNOWN" ? undefined : patient.footType,
    standingHoursPerDay: num(patient.standingHoursPerDay),
    runningKmPerWeek: num(patient.runningKmPerWeek),
    shoeAgeKm: num(patient.shoeAgeKm),
    recentLoadChange: patient.recentLoadChange ? "on" : undefined,
  };
}
