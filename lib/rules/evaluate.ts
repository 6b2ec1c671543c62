// The escalation rules of SPEC §5 as one pure function over one episode's data. No database,
// no framework: the app, the daily sweep and the rules command all call this.
import { PAIN_INSTRUMENTS } from "../clinical/instruments";
import { loadResponse, morningPainByDate } from "../clinical/load-response";
import { CARE_LEVELS, RED_FLAG_CARE, type Finding, type RedFlag } from "../clinical/red-flags";
import type { ReferenceKey } from "../clinical/references";
import { getMessages, type Messages } from "../i18n";
import type { RuleCase, RuleCode, RuleFlag } from "./case";
import { dayNumber as day, isoDay, improvementOf, judgeInstruments, type InstrumentJudgement } from "./instrument-judgement";
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "./settings";
import { SEVERITIES, type Severity } from "./severity";

/**
 * Bumped when a rule's logic changes, so stored flags say which logic raised them and every
 * clinic is re-evaluated once after an upgrade (lib/rules/reevaluation.ts).
 * 2: SPEC §5 revisions 2026-11-25 and 2026-11-25b.
 */
export const RULE_VERSION = 2;

/** What each rule and its thresholds rest on; a threshold no source holds is a clinic default. */
const SOURCES: Record<RuleCode, ReferenceKey[]> = {
  RED_FLAG: ["KOC_2023_JOSPT_CPG", "LOEB_NU_2026"],
  DIAGNOSIS_DOUBT: ["KOC_2023_JOSPT_CPG", "LOEB_NU_2026"],
  WORSENING: ["FARRAR_2001", "SALAFFI_2004"],
  NO_IMPROVEMENT: ["LOEB_NU_2026", "FARRAR_2001", "SALAFFI_2004"],
  LOAD_RESPONSE: ["RATHLEFF_2015", "LOEB_NU_2026"],
  LOW_ADHERENCE: ["RATHLEFF_2015", "CLINIC_DEFAULT"],
  SECOND_LINE_REVIEW: ["KOC_2023_JOSPT_CPG", "LOEB_NU_2026"],
  INJECTION_REVIEW: ["KOC_2023_JOSPT_CPG", "LOEB_NU_2026", "CLINIC_DEFAULT"],
  SURGERY_REVIEW: ["LOEB_NU_2026"],
  FOLLOW_UP_OVERDUE: ["CLINIC_DEFAULT"],
  BASELINE_MISSING: ["KOC_2023_JOSPT_CPG", "CLINIC_DEFAULT"],
  RETURN_TO_RUN_READY: ["LOEB_NU_2026"],
};

type Assessment = RuleCase["assessments"][number];

/** The assessments of the most recent date among `rows`; several on one date are read together. */
function latestVisit(rows: Assessment[]): Assessment[] {
  if (rows.length === 0) return [];
  const latest = rows.reduce((a, b) => (b.date > a.date ? b : a)).date;
  return rows.filter((a) => a.date === latest);
}

const union = <T extends string>(lists: T[][]) => [...new Set(lists.flat())].sort();

