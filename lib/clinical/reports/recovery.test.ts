import { describe, expect, it } from "vitest";

import { clinic, diary, plus, START } from "../rules/rule-case-builders";
import { kaplanMeier, recoveryTime, shareRecoveredBy, type WeekCounts } from "./recovery";

const settings = { recoveredPain: 2 };

describe("recoveryTime", () => {
  it("recovers on the first day pain is at most 2 and down by the MCID; the week counts from treatment start", () => {
    const outcomes = [clinic(START, 6), diary(plus(10), 3), diary(plus(20), 2), diary(plus(30), 1)];
    expect(recoveryTime(outcomes, START, null, settings)).toEqual({ week: 2, recovered: true });
  });

  it("pain at 2 needs the MCID as well (baseline 3: 30 % is 0.9, so 2 is enough; baseline 2 staying at 2 is not)", () => {
    expect(recoveryTime([clinic(START, 3), clinic(plus(7), 2)], START, null, settings)).toEqual({
      week: 1,
      recovered: true,
    });
    expect(recoveryTime([clinic(START, 2), clinic(plus(7), 2), clinic(plus(15), 1)], START, null, settings)).toEqual({
      week: 2,
      recovered: true,
    });
  });

  it("one date counts with its highest value", () => {
    expect(
      recoveryTime(
        [clinic(START, 7), diary(plus(14), 1), clinic(plus(14), 4), diary(plus(21), 4)],
        START,
        null,
        settings,
      ),
    ).toEqual({ week: 3, recovered: false });
  });

  it("is censored at the last measurement, and discharge ends follow-up", () => {
    const outcomes = [clinic(START, 7), clinic(plus(20), 5), diary(plus(60), 1)];
    expect(recoveryTime(outcomes, START, plus(30), settings)).toEqual({ week: 2, recovered: false });
    expect(recoveryTime(outcomes, START, null, settings)).toEqual({ week: 8, recovered: true });
  });

  it("a clinic setting moves the threshold; without a first-step measurement the episode is not followed", () => {
    const outcomes = [clinic(START, 8), clinic(plus(28), 3)];
    expect(recoveryTime(outcomes, START, null, settings)?.recovered).toBe(false);
    expect(recoveryTime(outcomes, START, null, { recoveredPain: 3 })).toEqual({ week: 4, recovered: true });
    expect(recoveryTime([clinic(START, 5, "NRS_ACTIVITY")], START, null, settings)).toBeNull();
  });

  it("a baseline before treatment start counts as week 0", () => {
    expect(recoveryTime([clinic(plus(-5), 6), clinic(plus(-1), 2)], START, null, settings)).toEqual({
      week: 0,
      recovered: true,
    });
  });
});

describe("Kaplan–Meier", () => {
  // Ten episodes, worked by hand:
  // week 2: 10 at risk, 2 recover            → not recovered 8/10 = 0.8      → share 0.2
  // week 4: 8 at risk, 1 recovers, 1 censored → 0.8 × 7/8 = 0.7             → share 0.3
  // week 6: 6 at risk, 0 recover, 2 censored  → 0.7                          → share 0.3
  // week 8: 4 at risk, 2 recover              → 0.7 × 2/4 = 0.35, but 4 < 5  → not shown
  // week 9: 2 at risk, 2 censored
  const weeks: WeekCounts[] = [
    { week: 8, recovered: 2, censored: 0 },
    { week: 2, recovered: 2, censored: 0 },
    { week: 4, recovered: 1, censored: 1 },
    { week: 6, recovered: 0, censored: 2 },
    { week: 9, recovered: 0, censored: 2 },
    { week: 12, recovered: 0, censored: 0 },
  ];

  it("steps by recoveries over those at risk, censored episodes leave the risk set after their week", () => {
    const steps = kaplanMeier(weeks);
    expect(steps.map((s) => [s.week, s.atRisk])).toEqual([
      [2, 10],
      [4, 8],
      [6, 6],
      [8, 4],
      [9, 2],
    ]);
    expect(steps[0]!.share).toBeCloseTo(0.2, 10);
    expect(steps[1]!.share).toBeCloseTo(0.3, 10);
    expect(steps[2]!.share).toBeCloseTo(0.3, 10);
    expect(steps[3]!.share).toBeNull();
    expect(steps[4]!.share).toBeNull();
  });

  it("censoring is not failure: the same recoveries without the censored ones give a lower share", () => {
    const naive = 5 / 10; // five of ten recovered, as if the censored had been followed to the end
    const steps = kaplanMeier([
      { week: 2, recovered: 2, censored: 0 },
      { week: 4, recovered: 1, censored: 5 },
      { week: 8, recovered: 2, censored: 0 },
    ]);
    // 10 at risk: 0.8; 8: 0.8 × 7/8 = 0.7; then 2 at risk: 2 of 2 → 0 (but hidden, fewer than five)
    expect(steps.map((s) => s.share)).toEqual([expect.closeTo(0.2, 10), expect.closeTo(0.3, 10), null]);
    expect(naive).toBe(0.5);
  });

  it("the share by a week is the last step at or before it, while at least five are still followed", () => {
    const steps = kaplanMeier(weeks);
    expect(shareRecoveredBy(steps, 1)).toBe(0);
    expect(shareRecoveredBy(steps, 5)).toBeCloseTo(0.3, 10);
    expect(shareRecoveredBy(steps, 6)).toBeCloseTo(0.3, 10);
    expect(shareRecoveredBy(steps, 7)).toBeNull();
    expect(shareRecoveredBy(steps, 52)).toBeNull();
    expect(kaplanMeier([])).toEqual([]);
  });
});
