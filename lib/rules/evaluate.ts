// The escalation rules of SPEC §5 as one pure function over one episode's data. No database,
// no framework: the app, the daily sweep and the rules command all call this.
import { INSTRUMENTS, mcidFrom } from "../clinical/instruments";
import { loadResponse, morningPainByDate } from "../clinical/load-response";
import type { RedFlag } from "../clinical/red-flags";
import type { Instrument } from "../generated/prisma/enums";
import { getMessages } from "../i18n";
import { SEVERITIES, type RuleCase, type RuleFlag, type RuleCode, type Severity } from "./case";
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "./settings";

/** Bumped when a rule's logic changes, so stored flags say which logic raised them. */
export const RULE_VERSION = 1;

const ARTICLE = "Løb Nu: Hvor sidder hælspore? (faktatjek 22-02-2026)";
const SOURCES: Record<RuleCode, string> = {
  RED_FLAG: ARTICLE,
  DIAGNOSIS_DOUBT: ARTICLE,
  WORSENING: `${ARTICLE}; Farrar et al. 2001 (Pain)`,
  NO_IMPROVEMENT: `${ARTICLE} (ingen bedring efter 6–8 uger / no improvement after 6–8 weeks)`,
  LOAD_RESPONSE: `${ARTICLE}; Rathleff et al. 2015 (Scand J Med Sci Sports)`,
  LOW_ADHERENCE: "Rathleff et al. 2015 (Scand J Med Sci Sports)",
  SECOND_LINE_REVIEW: `${ARTICLE} (3–6 måneder / months)`,
  INJECTION_REVIEW: ARTICLE,
  SURGERY_REVIEW: `${ARTICLE} (> 12 måneder / months)`,
  FOLLOW_UP_OVERDUE: ARTICLE,
  BASELINE_MISSING: "SPEC §4",
  RETURN_TO_RUN_READY: ARTICLE,
};

const DAY_MS = 86_400_000;
const day = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / DAY_MS;

type Outcome = RuleCase["outcomes"][number];

/** Baseline (earliest) and latest value of an instrument; on one date, the highest value counts. */
function baselineAndLatest(outcomes: Outcome[], instrument: Instrument) {
  const values = outcomes.filter((o) => o.instrument === instrument);
  if (values.length === 0) return null;
  const pick = (target: number) => Math.max(...values.filter((o) => day(o.date) === target).map((o) => o.value));
  const first = Math.min(...values.map((o) => day(o.date)));
  const last = Math.max(...values.map((o) => day(o.date)));
  return { baseline: pick(first), baselineDay: first, latest: pick(last), latestDay: last };
}

const isoDay = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);

