import { describe, expect, it } from "vitest";

import { clinic, diary, plus, START } from "../rules/rule-case-builders";
import { countValues } from "./statistics";
import { painByWeek, weeklyPain } from "./weekly-pain";

describe("weekly pain of one episode", () => {
  it("week 0 is the week before the program, week 1 its first seven days; each week's median of daily values", () => {
    const outcomes = [
      clinic(plus(-8), 9), // two weeks before: not shown
      clinic(plus(-3), 7), // week 0
      diary(START, 6),
      diary(plus(1), 5),
      diary(plus(2), 3),
      diary(plus(3), 4), // week 1: 3,4,5,6 → 4.5
      diary(plus(7), 4),
      clinic(plus(7), 5), // week 2: one day, its highest value 5
      diary(plus(21), 1), // week 4
      diary(plus(28), 0), // week 5: after a 4-week program
    ];
    expect(weeklyPain(outcomes, START, 4)).toEqual([7, 4.5, 5, null, 1]);
  });
});

describe("pain by week across episodes", () => {
  it("medians and quartiles of the episodes' weekly medians, counts only under five episodes", () => {
    const weeks = painByWeek([
      { week: 1, medians: countValues([6, 5, 7, 4.5, 8, 6]) },
      { week: 0, medians: countValues([7, 7, 6]) },
    ]);
    expect(weeks[0]).toEqual({ week: 0, episodes: 3, median: null, lowerQuartile: null, upperQuartile: null });
    // 4.5, 5, 6, 6, 7, 8: median 6; Q1 at rank 1.25 → 5 + 0.25 × 1 = 5.25; Q3 at rank 3.75 → 6 + 0.75 × 1 = 6.75
    expect(weeks[1]).toEqual({ week: 1, episodes: 6, median: 6, lowerQuartile: 5.25, upperQuartile: 6.75 });
  });
});
