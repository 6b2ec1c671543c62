import { z } from "zod";

import { textLimit } from "../../../clinical/field-limits";
import { InterventionType } from "../../../generated/prisma/enums";
import { zChoice, zDate, zOptionalText } from "../../../present/forms/form-input";
import type { EpisodeBounds } from "../clinical-records";

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
