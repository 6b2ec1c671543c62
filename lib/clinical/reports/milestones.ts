// Improvement at 6 and 12 weeks (SPEC §7): each instrument is judged on its latest
// measurement on or before day 42 (84) against its baseline, as the rules judge it on that
// day, so the report and NO_IMPROVEMENT cannot disagree about the same episode.
import type { Instrument } from "../../generated/prisma/enums";
import { dayNumber, isoDay } from "../calendar";
import type { RuleCase } from "../rules/case";
import { type Improvement, improvementOf, judgeInstruments } from "../rules/instrument-judgement";
import type { RuleSettings } from "../rules/settings";
import { MILESTONE_WEEKS, type MilestoneWeek } from "./milestone-weeks";

export { MILESTONE_WEEKS, type MilestoneWeek };

export type MilestoneJudgement = {
  improvement: Improvement;
  /** The instruments judgeable at the milestone, and those of them that improved. */
  judged: Instrument[];
  improved: Instrument[];
};

/** The day of the milestone: treatment start plus its weeks. */
export const milestoneDate = (treatmentStart: string, weeks: MilestoneWeek) =>
  isoDay(dayNumber(treatmentStart) + weeks * 7);

export function judgeAtMilestone(
  outcomes: RuleCase["outcomes"],
  treatmentStart: string,
  weeks: MilestoneWeek,
  settings: RuleSettings,
): MilestoneJudgement {
  const judged = judgeInstruments(outcomes, milestoneDate(treatmentStart, weeks), settings).filter((j) => j.judgeable);
  return {
    improvement: improvementOf(judged),
    judged: judged.map((j) => j.instrument),
    improved: judged.filter((j) => j.improved).map((j) => j.instrument),
  };
}
