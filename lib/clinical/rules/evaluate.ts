// The escalation rules of SPEC §5 as pure functions over one episode's data. No database, no
// framework, no catalogs: a flag is a code, a severity and its evidence; what a clinician reads
// is rendered from those when it is shown (lib/present/flags/flag-text.ts). The app, the daily sweep,
// the prescription (held days, SPEC §6) and the rules command all call this.
import type { Instrument } from "../../generated/prisma/enums";
import { dayNumber, isoDay } from "../calendar";
import { countUpTo, type DayValue, dayValuesByInstrument, valueOn } from "../day-values";
import { PAIN_INSTRUMENTS } from "../instruments";
import { painfulSession, worseNextMorning } from "../load-response";
import type { ReferenceKey } from "../references";
import {
  type CaseAssessment,
  type CaseSession,
  isLoadingKind,
  type RuleCase,
  type RuleCode,
  type RuleFlag,
} from "./case";
import { EPSILON, improvementOf, type InstrumentJudgement, judgeAll, judgeDays } from "./instrument-judgement";
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "./settings";
import { SEVERITIES, type Severity } from "./severity";

/**
 * Bumped when a rule's logic changes, so stored flags say which logic raised them and every
 * clinic is re-evaluated once after an upgrade (lib/server/rules/reevaluation.ts).
 * 2: SPEC §5 revisions 2026-11-25 and 2026-11-25b.
 * 3: revision 2026-12-05 (each test's latest result, the latest examined visit, the day's value,
 *    reviews held back by RED_FLAG and DIAGNOSIS_DOUBT).
 */
export const RULE_VERSION = 3;

/** What each rule and its thresholds rest on; a threshold no source holds is a clinic default. */
const SOURCES: Record<RuleCode, ReferenceKey[]> = {
  RED_FLAG: ["KOC_2023_JOSPT_CPG", "LOEB_NU_2026"],
  DIAGNOSIS_DOUBT: ["KOC_2023_JOSPT_CPG", "LOEB_NU_2026"],
  WORSENING: ["FARRAR_2001", "SALAFFI_2004"],
  NO_IMPROVEMENT: ["KOC_2023_JOSPT_CPG", "LOEB_NU_2026", "FARRAR_2001", "SALAFFI_2004"],
  LOAD_RESPONSE: ["RATHLEFF_2015", "LOEB_NU_2026"],
  LOW_ADHERENCE: ["RATHLEFF_2015", "CLINIC_DEFAULT"],
  SECOND_LINE_REVIEW: ["KOC_2023_JOSPT_CPG", "LOEB_NU_2026"],
  INJECTION_REVIEW: ["KOC_2023_JOSPT_CPG", "LOEB_NU_2026", "CLINIC_DEFAULT"],
  SURGERY_REVIEW: ["KOC_2023_JOSPT_CPG", "LOEB_NU_2026"],
  FOLLOW_UP_OVERDUE: ["CLINIC_DEFAULT"],
  BASELINE_MISSING: ["KOC_2023_JOSPT_CPG", "CLINIC_DEFAULT"],
  RETURN_TO_RUN_READY: ["KOC_2023_JOSPT_CPG", "LOEB_NU_2026"],
};

type Dated<T> = T & { day: number };

/**
 * An episode's rows made ready for evaluating on any day: day numbers, day values per
 * instrument, rows in date order (rows of one date keep the order they were made). The
 * prescription asks the rules about many days of one episode; this is built once for all.
 */
export type PreparedCase = {
  input: RuleCase;
  treatmentStart: number;
  assessments: Dated<CaseAssessment>[];
  dayValues: Map<Instrument, DayValue[]>;
  /** HSR and return-to-run sessions, whatever their program's status. */
  loadingSessions: Dated<CaseSession>[];
};

const dated = <T extends { date: string }>(rows: readonly T[]): Dated<T>[] =>
  rows.map((row) => ({ ...row, day: dayNumber(row.date) })).sort((a, b) => a.day - b.day); // Array.sort is stable

