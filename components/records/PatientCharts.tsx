"use client";
import { useEffect, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { groupMarkers, type Marker, type Point } from "@/lib/charts/chart-series";

export type ChartSeries = { key: string; label: string; points: Point[]; style: "diary" | "clinic" | "secondary" };
export type ChartBaseline = { value: number; low: number; high: number; label: string };
export type ChartPanel = { key: string; label: string; max: number; series: ChartSeries[]; baseline: ChartBaseline | null };

// The colours are the design tokens of globals.css (decision record 013).
/** Tall enough to read a 0–10 scale, short enough to share the first screen with the overview. */
const CHART_HEIGHT = 280;

const COLOURS = { diary: "var(--chart-diary)", clinic: "var(--chart-clinic)", secondary: "var(--chart-secondary)" };

function formatDay(t: number, locale: string) {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date(t));
}

/**
 * One panel. Markers are drawn as thin lines labelled with their number only (the list under
 * the charts names them), so labels never crowd or run off the edge; the band of no meaningful
 * change is explained beside the chart rather than labelled inside it.
 */
export function OutcomeChart({ panel, markers, locale }: { panel: ChartPanel; markers: Marker[]; locale: string }) {
  const times = panel.series.flatMap((series) => series.points.map((point) => point.t));
  const domain: [number, number] = [Math.min(...times, ...markers.map((m) => m.t)), Math.max(...times, ...markers.map((m) => m.t))];
  return (
    <div role="img" aria-label={panel.label} className="chart">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart margin={{ top: 24, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
          <XAxis dataKey="t" type="number" scale="time" domain={domain} padding={{ left: 40, right: 12 }} tickFormatter={(t: number) => formatDay(t, locale)} allowDuplicatedCategory={false} />
          <YAxis domain={[0, panel.max]} width={40} />
          <Tooltip labelFormatter={(t) => formatDay(Number(t), locale)} />
          <Legend />
          {panel.baseline && (
            <>
              <ReferenceArea y1={panel.baseline.low} y2={panel.baseline.high} fill="var(--chart-clinic)" fillOpacity={0.08} ifOverflow="extendDomain" />
              <ReferenceLine y={panel.baseline.value} stroke="var(--chart-clinic)" strokeDasharray="5 4" label={{ value: panel.baseline.label, position: "insideTopLeft", fontSize: 11, fill: "var(--ink)" }} />
            </>
          )}
          {groupMarkers(markers).map((group) => (
            <ReferenceLine
              key={`${group.t}`}
              x={group.t}
              stroke={group.kind === "intervention" ? "var(--chart-intervention)" : "var(--chart-phase)"}
              strokeDasharray={group.kind === "phase" ? "2 3" : undefined}
              label={{ value: group.numbers.join(","), position: "top", fontSize: 11, fill: "var(--ink)" }}
            />
          ))}
          {panel.series.map((series) => (
            <Line
              key={series.key}
              data={series.points}
              dataKey="value"
              name={series.label}
              type="linear"
              stroke={COLOURS[series.style]}
              strokeWidth={series.style === "diary" ? 1.5 : 2.5}
              dot={series.style === "diary" ? false : { r: 4 }}
              isAnimationActive={false}
              connectNulls
            />
          ))}
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
export function PainChart({ panel, markers, locale, noData }: { panel: ChartPanel | null; markers: Marker[]; locale: string; noData: string }) {
  const drawn = useDrawn(1);
  if (!panel) return <p>{noData}</p>;
  return drawn ? <OutcomeChart panel={panel} markers={markers} locale={locale} /> : <div className="chart" />;
}

/** One function instrument at a time, chosen from those measured. */
export function FunctionChart({
  panels,
  markers,
  locale,
  text,
}: {
  panels: ChartPanel[];
  markers: Marker[];
  locale: string;
  text: { instrument: string; noData: string };
}) {
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
      {panel && (drawn ? <OutcomeChart panel={panel} markers={markers} locale={locale} /> : <div className="chart" />)}
    </>
  );
}
