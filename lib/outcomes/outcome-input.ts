import { z } from "zod";
import { INSTRUMENTS, isValidValue } from "../clinical/instruments";
import { zChoice, zDate, zOptionalText } from "../forms/form-input";
import { Prisma } from "../generated/prisma/client";
import { Instrument } from "../generated/prisma/enums";
import type { EpisodeBounds } from "../records/clinical-records";

export const PSFS_MAX_ITEMS = 5;

const zPsfsItem = z.object({ activity: zOptionalText(120), score: z.string().optional() });

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
            const score = Number(item.score?.replace(",", "."));
            if (!item.activity) ctx.addIssue({ code: "custom", path: [`psfs.${index}.activity`], message: "required" });
            if (item.score === undefined) ctx.addIssue({ code: "custom", path: [`psfs.${index}.score`], message: "required" });
            else if (!Number.isInteger(score) || score < 0 || score > 10) ctx.addIssue({ code: "custom", path: [`psfs.${index}.score`], message: "outOfRange" });
            items.push({ activity: item.activity ?? "", score });
          }
          if (items.length === 0) ctx.addIssue({ code: "custom", path: ["psfs.0.activity"], message: "required" });
          const mean = items.reduce((sum, item) => sum + item.score, 0) / Math.max(items.length, 1);
          return { date: input.date, instrument: input.instrument, value: Math.round(mean * 10) / 10, psfsItems: items };
        }
        const value = Number(input.value?.replace(",", "."));
        if (input.value === undefined) ctx.addIssue({ code: "custom", path: ["value"], message: "required" });
        else if (!Number.isFinite(value)) ctx.addIssue({ code: "custom", path: ["value"], message: "notANumber" });
        else if (!isValidValue(input.instrument, value)) ctx.addIssue({ code: "custom", path: ["value"], message: "outOfRange" });
        // DbNull clears the activities of a PSFS value corrected into another instrument.
        return { date: input.date, instrument: input.instrument, value, psfsItems: Prisma.DbNull };
      });
}

/** The allowed range of an outcome field, for its error text. */
export function outcomeRanges(instrument: Instrument | undefined): Record<string, readonly [number, number]> {
  const ranges: Record<string, readonly [number, number]> = {};
  if (instrument) ranges.value = [INSTRUMENTS[instrument].min, INSTRUMENTS[instrument].max];
  for (let i = 0; i < PSFS_MAX_ITEMS; i += 1) ranges[`psfs.${i}.score`] = [0, 10];
  return ranges;
}
