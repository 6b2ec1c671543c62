// How an outcome form presents each instrument: its name, its scale, which way is better and
// its MCID under the label, and its sources. The measurements form, the correction form and the
// discharge's final measurements show the same words.
import { INSTRUMENTS } from "../../clinical/instruments";
import { citation } from "../../clinical/references";
import { Instrument } from "../../generated/prisma/enums";
import type { Messages } from "../i18n";

export type InstrumentInfo = { value: Instrument; label: string; about: string; source: string };

/** The given instruments (every one by default), in the order given. */
export function instrumentInfos(
  messages: Messages,
  instruments: readonly Instrument[] = Object.values(Instrument),
): InstrumentInfo[] {
  const o = messages.outcome;
  return instruments.map((value) => {
    const spec = INSTRUMENTS[value];
    return {
      value,
      label: messages.instrument[value],
      about: spec.ratesChange
        ? o.aboutChange
        : o.about(
            `${spec.min}–${spec.max}`,
            spec.better === "lower" ? o.betterLower : o.betterHigher,
            spec.mcidFraction ? o.mcidNrs : o.mcidPoints(spec.mcidPoints),
          ),
      source: o.source(
        spec.sources.map((key) => (key === "CLINIC_DEFAULT" ? messages.flags.clinicDefault : citation(key))).join(" "),
      ),
    };
  });
}
