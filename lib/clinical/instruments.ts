// The outcome instruments of SPEC §4: range, which direction is better, the minimal
// clinically important difference (MCID) and its source. Plain data and functions, shared by
// the forms, the charts and the rules.
import type { Instrument } from "../generated/prisma/enums";
import type { ReferenceKey } from "./references";

export type InstrumentSpec = {
  min: number;
  max: number;
  better: "lower" | "higher";
  /** Meaningful change in points; NRS also counts a change of `mcidFraction` of the baseline. */
  mcidPoints: number;
  mcidFraction?: number;
  /** Decimals allowed in a value. */
  decimals: number;
  /** Its unit in UCUM, as exports state it: a percentage or a score. */
  unit: "%" | "{score}";
  /** Where the MCID comes from (lib/clinical/references.ts). */
  sources: ReferenceKey[];
  /**
   * A rating of change itself (the global rating of change): never compared with a baseline, so
   * the rules and the charts leave it out; its `mcidPoints` is the rating a patient calls a
   * success ("better" or more).
   */
  ratesChange?: true;
};

export const INSTRUMENTS: Record<Instrument, InstrumentSpec> = {
  // First-step pain also has a heel-pain anchor: Landorf 2010 found a minimal important difference of about 2 points (19 mm on a VAS).
  NRS_FIRST_STEP: {
    min: 0,
    max: 10,
    better: "lower",
    mcidPoints: 2,
    mcidFraction: 0.3,
    decimals: 0,
    unit: "{score}",
    sources: ["FARRAR_2001", "SALAFFI_2004", "LANDORF_2010"],
  },
  NRS_ACTIVITY: {
    min: 0,
    max: 10,
    better: "lower",
    mcidPoints: 2,
    mcidFraction: 0.3,
    decimals: 0,
    unit: "{score}",
    sources: ["FARRAR_2001", "SALAFFI_2004"],
  },
  FAAM_ADL: { min: 0, max: 100, better: "higher", mcidPoints: 8, decimals: 1, unit: "%", sources: ["MARTIN_2005"] },
  FAAM_SPORT: { min: 0, max: 100, better: "higher", mcidPoints: 9, decimals: 1, unit: "%", sources: ["MARTIN_2005"] },
  FFI: { min: 0, max: 100, better: "lower", mcidPoints: 7, decimals: 1, unit: "%", sources: ["LANDORF_RADFORD_2008"] },
  FHSQ_PAIN: {
    min: 0,
    max: 100,
    better: "higher",
    mcidPoints: 13,
    decimals: 1,
    unit: "{score}",
    sources: ["LANDORF_RADFORD_2008", "LANDORF_2010"],
  },
  FHSQ_FUNCTION: {
    min: 0,
    max: 100,
    better: "higher",
    mcidPoints: 7,
    decimals: 1,
    unit: "{score}",
    sources: ["LANDORF_RADFORD_2008", "LANDORF_2010"],
  },
  PSFS: {
    min: 0,
    max: 10,
    better: "higher",
    mcidPoints: 2,
    decimals: 1,
    unit: "{score}",
    sources: ["ABBOTT_SCHMITT_2014"],
  },
  LEFS: { min: 0, max: 80, better: "higher", mcidPoints: 9, decimals: 0, unit: "{score}", sources: ["BINKLEY_1999"] },
  // A 7-point scale, −3 "much worse" to +3 "much better", the patient's own judgement of change
  // since the start: the anchor of the MCID studies (Landorf 2010) and of treatment success.
  GLOBAL_CHANGE: {
    min: -3,
    max: 3,
    better: "higher",
    mcidPoints: 2,
    decimals: 0,
    unit: "{score}",
    sources: ["KAMPER_2009", "LANDORF_2010"],
    ratesChange: true,
  },
};

export const PAIN_INSTRUMENTS: Instrument[] = ["NRS_FIRST_STEP", "NRS_ACTIVITY"];
export const FUNCTION_INSTRUMENTS: Instrument[] = [
  "FAAM_ADL",
  "FAAM_SPORT",
  "FFI",
  "FHSQ_PAIN",
  "FHSQ_FUNCTION",
  "PSFS",
  "LEFS",
];

/** The smallest change from `baseline` that counts as meaningful (SPEC §4/§5). */
export function mcidFrom(instrument: Instrument, baseline: number): number {
  const spec = INSTRUMENTS[instrument];
  return spec.mcidFraction !== undefined && baseline > 0
    ? Math.min(spec.mcidPoints, spec.mcidFraction * baseline)
    : spec.mcidPoints;
}

/**
 * How far an instrument moved from its baseline: `change` is latest minus baseline as measured,
 * `gain` the same in the instrument's better direction (positive is better), and `improved`
 * whether the gain reaches the MCID (SPEC §5 "improved"). The rules, the patient page and the
 * report read this one definition.
 */
export function changeFromBaseline(instrument: Instrument, baseline: number, latest: number) {
  const change = latest - baseline;
  const gain = INSTRUMENTS[instrument].better === "lower" ? -change : change;
  const mcid = mcidFrom(instrument, baseline);
  // A tolerance for sums like 0.3 × 5 that binary fractions cannot hold exactly.
  return { change, gain, mcid, improved: gain >= mcid - 1e-9 };
}

/**
 * The band around a baseline inside which a change is not yet meaningful, clipped to the
 * instrument's range: values beyond it on the better side are an improvement.
 */
export function mcidBand(instrument: Instrument, baseline: number): { low: number; high: number } {
  const spec = INSTRUMENTS[instrument];
  const mcid = mcidFrom(instrument, baseline);
  return { low: Math.max(spec.min, baseline - mcid), high: Math.min(spec.max, baseline + mcid) };
}

/** Whether a value fits the instrument's range and precision. */
export function isValidValue(instrument: Instrument, value: number): boolean {
  const spec = INSTRUMENTS[instrument];
  const scale = 10 ** spec.decimals;
  return (
    Number.isFinite(value) &&
    value >= spec.min &&
    value <= spec.max &&
    Math.abs(Math.round(value * scale) - value * scale) < 1e-9
  );
}
