import { describe, expect, it } from "vitest";

import { plus, START } from "../rules/rule-case-builders";
import { adherenceOn, adherenceSummary, hsrCourse } from "./adherence";

const done = (day: number, completed = true) => ({ date: plus(day), completed });

describe("one episode's HSR sessions", () => {
  const sessions = [
    done(0),
    done(2),
    done(4),
    done(7),
    done(9, false),
    done(11),
    done(15),
    done(30),
    done(-1),
    done(84),
  ];

  it("counts completed sessions per program week of the program's length", () => {
    expect(hsrCourse({ start: START, sessionsPerWeek: 3, weeks: 12, endedOn: null }, sessions).weeklyCompleted).toEqual(
      [3, 2, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0],
    );
  });

  it("an ended program keeps only its whole weeks", () => {
    // Ended on day 15: days 0–15 are two whole weeks and two days.
    expect(
      hsrCourse({ start: START, sessionsPerWeek: 3, weeks: 12, endedOn: plus(15) }, sessions).weeklyCompleted,
    ).toEqual([3, 2]);
    expect(
      hsrCourse({ start: START, sessionsPerWeek: 3, weeks: 12, endedOn: plus(13) }, sessions).weeklyCompleted,
    ).toEqual([3, 2]);
    expect(
      hsrCourse({ start: START, sessionsPerWeek: 3, weeks: 12, endedOn: plus(3) }, sessions).weeklyCompleted,
    ).toEqual([]);
  });

  it("judges the whole weeks passed by the report's day", () => {
    const course = hsrCourse({ start: START, sessionsPerWeek: 3, weeks: 12, endedOn: null }, sessions);
    expect(adherenceOn(course, plus(5))).toBeNull();
    expect(adherenceOn(course, plus(6))).toEqual({ completed: 3, prescribed: 3 });
    expect(adherenceOn(course, plus(19))).toEqual({ completed: 5, prescribed: 6 });
    expect(adherenceOn(course, plus(20))).toEqual({ completed: 6, prescribed: 9 });
    expect(adherenceOn(course, plus(400))).toEqual({ completed: 7, prescribed: 36 });
  });
});

describe("the distribution", () => {
  it("bands from 0, 25, 50, 75 and 100 %, and the median share", () => {
    const summary = adherenceSummary([
      { completed: 0, prescribed: 6, count: 1 },
      { completed: 3, prescribed: 6, count: 2 }, // 50 %
      { completed: 5, prescribed: 6, count: 1 }, // 83 %
      { completed: 7, prescribed: 6, count: 1 }, // more than prescribed
      { completed: 1, prescribed: 4, count: 1 }, // 25 %
    ]);
    expect(summary.bands).toEqual([1, 1, 2, 1, 1]);
    expect(summary.episodes).toBe(6);
    // 0, 0.25, 0.5, 0.5, 0.833, 1.167: median 0.5
    expect(summary.median).toBe(0.5);
    expect(adherenceSummary([{ completed: 3, prescribed: 6, count: 4 }]).median).toBeNull();
  });
});