/** Evaluates every rule of SPEC §5 for one episode on `asOf`; flags sorted by severity then code. */
export function evaluate(input: RuleCase, asOf: string, settings: RuleSettings = DEFAULT_RULE_SETTINGS): RuleFlag[] {
  const now = day(asOf);
  const onOrBefore = <T extends { date: string }>(rows: T[]) => rows.filter((row) => day(row.date) <= now);
  const assessments = onOrBefore(input.assessments);
  const outcomes = onOrBefore(input.outcomes);
  const sessions = onOrBefore(input.sessions);
  const interventions = onOrBefore(input.interventions);
  const programs = input.programs.filter((p) => day(p.start) <= now);
  const daysInTreatment = now - day(input.episode.treatmentStart);
  const latestAssessment = assessments.length
    ? assessments.reduce((a, b) => (day(b.date) > day(a.date) ? b : a))
    : null;
  // Several assessments on the latest date: their records are read together.
  const latestOnDay = latestAssessment ? assessments.filter((a) => a.date === latestAssessment.date) : [];

  const da = getMessages("da").rules;
  const en = getMessages("en").rules;
  const flags: RuleFlag[] = [];
  const raise = (code: RuleCode, severity: Severity, evidence: Record<string, unknown>, recommendation?: { da: string; en: string }) =>
    flags.push({
      code,
      severity,
      evidence,
      recommendation: recommendation ?? { da: da[code] as string, en: en[code] as string },
      source: SOURCES[code],
      ruleVersion: RULE_VERSION,
    });

  // RED_FLAG
  const redFlags = [...new Set(latestOnDay.flatMap((a) => a.redFlags))].sort() as RedFlag[];
  if (redFlags.length > 0) {
    const daSuspected = getMessages("da").assessment.suspected;
    const enSuspected = getMessages("en").assessment.suspected;
    raise("RED_FLAG", "urgent", { assessmentDate: latestAssessment!.date, redFlags }, {
      da: da.RED_FLAG(redFlags.map((flag) => daSuspected[flag]).join("; ")),
      en: en.RED_FLAG(redFlags.map((flag) => enSuspected[flag]).join("; ")),
    });
  }

  // DIAGNOSIS_DOUBT
  const findings = [...new Set(latestOnDay.flatMap((a) => a.findings))].sort();
  const testsNegative = latestOnDay.some((a) => a.palpationPositive === false && a.windlassPositive === false);
  if (testsNegative || findings.length > 0) {
    raise("DIAGNOSIS_DOUBT", "warning", { assessmentDate: latestAssessment!.date, palpationAndWindlassNegative: testsNegative, findings });
  }

  // Per instrument: baseline, latest, judgeable, improved, worse.
  const judged = (Object.keys(INSTRUMENTS) as Instrument[]).flatMap((instrument) => {
    const values = baselineAndLatest(outcomes, instrument);
    if (!values) return [];
    const spec = INSTRUMENTS[instrument];
    const change = spec.better === "lower" ? values.baseline - values.latest : values.latest - values.baseline;
    const judgeable = values.latestDay - values.baselineDay >= settings.judgeableDays;
    return [{ instrument, ...values, judgeable, improved: change >= mcidFrom(instrument, values.baseline) - 1e-9 }];
  });
  const describe = (j: (typeof judged)[number]) => ({
    instrument: j.instrument, baseline: j.baseline, baselineDate: isoDay(j.baselineDay), latest: j.latest, latestDate: isoDay(j.latestDay),
  });

  // WORSENING
  const worse = judged.filter((j) => j.instrument.startsWith("NRS_") && j.latest >= j.baseline + settings.worseningPoints);
  if (worse.length > 0) raise("WORSENING", "high", { instruments: worse.map(describe) });

  // NO_IMPROVEMENT and the reviews that build on it
  const judgeable = judged.filter((j) => j.judgeable);
  const noImprovement = judgeable.length > 0 && judgeable.every((j) => !j.improved);
  const improvementEvidence = { daysInTreatment, judgeable: judgeable.map(describe) };
  if (noImprovement && daysInTreatment >= settings.noImprovementDays) {
    raise("NO_IMPROVEMENT", daysInTreatment >= settings.noImprovementHighDays ? "high" : "warning", improvementEvidence);
  }
  if (noImprovement && daysInTreatment >= settings.secondLineDays) {
    raise("SECOND_LINE_REVIEW", "info", improvementEvidence);
    const latestPain = judged.filter((j) => j.instrument === "NRS_FIRST_STEP" || j.instrument === "NRS_ACTIVITY");
    const painful = latestPain.filter((j) => j.latest >= settings.injectionMinPain);
    const priorInjections = interventions.filter((i) => i.type === "CORTICOSTEROID_INJECTION").length;
    if (painful.length > 0 && priorInjections < settings.injectionMaxPrior) {
      raise("INJECTION_REVIEW", "info", { ...improvementEvidence, latestPain: painful.map(describe), priorInjections }, {
        da: da.INJECTION_REVIEW(priorInjections),
        en: en.INJECTION_REVIEW(priorInjections),
      });
    }
  }
  if (noImprovement && daysInTreatment >= settings.surgeryDays) raise("SURGERY_REVIEW", "info", improvementEvidence);

  // LOAD_RESPONSE: a painful HSR session, or a worse next morning, in the window up to asOf.
  const inWindow = (date: string, days: number) => now - days < day(date) && day(date) <= now;
  const mornings = morningPainByDate(outcomes.filter((o) => o.instrument === "NRS_FIRST_STEP"));
  const hsrRecent = sessions.filter((s) => s.kind === "HSR" && inWindow(s.date, settings.loadResponseWindowDays));
  const response = loadResponse(hsrRecent, mornings, settings.loadResponseMaxPain);
  if (response.hit) {
    raise("LOAD_RESPONSE", "warning", { painfulSessions: response.painfulSessions, worseNextMornings: response.worseNextMornings });
  }

  // LOW_ADHERENCE
  for (const program of programs.filter((p) => p.kind === "HSR" && p.status === "active").sort((a, b) => a.start.localeCompare(b.start))) {
    if (now - day(program.start) < settings.adherenceMinAssignmentDays) continue;
    const prescribed = program.sessionsPerWeek * (settings.adherenceWindowDays / 7);
    const completed = sessions.filter((s) => s.kind === "HSR" && s.completed && inWindow(s.date, settings.adherenceWindowDays)).length;
    if (completed < settings.adherenceMinFraction * prescribed) {
      raise("LOW_ADHERENCE", "warning", { programStart: program.start, prescribed, completed, windowDays: settings.adherenceWindowDays });
      break;
    }
  }

  // FOLLOW_UP_OVERDUE
  if (input.episode.status === "active" && latestAssessment && now - day(latestAssessment.date) > settings.followUpDays) {
    raise("FOLLOW_UP_OVERDUE", "info", { latestAssessmentDate: latestAssessment.date, daysSince: now - day(latestAssessment.date) });
  }

  // BASELINE_MISSING
  if (daysInTreatment >= settings.baselineMissingDays && outcomes.length === 0) {
    raise("BASELINE_MISSING", "info", { daysInTreatment });
  }

  // RETURN_TO_RUN_READY
  const ready = latestOnDay.find((a) => (a.walkToleranceMin ?? 0) >= settings.returnToRunWalkMinutes && a.walkNextMorningWorse === false);
  if (ready && !programs.some((p) => p.kind === "RETURN_TO_RUN" && p.status === "active")) {
    raise("RETURN_TO_RUN_READY", "info", { assessmentDate: ready.date, walkToleranceMin: ready.walkToleranceMin });
  }

  return flags.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.code.localeCompare(b.code));
}
