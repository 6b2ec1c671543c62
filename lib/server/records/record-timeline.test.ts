import { describe, expect, it } from "vitest";

import { recordTimeline } from "./record-timeline";

const record = (kind: "assessment" | "outcome" | "intervention", date: string, id = `${kind}-${date}`) => ({
  kind,
  date,
  id,
});

describe("recordTimeline", () => {
  it("is empty without records or diary", () => {
    expect(recordTimeline([], [], [])).toEqual([]);
  });

  it("groups a date's records into one visit, the assessment first, newest date first", () => {
    const groups = recordTimeline(
      [
        record("outcome", "2026-09-01", "o1"),
        record("intervention", "2026-09-15"),
        record("assessment", "2026-09-01"),
        record("outcome", "2026-09-01", "o2"),
      ],
      [],
      [],
    );
    expect(groups).toEqual([
      { kind: "records", date: "2026-09-15", records: [record("intervention", "2026-09-15")] },
      {
        kind: "visit",
        date: "2026-09-01",
        records: [
          record("assessment", "2026-09-01"),
          record("outcome", "2026-09-01", "o1"),
          record("outcome", "2026-09-01", "o2"),
        ],
      },
    ]);
  });

  it("summarises the diary per Monday-to-Sunday week with its ISO week number", () => {
    // 2026-11-16 is the Monday of ISO week 47; 2026-11-23 starts week 48.
    const groups = recordTimeline(
      [],
      [
        { date: "2026-11-16", value: 6 },
        { date: "2026-11-18", value: 4 },
        { date: "2026-11-22", value: 5 },
        { date: "2026-11-23", value: 3 },
      ],
      [
        { date: "2026-11-17", completed: true },
        { date: "2026-11-19", completed: false },
      ],
    );
    expect(groups).toEqual([
      {
        kind: "diary",
        weekStart: "2026-11-23",
        weekEnd: "2026-11-29",
        week: 48,
        date: "2026-11-23",
        pain: { count: 1, mean: 3, min: 3, max: 3 },
        sessions: { logged: 0, completed: 0 },
      },
      {
        kind: "diary",
        weekStart: "2026-11-16",
        weekEnd: "2026-11-22",
        week: 47,
        date: "2026-11-22",
        pain: { count: 3, mean: 5, min: 4, max: 6 },
        sessions: { logged: 2, completed: 1 },
      },
    ]);
  });

  it("numbers the weeks around a new year as ISO 8601 does", () => {
    // 2026-12-28 (Monday) is week 53 of 2026; 2027-01-04 is week 1 of 2027; 2024-12-30 is week 1 of 2025.
    const weeks = recordTimeline(
      [],
      [
        { date: "2026-12-31", value: 1 },
        { date: "2027-01-05", value: 1 },
        { date: "2024-12-30", value: 1 },
      ],
      [],
    ).map((g) => g.kind === "diary" && g.week);
    expect(weeks).toEqual([1, 53, 1]);
  });

  it("interleaves visits and diary weeks by date, a visit before the diary week that ends the same day", () => {
    const groups = recordTimeline(
      [record("assessment", "2026-11-18")],
      [
        { date: "2026-11-17", value: 5 },
        { date: "2026-11-18", value: 4 },
        { date: "2026-11-10", value: 6 },
      ],
      [],
    );
    expect(groups.map((g) => `${g.kind} ${g.date}`)).toEqual([
      "visit 2026-11-18",
      "diary 2026-11-18",
      "diary 2026-11-10",
    ]);
  });
});
