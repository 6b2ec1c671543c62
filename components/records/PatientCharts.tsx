"use client";
import { useEffect, useMemo, useState } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import type { Locale } from "@/lib/generated/prisma/enums";
import { groupMarkers, type Marker, type Point } from "@/lib/present/charts/chart-series";
import { formatShortDate } from "@/lib/present/i18n/format";

import { useMessages } from "../i18n/MessagesProvider";

export type ChartSeries = { key: string; label: string; points: Point[]; style: "diary" | "clinic" | "secondary" };
export type ChartBaseline = { value: number; low: number; high: number; label: string };
export type ChartPanel = {
  key: string;
  label: string;
  max: number;
  series: ChartSeries[];
  baseline: ChartBaseline | null;
  /** The value axis's label, drawn along it (the portal's chart says what its numbers are). */
  yLabel?: string;
};

// The colours are the design tokens of globals.css (decision record 013); so is the chart's
// height (.outcome-chart), which grows on a phone, where the legend wraps onto several lines.

const COLOURS = { diary: "var(--chart-diary)", clinic: "var(--chart-clinic)", secondary: "var(--chart-secondary)" };

/** Props that never change, made once: Recharts redoes its work for a prop whose reference changes. */
const MARGIN = { top: 24, right: 16, bottom: 8, left: 0 };
const X_PADDING = { left: 40, right: 12 };
const CLINIC_DOT = { r: 4 };
const LABEL_STYLE = { fontSize: 11, fill: "var(--ink)" };
/** The value axis is wider when it carries a label beside its numbers. */
const Y_AXIS_WIDTH = 40;
const Y_AXIS_WIDTH_LABELLED = 56;

/**
 * The parts of a chart in the order they are drawn, one browser task each (useStage): axes,
 * each line in turn, reference band and markers, legend, tooltip. Recharts registers every
 * part in its store as it mounts and draws the chart again for each one; mounting them all at
 * once made one task of ~150 ms on two years of daily values. In steps, the longest is the
 * first line's, ~50–90 ms (npm run bench:chart; decision record 018).
 */
function stagesFor(lines: number) {
  return { lines: 1, references: 1 + lines, legend: 2 + lines, tooltip: 3 + lines, last: 3 + lines };
}

/** Counts from 0 to `last`, one step per task, so the browser can paint and answer input between steps. */
function useStage(last: number): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (stage >= last) return;
    const timer = setTimeout(() => setStage(stage + 1), 0);
    return () => clearTimeout(timer);
  }, [stage, last]);
  return stage;
}

/**
 * One panel. Markers are drawn as thin lines labelled with their number only (the list under
 * the charts names them), so labels never crowd or run off the edge; the band of no meaningful
 * change is explained beside the chart rather than labelled inside it.
 *
 * Every object and function handed to Recharts keeps its reference from render to render
 * (constants above, useMemo below): Recharts works out every point again when one of them
 * changes (Recharts' performance guide). The chart is busy (aria-busy) until every part is drawn.
 */
