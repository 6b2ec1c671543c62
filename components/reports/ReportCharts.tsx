"use client";
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { expectedShare } from "@/lib/present/reports/report-tables";

import { useMessages } from "../i18n/MessagesProvider";

// The report's charts, in the patient page's visual language (decision record 013): the same
// colour tokens, grid and heights. Each is drawn from the numbers of the table under it; a
// figure that suppression withheld is null and left out of the chart.

const HEIGHT = 280;
const percent = (value: number) => `${Math.round(value)} %`;

function Frame({ label, children }: { label: string; children: React.ReactElement }) {
  return (
    <div role="img" aria-label={label} className="chart">
      <ResponsiveContainer width="100%" height={HEIGHT}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** Episodes at each milestone by outcome, stacked. */
export function ImprovementChart({
  milestones,
}: {
  milestones: { weeks: number; improved: number; notImproved: number; notJudgeable: number }[];
}) {
  const text = useMessages().reports.improvement;
  const label = text.chart;
  const names = text;
  const rows = milestones.map((m) => ({ ...m, milestone: text.weeks(m.weeks) }));
  return (
    <Frame label={label}>
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="milestone" width={80} />
        <Tooltip />
        <Legend />
        <Bar
          dataKey="improved"
          name={names.improved}
          stackId="m"
          fill="var(--chart-clinic)"
          isAnimationActive={false}
        />
        <Bar
          dataKey="notImproved"
          name={names.notImproved}
          stackId="m"
          fill="var(--chart-secondary)"
          isAnimationActive={false}
        />
        <Bar
          dataKey="notJudgeable"
          name={names.notJudgeable}
          stackId="m"
          fill="var(--chart-diary)"
          isAnimationActive={false}
        />
      </BarChart>
    </Frame>
  );
}

/**
 * The Kaplan–Meier curve as steps, beside the expected course drawn as marked points (one
 * point at a year, a short line over 78–104 weeks), never as a curve of its own.
 */
export function RecoveryChart({
  steps,
  points,
}: {
  steps: { week: number; share: number }[];
  /** The expected course's reference points (REFERENCE_POINTS), with their expected share. */
  points: { fromWeek: number; toWeek: number; expected: number; atLeast: boolean }[];
}) {
  const messages = useMessages();
  const text = messages.reports.recovery;
  const label = text.chart;
  const names = text;
  const references = points.map((point) => ({
    ...point,
    label: `${text.expected}: ${expectedShare(point, messages)}`,
  }));
  const data = [{ week: 0, share: 0 }, ...steps.map((s) => ({ week: s.week, share: s.share * 100 }))];
  return (
    <Frame label={label}>
      <ComposedChart data={data} margin={{ top: 16, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
        <XAxis
          dataKey="week"
          type="number"
          domain={[0, 104]}
          ticks={[0, 13, 26, 39, 52, 65, 78, 91, 104]}
          label={{ value: names.week, position: "insideBottomRight", offset: -4, fontSize: 12 }}
        />
        <YAxis domain={[0, 100]} tickFormatter={percent} width={56} />
        <Tooltip formatter={(value) => percent(Number(value))} labelFormatter={(week) => `${names.week} ${week}`} />
        <Legend />
        <Line
          dataKey="share"
          name={names.curve}
          type="stepAfter"
          stroke="var(--chart-clinic)"
          strokeWidth={2.5}
          dot={false}
          isAnimationActive={false}
        />
        {references.map((point) =>
          point.fromWeek === point.toWeek ? (
            <ReferenceDot
              key={point.fromWeek}
              x={point.fromWeek}
              y={point.expected * 100}
              r={6}
              fill="var(--chart-intervention)"
              stroke="var(--paper)"
              label={{ value: point.label, position: "top", fontSize: 12, fill: "var(--ink)" }}
            />
          ) : (
            <ReferenceLine
              key={point.fromWeek}
              segment={[
                { x: point.fromWeek, y: point.expected * 100 },
                { x: point.toWeek, y: point.expected * 100 },
              ]}
              stroke="var(--chart-intervention)"
              strokeWidth={4}
              label={{ value: point.label, position: "top", fontSize: 12, fill: "var(--ink)" }}
            />
          ),
        )}
      </ComposedChart>
    </Frame>
  );
}

/** The median by program week, with the middle half of the episodes as a band. */
export function WeeklyPainChart({ weeks }: { weeks: { week: number; median: number; band: [number, number] }[] }) {
  const text = useMessages().reports.pain;
  const label = text.chart;
  const names = { median: text.median, band: text.middleHalf, week: text.week };
  return (
    <Frame label={label}>
      <ComposedChart data={weeks} margin={{ top: 16, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
        <XAxis
          dataKey="week"
          type="number"
          domain={[0, "dataMax"]}
          allowDecimals={false}
          label={{ value: names.week, position: "insideBottomRight", offset: -4, fontSize: 12 }}
        />
        <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} width={40} />
        <Tooltip />
        <Legend />
        <Area
          dataKey="band"
          name={names.band}
          fill="var(--chart-clinic)"
          fillOpacity={0.12}
          stroke="none"
          isAnimationActive={false}
        />
        <Line
          dataKey="median"
          name={names.median}
          stroke="var(--chart-clinic)"
          strokeWidth={2.5}
          dot={{ r: 4 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </Frame>
  );
}

/** Episodes by band of adherence. */
export function AdherenceChart({ episodes }: { episodes: number[] }) {
  const text = useMessages().reports.adherence;
  const label = text.chart;
  const name = text.episodes;
  const bands = text.bands.map((band, i) => ({ band, episodes: episodes[i] ?? 0 }));
  return (
    <Frame label={label}>
      <BarChart data={bands} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
        <XAxis dataKey="band" />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip />
        <Bar dataKey="episodes" name={name} fill="var(--chart-clinic)" isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}
