// The numbers behind the patient page's charts, computed from an episode's rows; the chart
// component only draws them. Times are milliseconds since the epoch (UTC dates).
import { dayValuesByInstrument } from "../../clinical/day-values";
import { mcidBand } from "../../clinical/instruments";
import { ZProgramContent } from "../../clinical/programs/default-templates";
import type { Instrument, ProgramKind, RecordedBy } from "../../generated/prisma/enums";
import { addDays, isoDate } from "../../platform/dates";

export type Point = { t: number; value: number };
export type Series = {
  instrument: Instrument;
  recordedBy: RecordedBy;
  points: Point[];
};
export type Baseline = { instrument: Instrument; value: number; low: number; high: number };
export type Marker = { t: number; kind: "phase" | "intervention"; label: string };
/** Markers of one date drawn as one line, numbered; the list under the chart names them. */
export type MarkerGroup = { t: number; numbers: number[]; kind: Marker["kind"] };

type OutcomeRow = {
  date: Date;
  instrument: Instrument;
  value: number | { toString(): string };
  recordedBy: RecordedBy;
};

/** One series per instrument and source (patient diary or clinic), ordered by date. */
export function outcomeSeries(outcomes: OutcomeRow[]): Series[] {
  const byKey = new Map<string, Series>();
  for (const row of [...outcomes].sort((a, b) => a.date.getTime() - b.date.getTime())) {
    const key = `${row.instrument}:${row.recordedBy}`;
    const series = byKey.get(key) ?? { instrument: row.instrument, recordedBy: row.recordedBy, points: [] };
    series.points.push({ t: row.date.getTime(), value: Number(row.value) });
    byKey.set(key, series);
  }
  return [...byKey.values()];
}

/**
 * Each instrument's baseline and its band of no meaningful change: the day's value of its
 * earliest date (the worst of that date's values, whatever their source), as the rules take it.
 */
export function baselines(outcomes: OutcomeRow[]): Baseline[] {
  const days = dayValuesByInstrument(
    outcomes.map((row) => ({
      date: isoDate(row.date),
      instrument: row.instrument,
      value: Number(row.value),
      recordedBy: row.recordedBy,
    })),
  );
  return [...days].map(([instrument, [first]]) => ({
    instrument,
    value: first!.value,
    ...mcidBand(instrument, first!.value),
  }));
}

type Assignment = { kind: ProgramKind; startDate: Date; endedAt: Date | null; content: unknown };

/**
 * The start of each phase of each program, from the assignment's own phases (an adjusted copy
 * has its own weeks), up to the program's end and `until`; and each intervention.
 */
export function timeMarkers(
  assignments: Assignment[],
  interventions: { date: Date; label: string }[],
  phaseLabel: (kind: ProgramKind, phase: number) => string,
  until: Date,
): Marker[] {
  const markers: Marker[] = [];
  for (const assignment of assignments) {
    const content = ZProgramContent.safeParse(assignment.content);
    const phases = content.success ? content.data.phases : [];
    const last = Math.min(until.getTime(), assignment.endedAt?.getTime() ?? Infinity);
    phases.forEach((phase, index) => {
      const t = addDays(assignment.startDate, (phase.weeks[0] - 1) * 7).getTime();
      if (t <= last) markers.push({ t, kind: "phase", label: phaseLabel(assignment.kind, index + 1) });
    });
  }
  for (const intervention of interventions)
    markers.push({ t: intervention.date.getTime(), kind: "intervention", label: intervention.label });
  return markers.sort((a, b) => a.t - b.t);
}

/** Markers numbered 1, 2, … in time order, one group per date (an intervention outranks a phase). */
export function groupMarkers(markers: Marker[]): MarkerGroup[] {
  const groups: MarkerGroup[] = [];
  markers.forEach((marker, index) => {
    const group = groups.at(-1);
    if (group && group.t === marker.t) {
      group.numbers.push(index + 1);
      if (marker.kind === "intervention") group.kind = "intervention";
    } else {
      groups.push({ t: marker.t, numbers: [index + 1], kind: marker.kind });
    }
  });
  return groups;
}

/**
 * At most about `maxPoints` points for drawing: each bucket of consecutive points keeps its
 * lowest and highest value, in time order, so peaks and the shape survive. Two years of daily
 * values otherwise cost the browser hundreds of milliseconds to draw; the data table beside
 * the chart still lists every value.
 */
export function decimate(points: Point[], maxPoints: number): Point[] {
  if (points.length <= maxPoints) return points;
  const size = Math.ceil(points.length / Math.floor(maxPoints / 2));
  const kept: Point[] = [];
  for (let start = 0; start < points.length; start += size) {
    const bucket = points.slice(start, start + size);
    let low = bucket[0]!;
    let high = bucket[0]!;
    for (const point of bucket) {
      if (point.value < low.value) low = point;
      if (point.value > high.value) high = point;
    }
    kept.push(...(low === high ? [low] : low.t < high.t ? [low, high] : [high, low]));
  }
  return kept;
}
