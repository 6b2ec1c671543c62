// What the clinic report needs of one episode, worked out from its rows when they change and
// stored beside them (decision record 017): the report then counts stored facts instead of
// reading a year of measurements. Nothing here depends on the day the report is read; what
// does (which milestones have passed, how many program weeks have run) the report works out.
import type { RuleCase } from "../rules/case";
import type { RuleSettings } from "../rules/settings";
import { type HsrCourse, hsrCourse } from "./adherence";
import { judgeAtMilestone, type MilestoneJudgement } from "./milestones";
import { type RecoveryTime, recoveryTime } from "./recovery";
import { weeklyPain } from "./weekly-pain";

/** Bump when a definition below changes: every episode's facts are then worked out again. */
export const REPORT_FACTS_VERSION = 1;

/** The settings the facts depend on; a change of any of them makes them out of date. */
export const REPORT_SETTINGS = ["judgeableDays", "recoveredPain"] as const satisfies readonly (keyof RuleSettings)[];

/** Names the version and the settings a set of facts was made with. */
export function reportFactsKey(settings: RuleSettings): string {
  return [`v${REPORT_FACTS_VERSION}`, ...REPORT_SETTINGS.map((name) => `${name}=${settings[name]}`)].join(";");
}

export type ReportInput = {
  treatmentStart: string;
  dischargedAt: string | null;
  outcomes: RuleCase["outcomes"];
  /** The episode's first HSR program and its logged sessions. */
  hsr: {
    start: string;
    sessionsPerWeek: number;
    weeks: number;
    endedAt: string | null;
    sessions: { date: string; completed: boolean }[];
  } | null;
};

export type EpisodeFacts = {
  week6: MilestoneJudgement;
  week12: MilestoneJudgement;
  recovery: RecoveryTime | null;
  /** The HSR program's start, its weekly pain (weeks 0…length) and its sessions. */
  program: { start: string; weeklyPain: (number | null)[]; course: HsrCourse } | null;
};

export function episodeFacts(input: ReportInput, settings: RuleSettings): EpisodeFacts {
  const { treatmentStart, dischargedAt, outcomes, hsr } = input;
  // The program stops counting at discharge as well as at its own end.
  const endedOn = [hsr?.endedAt, dischargedAt].filter((d): d is string => Boolean(d)).sort()[0] ?? null;
  return {
    week6: judgeAtMilestone(outcomes, treatmentStart, 6, settings),
    week12: judgeAtMilestone(outcomes, treatmentStart, 12, settings),
    recovery: recoveryTime(outcomes, treatmentStart, dischargedAt, settings),
    program: hsr && {
      start: hsr.start,
      weeklyPain: weeklyPain(outcomes, hsr.start, hsr.weeks),
      course: hsrCourse(
        { start: hsr.start, sessionsPerWeek: hsr.sessionsPerWeek, weeks: hsr.weeks, endedOn },
        hsr.sessions,
      ),
    },
  };
}
