// The day's value (SPEC §5, revision 2026-12-05): where an instrument has several measurements
// on one date (a clinic measurement and a diary entry, say), that date counts once, with the
// worst of its values: the highest for a lower-is-better instrument, the lowest for a
// higher-is-better one. Baseline, latest, the mornings of the load rule and every threshold
// read this one definition, so the caseload, the charts, the report and the rules agree.
import type { Instrument, RecordedBy } from "../generated/prisma/enums";
import { dayNumber } from "./calendar";
import { INSTRUMENTS } from "./instruments";

export type Measurement = { date: string; instrument: Instrument; value: number; recordedBy: RecordedBy };

export type DayValue = {
  day: number;
  /** The worst of the date's values. */
  value: number;
  /** The worst of the date's clinic measurements, or null where only the patient logged one. */
  clinician: number | null;
};

/** The worse of two values of an instrument. */
export function worse(instrument: Instrument, a: number, b: number): number {
  return INSTRUMENTS[instrument].better === "lower" ? Math.max(a, b) : Math.min(a, b);
}

/** Each instrument's day values, in date order. */
export function dayValuesByInstrument(outcomes: readonly Measurement[]): Map<Instrument, DayValue[]> {
  const byInstrument = new Map<Instrument, Map<number, DayValue>>();
  for (const o of outcomes) {
    let days = byInstrument.get(o.instrument);
    if (!days) byInstrument.set(o.instrument, (days = new Map()));
    const day = dayNumber(o.date);
    const current = days.get(day);
    const clinician = o.recordedBy === "CLINICIAN" ? o.value : null;
    if (!current) {
      days.set(day, { day, value: o.value, clinician });
    } else {
      current.value = worse(o.instrument, current.value, o.value);
      if (clinician !== null)
        current.clinician = current.clinician === null ? clinician : worse(o.instrument, current.clinician, clinician);
    }
  }
  return new Map(
    [...byInstrument].map(([instrument, days]) => [instrument, [...days.values()].sort((a, b) => a.day - b.day)]),
  );
}

/** One instrument's day values, in date order, up to and including `lastDay`. */
export function dayValues(outcomes: readonly Measurement[], instrument: Instrument, lastDay = Infinity): DayValue[] {
  return (dayValuesByInstrument(outcomes.filter((o) => o.instrument === instrument)).get(instrument) ?? []).filter(
    (d) => d.day <= lastDay,
  );
}

/** How many of `days` (in date order) fall on or before `day`: a binary search. */
export function countUpTo(days: readonly { day: number }[], day: number): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (days[mid]!.day <= day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The day's value on `day` exactly, or undefined when the instrument was not measured that day. */
export function valueOn(days: readonly DayValue[], day: number): number | undefined {
  const index = countUpTo(days, day) - 1;
  return index >= 0 && days[index]!.day === day ? days[index]!.value : undefined;
}
