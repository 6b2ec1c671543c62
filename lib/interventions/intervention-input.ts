import { z } from "zod";

import { textLimit } from "../forms/field-limits";
import { zChoice, zDate, zOptionalText } from "../forms/form-input";
import { InterventionType } from "../generated/prisma/enums";
import type { EpisodeBounds } from "../records/clinical-records";

export const INTERVENTION_FIELDS = { note: textLimit(1000) };

export function zInterventionInput(today: () => Date) {
  return (episode: EpisodeBounds) =>
    z
      .object({
        date: zDate({ latest: today, earliest: episode.treatmentStart, earliestCode: "beforeEpisode" }),
        type: zChoice(Object.values(InterventionType) as [InterventionType, ...InterventionType[]]),
        note: zOptionalText(INTERVENTION_FIELDS.note),
      })
      .transform((input) => ({ ...input, note: input.note ?? null }));
}
