import { z } from "zod";

import { Side } from "../../generated/prisma/enums";
import { type FieldErrors, zChoice, zDate } from "../../present/forms/form-input";

export function zEpisodeInput(today: () => Date) {
  return z
    .object({
      side: zChoice(Object.values(Side) as [Side, ...Side[]]),
      symptomOnset: zDate({ latest: today, earliest: new Date("1950-01-01T00:00:00.000Z") }),
      treatmentStart: zDate({ latest: today, earliest: new Date("1950-01-01T00:00:00.000Z") }),
    })
    .refine((input) => input.treatmentStart >= input.symptomOnset, {
      path: ["treatmentStart"],
      message: "beforeOnset",
    });
}

export type TEpisodeInput = z.output<ReturnType<typeof zEpisodeInput>>;
export type EpisodeFieldErrors = FieldErrors<keyof TEpisodeInput>;

export const DISCHARGE_REASONS = [
  "RECOVERED",
  "IMPROVED_SELF_MANAGING",
  "REFERRED",
  "PATIENT_CHOICE",
  "OTHER",
] as const;

/** Why an episode is paused: a clinician pauses on purpose, and the record says why. */
export const PAUSE_REASONS = ["RED_FLAG_REFERRED", "ILLNESS", "TRAVEL", "AWAITING_ASSESSMENT", "OTHER"] as const;

export const ZEpisodeTransition = z.discriminatedUnion("action", [
  z.object({ action: z.literal("pause"), reason: zChoice(PAUSE_REASONS) }),
  z.object({ action: z.literal("resume") }),
  z.object({ action: z.literal("reopen") }),
]);
export type TEpisodeTransition = z.output<typeof ZEpisodeTransition>;