export function OutcomeChart({ panel, markers, locale }: { panel: ChartPanel; markers: Marker[]; locale: Locale }) {
  const stages = useMemo(() => stagesFor(panel.series.length), [panel.series.length]);
  const stage = useStage(stages.last);
  const drawing = useMemo(() => {
    const times = [
      ...panel.series.flatMap((series) => series.points.map((point) => point.t)),
      ...markers.map((m) => m.t),
    ];
    return {
      xDomain: [Math.min(...times), Math.max(...times)] as [number, number],
      yDomain: [0, panel.max] as [number, number],
      formatDay: (t: unknown) => formatShortDate(new Date(Number(t)), locale),
      yLabel: panel.yLabel
        ? {
            value: panel.yLabel,
            angle: -90,
            position: "insideLeft" as const,
            style: { textAnchor: "middle" as const },
            ...LABEL_STYLE,
          }
        : undefined,
      baselineLabel: panel.baseline
        ? { value: panel.baseline.label, position: "insideTopLeft" as const, ...LABEL_STYLE }
        : undefined,
      markers: groupMarkers(markers).map((group) => ({
        ...group,
        label: { value: group.numbers.join(","), position: "top" as const, ...LABEL_STYLE },
      })),
    };
  }, [panel, markers, locale]);
  return (
    <div role="img" aria-label={panel.label} aria-busy={stage < stages.last} className="chart outcome-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={drawing.xDomain}
            padding={X_PADDING}
            tickFormatter={drawing.formatDay}
            allowDuplicatedCategory={false}
          />
          <YAxis
            domain={drawing.yDomain}
            width={panel.yLabel ? Y_AXIS_WIDTH_LABELLED : Y_AXIS_WIDTH}
            label={drawing.yLabel}
          />
          {stage >= stages.tooltip && <Tooltip labelFormatter={drawing.formatDay} />}
          {stage >= stages.legend && <Legend />}
          {stage >= stages.references && panel.baseline && (
            <>
              <ReferenceArea
                y1={panel.baseline.low}
                y2={panel.baseline.high}
                fill="var(--chart-clinic)"
                fillOpacity={0.08}
                ifOverflow="extendDomain"
              />
              <ReferenceLine
                y={panel.baseline.value}
                stroke="var(--chart-clinic)"
                strokeDasharray="5 4"
                label={drawing.baselineLabel}
              />
            </>
          )}
          {stage >= stages.references &&
            drawing.markers.map((group) => (
              <ReferenceLine
                key={`${group.t}`}
                x={group.t}
                stroke={group.kind === "intervention" ? "var(--chart-intervention)" : "var(--chart-phase)"}
                strokeDasharray={group.kind === "phase" ? "2 3" : undefined}
                label={group.label}
              />
            ))}
          {panel.series.map(
            (series, i) =>
              stage >= stages.lines + i && (
                <Line
                  key={series.key}
                  data={series.points}
                  dataKey="value"
                  name={series.label}
                  type="linear"
                  stroke={COLOURS[series.style]}
                  strokeWidth={series.style === "diary" ? 1.5 : 2.5}
                  dot={series.style === "diary" ? false : CLINIC_DOT}
                  isAnimationActive={false}
                  connectNulls
                />
              ),
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/**
 * Draws its chart once the page has hydrated and the browser is free: the pain chart first,
 * the function chart at the next idle moment, so neither blocks the first paint or the other
 * (Recharts draws in one go once it has measured its container).
 */
function useDrawn(order: 1 | 2): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (order === 1) {
      const timer = setTimeout(() => setDrawn(true), 0);
      return () => clearTimeout(timer);
    }
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 50));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => setDrawn(true));
    return () => cancel(handle);
  }, [order]);
  return drawn;
}

/** First-step and activity pain over time, from the clinic and the patient's diary. */
export function PainChart({ panel, markers, locale }: { panel: ChartPanel | null; markers: Marker[]; locale: Locale }) {
  const noData = useMessages().charts.noData;
  const drawn = useDrawn(1);
  if (!panel) return <p>{noData}</p>;
  return drawn ? (
    <OutcomeChart panel={panel} markers={markers} locale={locale} />
  ) : (
    <div className="chart outcome-chart" aria-busy="true" />
  );
}

/** One function instrument at a time, chosen from those measured. */
export function FunctionChart({
  panels,
  markers,
  locale,
}: {
  panels: ChartPanel[];
  markers: Marker[];
  locale: Locale;
}) {
  const messages = useMessages();
  const text = { instrument: messages.charts.functionInstrument, noData: messages.charts.noData };
  const [chosen, setChosen] = useState(panels[0]?.key ?? "");
  const drawn = useDrawn(2);
  const panel = panels.find((candidate) => candidate.key === chosen);
  if (panels.length === 0) return <p>{text.noData}</p>;
  return (
    <>
      <div className="field inline-field">
        <label htmlFor="function-instrument">{text.instrument}</label>
        <select id="function-instrument" value={chosen} onChange={(event) => setChosen(event.target.value)}>
          {panels.map((option) => (
            <option key={option.key} value={option.key}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {panel &&
        (drawn ? (
          <OutcomeChart panel={panel} markers={markers} locale={locale} />
        ) : (
          <div className="chart outcome-chart" aria-busy="true" />
        ))}
    </>
  );
}