/** Evaluates every rule of SPEC §5 for one episode on `asOf`; flags sorted by severity then code. */
export function evaluate(input: RuleCase, asOf: string, settings: RuleSettings = DEFAULT_RULE_SETTINGS): RuleFlag[] {
  const now = day(asOf);
  const onOrBefore = <T extends { date: string }>(rows: T[]) => rows.filter((row) => day(row.date) <= now);
  const inWindow = (date: string, days: number) => now - days < day(date) && day(date) <= now;
  const assessments = onOrBefore(input.assessments);
  const outcomes = onOrBefore(input.outcomes);
  const sessions = onOrBefore(input.sessions);
  const interventions = onOrBefore(input.interventions);
  const programs = input.programs.filter((p) => day(p.start) <= now);
  const daysInTreatment = now - day(input.episode.treatmentStart);
  const latestOnDay = latestVisit(assessments);

  const daMessages = getMessages("da");
  const enMessages = getMessages("en");
  const da = daMessages.rules;
  const en = enMessages.rules;
  const flags: RuleFlag[] = [];
  const raise = (code: RuleCode, severity: Severity, evidence: Record<string, unknown>, recommendation: { da: string; en: string }) =>
    flags.push({ code, severity, evidence, recommendation, sources: SOURCES[code], ruleVersion: RULE_VERSION });
  const fires = (code: RuleCode) => flags.some((f) => f.code === code);

  // RED_FLAG: only a visit that did the screen raises or clears it.
  const screened = latestVisit(assessments.filter((a) => a.redFlagsScreened));
  const redFlags = union<RedFlag>(screened.map((a) => a.redFlags));
  if (redFlags.length > 0) {
    const care = CARE_LEVELS.find((level) => redFlags.some((code) => RED_FLAG_CARE[code] === level))!;
    const recommend = (m: Messages) => m.rules.RED_FLAG(redFlags.map((code) => m.rules.redFlagFinding(m.assessment.redFlag[code], m.assessment.suspected[code])).join(" "), m.rules.careLevel[care]);
    raise("RED_FLAG", "urgent", { assessmentDate: screened[0]!.date, redFlags }, { da: recommend(daMessages), en: recommend(enMessages) });
  }

  // DIAGNOSIS_DOUBT
  const findings = union<Finding>(latestOnDay.map((a) => a.findings));
  const testsNegative = latestOnDay.some((a) => a.palpationPositive === false && a.windlassPositive === false);
  if (testsNegative || findings.length > 0) {
    const reasons = [...(testsNegative ? (["TESTS_NEGATIVE"] as const) : []), ...findings];
    raise("DIAGNOSIS_DOUBT", "warning", { assessmentDate: latestOnDay[0]!.date, palpationAndWindlassNegative: testsNegative, findings }, {
      da: da.DIAGNOSIS_DOUBT(reasons.map((reason) => da.differential[reason]).join(" ")),
      en: en.DIAGNOSIS_DOUBT(reasons.map((reason) => en.differential[reason]).join(" ")),
    });
  }

  const judged = judgeInstruments(outcomes, asOf, settings);
  const describe = (j: InstrumentJudgement) => ({
    instrument: j.instrument, baseline: j.baseline, baselineDate: isoDay(j.baselineDay), latest: j.latest, latestDate: isoDay(j.latestDay),
  });
  const plain = (code: RuleCode & keyof typeof da) => ({ da: da[code] as string, en: en[code] as string });

  // WORSENING
  const worse = judged.filter((j) => j.worse);
  if (worse.length > 0) raise("WORSENING", "high", { instruments: worse.map(describe) }, plain("WORSENING"));

  // NO_IMPROVEMENT and the reviews that build on it
  const judgeable = judged.filter((j) => j.judgeable);
  const noImprovement = improvementOf(judged) === "NOT_IMPROVED";
  const latestPain = judged.filter((j) => PAIN_INSTRUMENTS.includes(j.instrument));
  // Persisting symptoms: pain still at the threshold, or no pain score to say otherwise.
  const persisting = latestPain.length === 0 || latestPain.some((j) => j.latest >= settings.persistingPain);
  const improvementEvidence = { daysInTreatment, judgeable: judgeable.map(describe) };
  const reviewEvidence = { ...improvementEvidence, latestPain: latestPain.map(describe) };
  if (noImprovement && daysInTreatment >= settings.noImprovementDays) {
    raise("NO_IMPROVEMENT", daysInTreatment >= settings.noImprovementHighDays ? "high" : "warning", improvementEvidence, plain("NO_IMPROVEMENT"));
  }
  if (noImprovement && persisting && daysInTreatment >= settings.secondLineDays) {
    raise("SECOND_LINE_REVIEW", "info", reviewEvidence, plain("SECOND_LINE_REVIEW"));
  }
  if (noImprovement && daysInTreatment >= settings.secondLineDays) {
    const painful = latestPain.filter((j) => j.latest >= settings.injectionMinPain);
    const injections = interventions.filter((i) => i.type === "CORTICOSTEROID_INJECTION").map((i) => i.date).sort();
    const recent = injections.filter((date) => inWindow(date, settings.injectionIntervalDays));
    if (painful.length > 0 && injections.length < settings.injectionMaxPrior && recent.length === 0) {
      raise("INJECTION_REVIEW", "info", { ...improvementEvidence, latestPain: painful.map(describe), priorInjections: injections.length, lastInjectionDate: injections.at(-1) ?? null }, {
        da: da.INJECTION_REVIEW(injections.length),
        en: en.INJECTION_REVIEW(injections.length),
      });
    }
  }
  if (noImprovement && persisting && daysInTreatment >= settings.surgeryDays) raise("SURGERY_REVIEW", "info", reviewEvidence, plain("SURGERY_REVIEW"));

  // LOAD_RESPONSE: a painful loading session, or a clearly worse next morning, in the window.
  const mornings = morningPainByDate(outcomes.filter((o) => o.instrument === "NRS_FIRST_STEP"));
  const recentSessions = sessions.filter((s) => inWindow(s.date, settings.loadResponseWindowDays));
  const response = loadResponse(recentSessions, mornings, { maxPain: settings.loadResponseMaxPain, morningRise: settings.morningRise });
  if (response.hit) {
    raise("LOAD_RESPONSE", "warning", { painfulSessions: response.painfulSessions, worseNextMornings: response.worseNextMornings }, plain("LOAD_RESPONSE"));
  }

  // LOW_ADHERENCE
  for (const program of programs.filter((p) => p.kind === "HSR" && p.status === "active").sort((a, b) => a.start.localeCompare(b.start))) {
    if (now - day(program.start) < settings.adherenceMinAssignmentDays) continue;
    const prescribed = program.sessionsPerWeek * (settings.adherenceWindowDays / 7);
    const completed = sessions.filter((s) => s.kind === "HSR" && s.completed && inWindow(s.date, settings.adherenceWindowDays)).length;
    if (completed < settings.adherenceMinFraction * prescribed) {
      raise("LOW_ADHERENCE", "warning", { programStart: program.start, prescribed, completed, windowDays: settings.adherenceWindowDays }, plain("LOW_ADHERENCE"));
      break;
    }
  }

  // FOLLOW_UP_OVERDUE
  const lastVisit = latestOnDay[0];
  if (input.episode.status === "active" && lastVisit && now - day(lastVisit.date) > settings.followUpDays) {
    raise("FOLLOW_UP_OVERDUE", "info", { latestAssessmentDate: lastVisit.date, daysSince: now - day(lastVisit.date) }, plain("FOLLOW_UP_OVERDUE"));
  }

  // BASELINE_MISSING
  if (daysInTreatment >= settings.baselineMissingDays && outcomes.length === 0) {
    raise("BASELINE_MISSING", "info", { daysInTreatment }, plain("BASELINE_MISSING"));
  }

  // RETURN_TO_RUN_READY, never beside a warning sign.
  const ready = latestOnDay.find((a) => (a.walkToleranceMin ?? 0) >= settings.returnToRunWalkMinutes && a.walkNextMorningWorse === false);
  const heldBack = (["RED_FLAG", "WORSENING", "DIAGNOSIS_DOUBT", "LOAD_RESPONSE"] as const).some(fires);
  if (ready && !heldBack && !programs.some((p) => p.kind === "RETURN_TO_RUN" && p.status === "active")) {
    raise("RETURN_TO_RUN_READY", "info", { assessmentDate: ready.date, walkToleranceMin: ready.walkToleranceMin }, plain("RETURN_TO_RUN_READY"));
  }

  return flags.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.code.localeCompare(b.code));
}
