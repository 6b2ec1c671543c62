import { describe, expect, it } from "vitest";

import { DEFAULT_TEMPLATES } from "../../clinical/programs/default-templates";
import { baselines, decimate, groupMarkers, outcomeSeries, timeMarkers } from "./chart-series";

const d = (ymd: string) => new Date(`${ymd}T00:00:00.000Z`);

describe("chart series", () => {
  const outcomes = [
    { date: d("2026-01-10"), instrument: "NRS_FIRST_STEP" as const, value: 5, recordedBy: "PATIENT" as const },
    { date: d("2026-01-05"), instrument: "NRS_FIRST_STEP" as const, value: 7, recordedBy: "CLINICIAN" as const },
    { date: d("2026-01-06"), instrument: "NRS_FIRST_STEP" as const, value: 6, recordedBy: "PATIENT" as const },
    { date: d("2026-01-05"), instrument: "FAAM_ADL" as const, value: 60, recordedBy: "CLINICIAN" as const },
  ];

  it("splits by instrument and source, in date order", () => {
    const series = outcomeSeries(outcomes);
    expect(series.map((s) => `${s.instrument}:${s.recordedBy}:${s.points.map((p) => p.value).join(",")}`)).toEqual([
      "NRS_FIRST_STEP:CLINICIAN:7",
      "FAAM_ADL:CLINICIAN:60",
      "NRS_FIRST_STEP:PATIENT:6,5",
    ]);
  });

  it("takes the earliest value of any source as baseline, with the MCID band", () => {
    expect(baselines(outcomes)).toEqual([
      { instrument: "NRS_FIRST_STEP", value: 7, low: 5, high: 9 },
      { instrument: "FAAM_ADL", value: 60, low: 52, high: 68 },
    ]);
  });

  const hsr = DEFAULT_TEMPLATES.find((template) => template.key === "hsr-12-weeks")!.content;
  const label = (kind: string, phase: number) => `${kind} ${phase}`;

  it("marks each phase start of the assignment's own phases and each intervention, up to today", () => {
    const markers = timeMarkers(
      [{ kind: "HSR", startDate: d("2026-01-05"), endedAt: null, content: hsr }],
      [{ date: d("2026-02-01"), label: "Indlæg" }],
      label,
      d("2026-03-01"),
    );
    expect(markers.map((m) => [new Date(m.t).toISOString().slice(0, 10), m.label])).toEqual([
      ["2026-01-05", "HSR 1"],
      ["2026-01-26", "HSR 2"],
      ["2026-02-01", "Indlæg"],
      ["2026-02-16", "HSR 3"],
    ]);
  });

  it("follows an adjusted copy's weeks and stops at the program's end", () => {
    const adjusted = {
      ...hsr,
      phases: hsr.phases.map((phase, i) => ({ ...phase, weeks: [i * 2 + 1, i * 2 + 2] as [number, number] })),
    };
    const markers = timeMarkers(
      [{ kind: "HSR", startDate: d("2026-01-05"), endedAt: d("2026-01-25"), content: adjusted }],
      [],
      label,
      d("2026-06-01"),
    );
    expect(markers.map((m) => new Date(m.t).toISOString().slice(0, 10))).toEqual(["2026-01-05", "2026-01-19"]);
  });

  it("draws markers of one date as one numbered line", () => {
    const markers = timeMarkers(
      [{ kind: "HSR", startDate: d("2026-01-05"), endedAt: null, content: hsr }],
      [{ date: d("2026-01-26"), label: "Indlæg" }],
      label,
      d("2026-02-01"),
    );
    expect(groupMarkers(markers)).toEqual([
      { t: d("2026-01-05").getTime(), numbers: [1], kind: "phase" },
      { t: d("2026-01-26").getTime(), numbers: [2, 3], kind: "intervention" },
    ]);
  });
});

describe("decimate", () => {
  const daily = Array.from({ length: 731 }, (_, i) => ({ t: i, value: i === 400 ? 10 : i % 5 }));

  it("leaves short series alone", () => {
    expect(decimate(daily.slice(0, 100), 240)).toHaveLength(100);
  });

  it("keeps at most about the asked number of points, in time order, with every peak", () => {
    const kept = decimate(daily, 240);
    expect(kept.length).toBeLessThanOrEqual(240);
    expect(kept.map((p) => p.t)).toEqual([...kept.map((p) => p.t)].sort((a, b) => a - b));
    expect(kept).toContainEqual({ t: 400, value: 10 });
    expect(Math.min(...kept.map((p) => p.value))).toBe(0);
  });
});
