import { describe, expect, it } from "vitest";

import type { RuleCase } from "../../clinical/rules/case";
import { judgeInstruments } from "../../clinical/rules/instrument-judgement";
import { DEFAULT_RULE_SETTINGS } from "../../clinical/rules/settings";
import { progressOverview } from "./progress-overview";

type Outcome = RuleCase["outcomes"][number];
const clinic = (date: string, instrument: Outcome["instrument"], value: number): Outcome => ({
  date,
  instrument,
  value,
  recordedBy: "CLINICIAN",
});
const diary = (date: string, value: number): Outcome => ({
  date,
  instrument: "NRS_FIRST_STEP",
  value,
  recordedBy: "PATIENT",
});
const overview = (outcomes: Outcome[], asOf = "2026-12-01") =>
  progressOverview(judgeInstruments(outcomes, asOf, DEFAULT_RULE_SETTINGS));

describe("progressOverview", () => {
  it("is empty without measurements", () => {
    expect(overview([])).toEqual({ pain: null, function: null });
  });

  it("judges first-step pain against its MCID from baseline", () => {
    const { pain } = overview([
      clinic("2026-09-01", "NRS_FIRST_STEP", 7),
      diary("2026-10-01", 5),
      diary("2026-11-01", 3),
    ]);
    expect(pain).toEqual({
      instrument: "NRS_FIRST_STEP",
      baseline: 7,
      baselineDate: "2026-09-01",
      latest: 3,
      latestDate: "2026-11-01",
      change: -4,
      mcid: 2,
      verdict: "IMPROVED",
    });
  });

  it("uses 30 % of a small baseline as the NRS MCID", () => {
    // Baseline 5: the MCID is 1.5, so a drop of 1.5 counts, a drop of 1 does not.
    expect(
      overview([clinic("2026-09-01", "NRS_FIRST_STEP", 5), clinic("2026-10-01", "NRS_FIRST_STEP", 4)]).pain,
    ).toMatchObject({ mcid: 1.5, change: -1, verdict: "NO_CHANGE" });
  });

  it("says too early inside the judgeable interval, and baseline only for a single day", () => {
    expect(overview([clinic("2026-11-25", "NRS_FIRST_STEP", 7), diary("2026-11-30", 6)]).pain?.verdict).toBe(
      "TOO_EARLY",
    );
    expect(overview([clinic("2026-11-25", "NRS_FIRST_STEP", 7)]).pain).toMatchObject({
      verdict: "BASELINE_ONLY",
      change: 0,
    });
  });

  it("says worse only as the rules do: a diary rise needs the entry before it to be as high", () => {
    const single = [clinic("2026-09-01", "NRS_FIRST_STEP", 4), diary("2026-10-01", 4), diary("2026-10-02", 7)];
    expect(overview(single).pain?.verdict).toBe("NO_CHANGE");
    expect(overview([...single, diary("2026-10-03", 6)]).pain?.verdict).toBe("WORSE");
  });

  it("ignores measurements after the day asked about", () => {
    expect(
      overview([clinic("2026-09-01", "NRS_FIRST_STEP", 7), clinic("2026-12-05", "NRS_FIRST_STEP", 1)], "2026-12-01")
        .pain?.verdict,
    ).toBe("BASELINE_ONLY");
  });

  it("shows the function instrument measured last, its change in its own direction", () => {
    const { function: fn } = overview([
      clinic("2026-09-01", "FAAM_ADL", 60),
      clinic("2026-11-20", "FAAM_ADL", 79),
      clinic("2026-09-01", "FFI", 40),
      clinic("2026-11-25", "FFI", 36),
    ]);
    // FFI is lower-is-better with an MCID of 7: 4 points down is not yet meaningful.
    expect(fn).toMatchObject({
      instrument: "FFI",
      baseline: 40,
      latest: 36,
      change: -4,
      mcid: 7,
      verdict: "NO_CHANGE",
    });
    const { function: faam } = overview([clinic("2026-09-01", "FAAM_ADL", 60), clinic("2026-11-20", "FAAM_ADL", 79)]);
    expect(faam).toMatchObject({ instrument: "FAAM_ADL", change: 19, mcid: 8, verdict: "IMPROVED" });
  });
});
