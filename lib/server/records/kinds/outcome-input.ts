import { z } from "zod";

import { type FieldLimits, numberLimit, textLimit } from "../../../clinical/field-limits";
import { INSTRUMENTS, isValidValue } from "../../../clinical/instruments";
import { Prisma } from "../../../generated/prisma/client";
import { Instrument } from "../../../generated/prisma/enums";
import { zChoice, zDate, zOptionalNumber, zOptionalText } from "../../../present/forms/form-input";
import { parseNumber } from "../../../present/forms/parse-number";
import type { EpisodeBounds } from "../clinical-records";

/** The PSFS asks for three to five activities the patient finds hard (Stratford 1995). */
export const PSFS_MAX_ITEMS = 5;

/**
 * The decimals a percentage score may be typed with: any, as a calculator shows 10 of 30
 * (33,333… %); it is stored rounded to its instrument's (issue 45: any decimals accepted).
 */
const SCORE_DECIMALS_TYPED = Number.POSITIVE_INFINITY;

const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** An activity in the patient's words, in a measurement and in the weekly check-in alike. */
export const PSFS_ACTIVITY = textLimit(120);
const PSFS_SCORE = numberLimit(0, 10);
const zPsfsItem = z.object({ activity: zOptionalText(PSFS_ACTIVITY), score: zOptionalNumber(PSFS_SCORE) });

/**
 * A clinician's outcome measurement. For PSFS the patient's own activities (1–5, each scored
 * 0–10) are kept and the value is their mean; for the others the total is entered.
 */
export function zOutcomeInput(today: () => Date) {
  return (episode: EpisodeBounds) =>
    z
      .object({
        date: zDate({ latest: today, earliest: episode.treatmentStart, earliestCode: "beforeEpisode" }),
        instrument: zChoice(Object.values(Instrument) as [Instrument, ...Instrument[]]),
        value: z.string().optional(),
        psfs: z.array(zPsfsItem).max(PSFS_MAX_ITEMS).default([]),
      })
      .transform((input, ctx) => {
        if (input.instrument === "PSFS") {
          const items = [];
          for (const [index, item] of input.psfs.entries()) {
            if (!item.activity && item.score === undefined) continue;
            if (!item.activity) ctx.addIssue({ code: "custom", path: [`psfs.${index}.activity`], message: "required" });
            if (item.score === undefined)
              ctx.addIssue({ code: "custom", path: [`psfs.${index}.score`], message: "required" });
            items.push({ activity: item.activity ?? "", score: item.score ?? 0 });
          }
          if (items.length === 0) ctx.addIssue({ code: "custom", path: ["psfs.0.activity"], message: "required" });
          const mean = items.reduce((sum, item) => sum + item.score, 0) / Math.max(items.length, 1);
          return {
            date: input.date,
            instrument: input.instrument,
            value: Math.round(mean * 10) / 10,
            psfsItems: items,
          };
        }
        const spec = INSTRUMENTS[input.instrument];
        // A score kept with decimals takes the score as its questionnaire works it out (FAAM
        // sport 10 of 32 = 31,25 %) and keeps it as the instrument is recorded (31,3 %); a
        // whole-number scale still refuses a fraction rather than guess what was meant.
        const typedDecimals = spec.decimals > 0 ? SCORE_DECIMALS_TYPED : 0;
        const parsed = input.value === undefined ? null : parseNumber(input.value, typedDecimals);
        const value = parsed?.ok ? roundTo(parsed.value, spec.decimals) : Number.NaN;
        if (!parsed) ctx.addIssue({ code: "custom", path: ["value"], message: "required" });
        else if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["value"], message: parsed.error });
        else if (!isValidValue(input.instrument, value))
          ctx.addIssue({ code: "custom", path: ["value"], message: "outOfRange" });
        // DbNull clears the activities of a PSFS value corrected into another instrument.
        return { date: input.date, instrument: input.instrument, value, psfsItems: Prisma.DbNull };
      });
}

/**
 * What each outcome field accepts; the value's limits are the chosen instrument's, with the
 * decimals it may be typed with (any, for a score kept with decimals), so the error's rule
 * says what is accepted.
 */
export function outcomeFields(instrument: Instrument | undefined): FieldLimits {
  const fields: FieldLimits = {};
  if (instrument) {
    const spec = INSTRUMENTS[instrument];
    fields.value = numberLimit(spec.min, spec.max, spec.decimals > 0 ? SCORE_DECIMALS_TYPED : 0);
  }
  for (let i = 0; i < PSFS_MAX_ITEMS; i += 1) {
    fields[`psfs.${i}.score`] = PSFS_SCORE;
    fields[`psfs.${i}.activity`] = PSFS_ACTIVITY;
  }
  return fields;
}
