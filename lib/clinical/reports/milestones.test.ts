import { describe, expect, it } from "vitest";

import { clinic, diary, plus, START } from "../rules/rule-case-builders";
import { ruleSettings } from "../rules/settings";
import { judgeAtMilestone, milestoneDate } from "./milestones";

const settings = ruleSettings();

describe("improvement at a milestone", () => {
  it("judges each instrument by its latest value on or before day 42 (84)", () => {
    expect(milestoneDate(START, 6)).toBe(plus(42));
    const outcomes = [
      clinic(START, 7),
      clinic(plus(42), 4),
      clinic(plus(43), 8),
      clinic(START, 60, "FAAM_ADL"),
      clinic(plus(30), 64, "FAAM_ADL"),
    ];
    // NRS 7 → 4 by day 42 (day 43 is after it); FAAM 60 → 64 is less than its 8 points.
    expect(judgeAtMilestone(outcomes, START, 6, settings)).toEqual({
      improvement: "IMPROVED",
      judged: ["NRS_FIRST_STEP", "FAAM_ADL"],
      improved: ["NRS_FIRST_STEP"],
    });
    // By day 84 the NRS is 8: worse; FAAM has not improved either.
    expect(judgeAtMilestone(outcomes, START, 12, settings)).toEqual({
      improvement: "NOT_IMPROVED",
      judged: ["NRS_FIRST_STEP", "FAAM_ADL"],
      improved: [],
    });
  });

  it("a latest value fewer than 14 days after baseline is not judgeable (the setting moves it)", () => {
    const outcomes = [clinic(plus(30), 7), diary(plus(42), 2)];
    expect(judgeAtMilestone(outcomes, START, 6, settings)).toEqual({
      improvement: "NOT_JUDGEABLE",
      judged: [],
      improved: [],
    });
    expect(judgeAtMilestone(outcomes, START, 6, ruleSettings({ judgeableDays: 12 })).improvement).toBe("IMPROVED");
    expect(judgeAtMilestone(outcomes, START, 12, settings).improvement).toBe("NOT_JUDGEABLE");
    expect(judgeAtMilestone([], START, 12, settings).improvement).toBe("NOT_JUDGEABLE");
  });

  it("a baseline measured after the milestone leaves it not judgeable", () => {
    expect(judgeAtMilestone([clinic(plus(50), 7), clinic(plus(80), 2)], START, 6, settings).improvement).toBe(
      "NOT_JUDGEABLE",
    );
    expect(judgeAtMilestone([clinic(plus(50), 7), clinic(plus(80), 2)], START, 12, settings).improvement).toBe(
      "IMPROVED",
    );
  });
});
