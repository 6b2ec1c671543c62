"use client";
import { useEffect, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { groupMarkers, type Marker, type Point } from "@/lib/charts/chart-series";

export type ChartSeries = { key: string; label: string; points: Point[]; style: "diary" | "clinic" | "secondary" };
export type ChartBaseline = { value: number; low: number; high: number; label: string };
export type ChartPanel = { key: string; label: string; max: number; series: ChartSeries[]; baseline: ChartBaseline | null };

const COLOURS = { diary: "#7a8ea3", clinic: "#0b5cad", secondary: "#b54708" };

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
      <ResponsiveContainer width="100%" height={320}>
        <LineChart margin={{ top: 24, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d6dde4" />
          <XAxis dataKey="t" type="number" scale="time" domain={domain} padding={{ left: 24, right: 12 }} tickFormatter={(t: number) => formatDay(t, locale)} allowDuplicatedCategory={false} />
          <YAxis domain={[0, panel.max]} width={40} />
          <Tooltip labelFormatter={(t) => formatDay(Number(t), locale)} />
          <Legend />
          {panel.baseline && (
            <>
              <ReferenceArea y1={panel.baseline.low} y2={panel.baseline.high} fill="#0b5cad" fillOpacity={0.08} ifOverflow="extendDomain" />
              <ReferenceLine y={panel.baseline.value} stroke="#0b5cad" strokeDasharray="5 4" label={{ value: panel.baseline.label, position: "insideTopLeft", fontSize: 11, fill: "#1b1f24" }} />
            </>
          )}
          {groupMarkers(markers).map((group) => (
            <ReferenceLine
              key={`${group.t}`}
              x={group.t}
              stroke={group.kind === "intervention" ? "#b42318" : "#8a96a3"}
              strokeDasharray={group.kind === "phase" ? "2 3" : undefined}
              label={{ value: group.numbers.join(","), position: "top", fontSize: 11, fill: "#1b1f24" }}
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
 * The pain chart and the function chart (one instrument at a time). Long daily series draw
 * without dots or animation so two years stay smooth; the table beside them carries the
 * same numbers for screen readers.
 */
export function PatientCharts({
  pain,
  functionPanels,
  markers,
  locale,
  text,
}: {
  pain: ChartPanel | null;
  functionPanels: ChartPanel[];
  markers: Marker[];
  locale: string;
  text: { pain: string; function: string; instrument: string; noData: string };
}) {
  const [chosen, setChosen] = useState(functionPanels[0]?.key ?? "");
  // Drawn after hydration, one chart per task, so no single task blocks the page for the
  // time of both (Recharts draws in one go once it has measured its container).
  const [drawn, setDrawn] = useState(0);
  useEffect(() => {
    if (drawn >= 2) return;
    const timer = setTimeout(() => setDrawn((count) => count + 1), 0);
    return () => clearTimeout(timer);
  }, [drawn]);
  const functionPanel = functionPanels.find((panel) => panel.key === chosen);
  return (
    <div className="charts">
      <section aria-labelledby="pain-chart-heading">
        <h3 id="pain-chart-heading">{text.pain}</h3>
        {!pain ? <p>{text.noData}</p> : drawn >= 1 ? <OutcomeChart panel={pain} markers={markers} locale={locale} /> : <div className="chart" />}
      </section>
      <section aria-labelledby="function-chart-heading">
        <h3 id="function-chart-heading">{text.function}</h3>
        {functionPanels.length === 0 ? (
          <p>{text.noData}</p>
        ) : (
          <>
            <div className="field inline-field">
              <label htmlFor="function-instrument">{text.instrument}</label>
              <select id="function-instrument" value={chosen} onChange={(event) => setChosen(event.target.value)}>
                {functionPanels.map((panel) => (
                  <option key={panel.key} value={panel.key}>
                    {panel.label}
                  </option>
                ))}
              </select>
            </div>
            {functionPanel && (drawn >= 2 ? <OutcomeChart panel={functionPanel} markers={markers} locale={locale} /> : <div className="chart" />)}
          </>
        )}
      </section>
    </div>
  );
}
