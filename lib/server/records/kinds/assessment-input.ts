import { z } from "zod";

import { numberLimit, textLimit } from "../../../clinical/field-limits";
import { CHECKLIST_RED_FLAGS, FINDINGS, PAIN_LOCATIONS } from "../../../clinical/red-flags";
import { FootType } from "../../../generated/prisma/enums";
import { zChoice, zDate, zOptionalNumber, zOptionalText } from "../../../present/forms/form-input";
import type { EpisodeBounds } from "../clinical-records";

/** What each limited field accepts; the schema and the error texts read it. */
export const ASSESSMENT_FIELDS = {
  firstStepPain: numberLimit(0, 10),
  ankleDorsiflexionDeg: numberLimit(-30, 60),
  runningKmPerWeek: numberLimit(0, 300, 1),
  shoeAgeKm: numberLimit(0, 5000),
  standingHoursPerDay: numberLimit(0, 24, 1),
  walkToleranceMin: numberLimit(0, 600),
  note: textLimit(2000),
};

/**
 * The answers of a clinical test on the form. A test left unanswered was not tested: since the
 * 2026-12-05 rules an untested test neither raises nor clears anything, so a short follow-up
 * visit need not answer tests it did not do (usability walk, finding 5).
 */
export const TEST_RESULTS = ["positive", "negative", "untested"] as const;
export const CLINICAL_TESTS = [
  "palpationPositive",
  "windlassPositive",
  "calcanealSqueezePositive",
  "tinelPositive",
] as const;

const testResult = z
  .enum(TEST_RESULTS, { error: "chooseTestResult" })
  .optional()
  .transform((value) => (value === undefined || value === "untested" ? null : value === "positive"));
const yesNo = z
  .enum(["yes", "no"], { error: "invalidChoice" })
  .optional()
  .transform((value) => (value === undefined ? null : value === "yes"));
const screened = z
  .enum(["yes", "no"], { error: (issue) => (issue.input === undefined ? "required" : "invalidChoice") })
  .transform((value) => value === "yes");
const checkbox = z
  .enum(["on"])
  .optional()
  .transform((value) => value === "on");
const codes = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values, { error: "invalidChoice" }))
    .default([])
    .transform((list) => [...new Set(list)].sort());
const f = ASSESSMENT_FIELDS;

/**
 * An assessment (clinic visit) of SPEC §3, dated within the episode and not in the future.
 * Red flags need the screen to have been done, findings the differentials examined (both are
 * answered, never defaulted: SPEC §5); a visit that records nothing is refused.
 */
export function zAssessmentInput(today: () => Date) {
  return (episode: EpisodeBounds) =>
    z
      .object({
        date: zDate({ latest: today, earliest: episode.treatmentStart, earliestCode: "beforeEpisode" }),
        painLocation: zChoice(PAIN_LOCATIONS).optional(),
        firstStepPain: zOptionalNumber(f.firstStepPain),
        palpationPositive: testResult,
        windlassPositive: testResult,
        calcanealSqueezePositive: testResult,
        tinelPositive: testResult,
        ankleDorsiflexionDeg: zOptionalNumber(f.ankleDorsiflexionDeg),
        redFlagsScreened: screened,
        redFlags: codes(CHECKLIST_RED_FLAGS as unknown as readonly [string, ...string[]]),
        differentialsExamined: screened,
        findings: codes(FINDINGS),
        recentLoadChange: checkbox,
        calfTightness: checkbox,
        runningKmPerWeek: zOptionalNumber(f.runningKmPerWeek),
        shoeAgeKm: zOptionalNumber(f.shoeAgeKm),
        standingHoursPerDay: zOptionalNumber(f.standingHoursPerDay),
        footType: zChoice(Object.values(FootType) as [FootType, ...FootType[]]).optional(),
        walkToleranceMin: zOptionalNumber(f.walkToleranceMin),
        walkNextMorningWorse: yesNo,
        note: zOptionalText(f.note),
      })
      .superRefine((a, ctx) => {
        if (!a.redFlagsScreened && a.redFlags.length > 0)
          ctx.addIssue({ code: "custom", path: ["redFlags"], message: "redFlagsNotScreened" });
        if (!a.redFlagsScreened && a.calcanealSqueezePositive === true) {
          ctx.addIssue({ code: "custom", path: ["calcanealSqueezePositive"], message: "squeezeNeedsScreen" });
        }
        // Like the screen: a visit that did not examine the differentials records no finding.
        if (!a.differentialsExamined && a.findings.length > 0)
          ctx.addIssue({ code: "custom", path: ["findings"], message: "findingsNotExamined" });
        if (!a.differentialsExamined && a.tinelPositive === true)
          ctx.addIssue({ code: "custom", path: ["tinelPositive"], message: "tinelNeedsExamination" });
        const recorded = [
          a.painLocation,
          a.firstStepPain,
          a.palpationPositive,
          a.windlassPositive,
          a.calcanealSqueezePositive,
          a.tinelPositive,
          a.ankleDorsiflexionDeg,
          a.runningKmPerWeek,
          a.shoeAgeKm,
          a.standingHoursPerDay,
          a.footType,
          a.walkToleranceMin,
          a.walkNextMorningWorse,
          a.note,
        ].some((value) => value !== undefined && value !== null);
        if (!recorded && !a.redFlagsScreened && !a.differentialsExamined && !a.recentLoadChange && !a.calfTightness) {
          ctx.addIssue({ code: "custom", path: ["form"], message: "nothingRecorded" });
        }
      })
      .transform(
        ({ recentLoadChange, calfTightness, runningKmPerWeek, shoeAgeKm, standingHoursPerDay, footType, ...rest }) => ({
          ...rest,
          painLocation: rest.painLocation ?? null,
          firstStepPain: rest.firstStepPain ?? null,
          ankleDorsiflexionDeg: rest.ankleDorsiflexionDeg ?? null,
          walkToleranceMin: rest.walkToleranceMin ?? null,
          note: rest.note ?? null,
          riskFactors: { recentLoadChange, calfTightness, runningKmPerWeek, shoeAgeKm, standingHoursPerDay, footType },
        }),
      );
}
