// How the patient is doing, for the first screen of the patient page: first-step pain and the
// function instrument measured last, each from its baseline to its latest day value exactly as
// the rules judge it (the judgements of the episode's derived state), so the page never says
// "improved" beside a NO_IMPROVEMENT flag, nor another latest pain than the caseload.
import { isoDay } from "../../clinical/calendar";
import { changeFromBaseline, FUNCTION_INSTRUMENTS } from "../../clinical/instruments";
import type { InstrumentJudgement } from "../../clinical/rules/instrument-judgement";
import type { Instrument } from "../../generated/prisma/enums";

/**
 * IMPROVED: changed by at least the MCID in the better direction; WORSE: the rules' worsening
 * (NRS only); NO_CHANGE: judgeable and neither; TOO_EARLY: under the judgeable interval since
 * baseline; BASELINE_ONLY: one measurement day so far.
 */
export type ProgressVerdict = "IMPROVED" | "WORSE" | "NO_CHANGE" | "TOO_EARLY" | "BASELINE_ONLY";

export type InstrumentProgress = {
  instrument: Instrument;
  baseline: number;
  baselineDate: string;
  latest: number;
  latestDate: string;
  /** Latest minus baseline, as measured (negative is lower). */
  change: number;
  mcid: number;
  verdict: ProgressVerdict;
};

/** One instrument from baseline to latest in the page's words; the discharge's result too. */
export function instrumentProgress(judged: InstrumentJudgement): InstrumentProgress {
  const { change, mcid } = changeFromBaseline(judged.instrument, judged.baseline, judged.latest);
  const verdict: ProgressVerdict =
    judged.latestDay === judged.baselineDay
      ? "BASELINE_ONLY"
      : judged.worse
        ? "WORSE"
        : judged.improved
          ? "IMPROVED"
          : judged.judgeable
            ? "NO_CHANGE"
            : "TOO_EARLY";
  return {
    instrument: judged.instrument,
    baseline: judged.baseline,
    baselineDate: isoDay(judged.baselineDay),
    latest: judged.latest,
    latestDate: isoDay(judged.latestDay),
    change,
    mcid,
    verdict,
  };
}

/** First-step pain, and the function instrument with the most recent measurement (the first listed on a tie). */
export function progressOverview(judged: InstrumentJudgement[]) {
  const pain = judged.find((j) => j.instrument === "NRS_FIRST_STEP");
  const functions = judged
    .filter((j) => FUNCTION_INSTRUMENTS.includes(j.instrument))
    .sort(
      (a, b) =>
        b.latestDay - a.latestDay ||
        FUNCTION_INSTRUMENTS.indexOf(a.instrument) - FUNCTION_INSTRUMENTS.indexOf(b.instrument),
    );
  return {
    pain: pain ? instrumentProgress(pain) : null,
    function: functions[0] ? instrumentProgress(functions[0]) : null,
  };
}