export function prepareCase(input: RuleCase): PreparedCase {
  return {
    input,
    treatmentStart: dayNumber(input.episode.treatmentStart),
    assessments: dated(input.assessments),
    dayValues: dayValuesByInstrument(input.outcomes),
    loadingSessions: dated(input.sessions.filter((s) => isLoadingKind(s.kind))),
  };
}

/** The most recent row on or before `now` that matches; of one date, the later made. */
function latest<T extends { day: number }>(
  rows: readonly T[],
  now: number,
  matches: (row: T) => boolean = () => true,
): T | undefined {
  for (let i = countUpTo(rows, now) - 1; i >= 0; i -= 1) if (matches(rows[i]!)) return rows[i];
  return undefined;
}

const hit = (code: RuleCode, severity: Severity, evidence: Record<string, unknown>): RuleFlag => ({
  code,
  severity,
  evidence,
  sources: SOURCES[code],
  ruleVersion: RULE_VERSION,
});

/** RED_FLAG: the latest screened visit's red flags; a visit without the screen neither raises nor clears one. */
function redFlag(c: PreparedCase, now: number): RuleFlag | null {
  const screened = latest(c.assessments, now, (a) => a.redFlagsScreened);
  if (!screened || screened.redFlags.length === 0) return null;
  return hit("RED_FLAG", "urgent", { assessmentDate: screened.date, redFlags: [...screened.redFlags].sort() });
}

/**
 * DIAGNOSIS_DOUBT: palpation and windlass both negative by each test's latest result, with pain
 * present on the date of the later of the two (an NRS at the persisting-pain threshold, or none
 * measured that day: a recovering patient's tests turn negative too); or a finding at the latest
 * visit that examined the differentials.
 */
function diagnosisDoubt(c: PreparedCase, now: number, settings: RuleSettings): RuleFlag | null {
  const palpation = latest(c.assessments, now, (a) => a.palpationPositive !== null);
  const windlass = latest(c.assessments, now, (a) => a.windlassPositive !== null);
  let testsDate: string | null = null;
  if (palpation?.palpationPositive === false && windlass?.windlassPositive === false) {
    const later = palpation.day >= windlass.day ? palpation : windlass;
    const pain = PAIN_INSTRUMENTS.map((instrument) => valueOn(c.dayValues.get(instrument) ?? [], later.day)).filter(
      (value) => value !== undefined,
    );
    if (pain.length === 0 || pain.some((value) => value >= settings.persistingPain - EPSILON)) testsDate = later.date;
  }
  const examined = latest(c.assessments, now, (a) => a.differentialsExamined);
  const findings = examined ? [...examined.findings].sort() : [];
  if (testsDate === null && findings.length === 0) return null;
  return hit("DIAGNOSIS_DOUBT", "warning", {
    palpationAndWindlassNegative: testsDate !== null,
    testsDate,
    findings,
    examinedDate: findings.length > 0 ? examined!.date : null,
  });
}

const describe = (j: InstrumentJudgement) => ({
  instrument: j.instrument,
  baseline: j.baseline,
  baselineDate: isoDay(j.baselineDay),
  latest: j.latest,
  latestDate: isoDay(j.latestDay),
});

/** WORSENING: worse on any NRS instrument. */
function worsening(judged: InstrumentJudgement[]): RuleFlag | null {
  const worse = judged.filter((j) => j.worse);
  return worse.length > 0 ? hit("WORSENING", "high", { instruments: worse.map(describe) }) : null;
}

