import { z } from "zod";
import { FINDINGS, PAIN_LOCATIONS, RED_FLAGS } from "../clinical/red-flags";
import { zChoice, zDate, zOptionalNumber, zOptionalText } from "../forms/form-input";
import { FootType } from "../generated/prisma/enums";
import type { EpisodeBounds } from "../records/clinical-records";

export const ASSESSMENT_RANGES = {
  firstStepPain: [0, 10],
  runningKmPerWeek: [0, 300],
  shoeAgeKm: [0, 5000],
  standingHoursPerDay: [0, 24],
  walkToleranceMin: [0, 600],
} as const;

const yesNo = z
  .enum(["yes", "no"], { error: "invalidChoice" })
  .optional()
  .transform((value) => (value === undefined ? null : value === "yes"));
const checkbox = z.enum(["on"]).optional().transform((value) => value === "on");
const codes = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values, { error: "invalidChoice" })).default([]).transform((list) => [...new Set(list)]);
const range = (field: keyof typeof ASSESSMENT_RANGES, integer = true) =>
  zOptionalNumber(ASSESSMENT_RANGES[field][0], ASSESSMENT_RANGES[field][1], { integer });

/** An assessment (clinic visit) of SPEC §3, dated within the episode and not in the future. */
export function zAssessmentInput(today: () => Date) {
  return (episode: EpisodeBounds) =>
    z
      .object({
        date: zDate({ latest: today, earliest: episode.treatmentStart, earliestCode: "beforeEpisode" }),
        painLocation: zChoice(PAIN_LOCATIONS).optional(),
        firstStepPain: range("firstStepPain"),
        palpationPositive: yesNo,
        windlassPositive: yesNo,
        redFlags: codes(RED_FLAGS),
        findings: codes(FINDINGS),
        recentLoadChange: checkbox,
        calfTightness: checkbox,
        runningKmPerWeek: range("runningKmPerWeek", false),
        shoeAgeKm: range("shoeAgeKm"),
        standingHoursPerDay: range("standingHoursPerDay", false),
        footType: zChoice(Object.values(FootType) as [FootType, ...FootType[]]).optional(),
        walkToleranceMin: range("walkToleranceMin"),
        walkNextMorningWorse: yesNo,
        note: zOptionalText(2000),
      })
      .transform(({ recentLoadChange, calfTightness, runningKmPerWeek, shoeAgeKm, standingHoursPerDay, footType, ...rest }) => ({
        ...rest,
        painLocation: rest.painLocation ?? null,
        firstStepPain: rest.firstStepPain ?? null,
        walkToleranceMin: rest.walkToleranceMin ?? null,
        note: rest.note ?? null,
        riskFactors: { recentLoadChange, calfTightness, runningKmPerWeek, shoeAgeKm, standingHoursPerDay, footType },
      }));
}