/** LOAD_RESPONSE: a painful loading session, or a clearly worse next morning, in the window up to `now`. */
function loadResponse(c: PreparedCase, now: number, settings: RuleSettings): RuleFlag | null {
  const limits = { maxPain: settings.loadResponseMaxPain, morningRise: settings.morningRise };
  const sessions = c.loadingSessions.slice(
    countUpTo(c.loadingSessions, now - settings.loadResponseWindowDays),
    countUpTo(c.loadingSessions, now),
  );
  const mornings = c.dayValues.get("NRS_FIRST_STEP") ?? [];
  const painfulSessions = sessions
    .filter((s) => painfulSession(s.painDuring, limits))
    .map((s) => ({ date: s.date, painDuring: s.painDuring }));
  const worseNextMornings = [...new Set(sessions.map((s) => s.day))].flatMap((day) => {
    const worse = worseNextMorning(day, mornings, now, limits);
    return worse ? [{ sessionDate: isoDay(day), ...worse }] : [];
  });
  if (painfulSessions.length === 0 && worseNextMornings.length === 0) return null;
  return hit("LOAD_RESPONSE", "warning", { painfulSessions, worseNextMornings, maxPain: settings.loadResponseMaxPain });
}

/** The NRS judgements WORSENING reads, as of `now`. */
const painJudgements = (c: PreparedCase, now: number, settings: RuleSettings) =>
  PAIN_INSTRUMENTS.flatMap(
    (instrument) => judgeDays(instrument, c.dayValues.get(instrument) ?? [], now, settings) ?? [],
  );

/** The rules that hold a plan (SPEC §6), by code: what fires on `day`. */
export type Holds = { RED_FLAG: boolean; WORSENING: boolean; DIAGNOSIS_DOUBT: boolean; LOAD_RESPONSE: boolean };

/** Whether each rule that holds a plan fires as of `day`: the same rules as evaluateOn, and only those. */
export function holdsOn(c: PreparedCase, day: number, settings: RuleSettings): Holds {
  return {
    RED_FLAG: redFlag(c, day) !== null,
    WORSENING: worsening(painJudgements(c, day, settings)) !== null,
    DIAGNOSIS_DOUBT: diagnosisDoubt(c, day, settings) !== null,
    LOAD_RESPONSE: loadResponse(c, day, settings) !== null,
  };
}

/** Evaluates every rule of SPEC §5 for one episode on `asOf`; flags sorted by severity then code. */
export function evaluate(input: RuleCase, asOf: string, settings: RuleSettings = DEFAULT_RULE_SETTINGS): RuleFlag[] {
  return evaluateOn(prepareCase(input), dayNumber(asOf), settings);
}

export function evaluateOn(c: PreparedCase, now: number, settings: RuleSettings): RuleFlag[] {
  const input = c.input;
  const inWindow = (day: number, days: number) => now - days < day && day <= now;
  const programs = input.programs.filter((p) => dayNumber(p.start) <= now);
  const interventions = input.interventions.filter((i) => dayNumber(i.date) <= now);
  const daysInTreatment = now - c.treatmentStart;
  const judged = judgeAll(c.dayValues, now, settings);
  const flags: RuleFlag[] = [];
  const add = (flag: RuleFlag | null) => flag && flags.push(flag);
  const fires = (code: RuleCode) => flags.some((f) => f.code === code);

  add(redFlag(c, now));
  add(diagnosisDoubt(c, now, settings));
  add(worsening(judged));

  // NO_IMPROVEMENT and the reviews that build on it. The reviews wait while a red flag or a
  // doubt about the diagnosis stands: shockwave or an injection beside a suspected fracture,
  // infection or another diagnosis would be the wrong next step.
  const judgeable = judged.filter((j) => j.judgeable);
  const noImprovement = improvementOf(judged) === "NOT_IMPROVED";
  const latestPain = judged.filter((j) => PAIN_INSTRUMENTS.includes(j.instrument));
  // Persisting symptoms: pain still at the threshold, or no pain score to say otherwise.
  const persisting = latestPain.length === 0 || latestPain.some((j) => j.latest >= settings.persistingPain - EPSILON);
  const reviewsHeld = fires("RED_FLAG") || fires("DIAGNOSIS_DOUBT");
  const improvementEvidence = { daysInTreatment, judgeable: judgeable.map(describe) };
  const reviewEvidence = { ...improvementEvidence, latestPain: latestPain.map(describe) };
  if (noImprovement && daysInTreatment >= settings.noImprovementDays) {
    add(
      hit(
        "NO_IMPROVEMENT",
        daysInTreatment >= settings.noImprovementHighDays ? "high" : "warning",
        improvementEvidence,
      ),
    );
  }
  if (!reviewsHeld && noImprovement && persisting && daysInTreatment >= settings.secondLineDays)
    add(hit("SECOND_LINE_REVIEW", "info", reviewEvidence));
  if (!reviewsHeld && noImprovement && daysInTreatment >= settings.secondLineDays) {
    const painful = latestPain.filter((j) => j.latest >= settings.injectionMinPain - EPSILON);
    const injections = interventions
      .filter((i) => i.type === "CORTICOSTEROID_INJECTION")
      .map((i) => i.date)
      .sort();
    const recent = injections.filter((date) => inWindow(dayNumber(date), settings.injectionIntervalDays));
    if (painful.length > 0 && injections.length < settings.injectionMaxPrior && recent.length === 0) {
      add(
        hit("INJECTION_REVIEW", "info", {
          ...improvementEvidence,
          latestPain: painful.map(describe),
          priorInjections: injections.length,
          lastInjectionDate: injections.at(-1) ?? null,
        }),
      );
    }
  }
  if (!reviewsHeld && noImprovement && persisting && daysInTreatment >= settings.surgeryDays)
    add(hit("SURGERY_REVIEW", "info", reviewEvidence));

  add(loadResponse(c, now, settings));

  // LOW_ADHERENCE
  for (const program of programs
    .filter((p) => p.kind === "HSR" && p.status === "active")
    .sort((a, b) => a.start.localeCompare(b.start))) {
    if (now - dayNumber(program.start) < settings.adherenceMinAssignmentDays) continue;
    const prescribed = program.sessionsPerWeek * (settings.adherenceWindowDays / 7);
    const completed = c.loadingSessions.filter(
      (s) => s.kind === "HSR" && s.completed && inWindow(s.day, settings.adherenceWindowDays),
    ).length;
    if (completed < settings.adherenceMinFraction * prescribed - EPSILON) {
      add(
        hit("LOW_ADHERENCE", "warning", {
          programStart: program.start,
          prescribed,
          completed,
          windowDays: settings.adherenceWindowDays,
        }),
      );
      break;
    }
  }

  // FOLLOW_UP_OVERDUE
  const lastVisit = latest(c.assessments, now);
  if (input.episode.status === "active" && lastVisit && now - lastVisit.day > settings.followUpDays) {
    add(hit("FOLLOW_UP_OVERDUE", "info", { latestAssessmentDate: lastVisit.date, daysSince: now - lastVisit.day }));
  }

  // BASELINE_MISSING
  if (daysInTreatment >= settings.baselineMissingDays && judged.length === 0)
    add(hit("BASELINE_MISSING", "info", { daysInTreatment }));

  // RETURN_TO_RUN_READY, never beside a warning sign.
  const ready =
    lastVisit &&
    (lastVisit.walkToleranceMin ?? 0) >= settings.returnToRunWalkMinutes &&
    lastVisit.walkNextMorningWorse === false;
  const heldBack = (["RED_FLAG", "WORSENING", "DIAGNOSIS_DOUBT", "LOAD_RESPONSE"] as const).some(fires);
  if (ready && !heldBack && !programs.some((p) => p.kind === "RETURN_TO_RUN" && p.status === "active")) {
    add(
      hit("RETURN_TO_RUN_READY", "info", {
        assessmentDate: lastVisit.date,
        walkToleranceMin: lastVisit.walkToleranceMin,
      }),
    );
  }

  return flags.sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.code.localeCompare(b.code),
  );
}
