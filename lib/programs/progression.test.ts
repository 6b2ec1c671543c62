import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "./default-templates";
import { prescriptionFor, type ProgressionInput } from "./progression";

const START = "2026-01-05"; // a Monday
const day = (n: number) => new Date(Date.parse(`${START}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const template = (key: string) => DEFAULT_TEMPLATES.find((t) => t.key === key)!.content;

/** Three good sessions in each of the given weeks (Mon, Wed, Fri), optionally with changes. */
function sessionsFor(weeks: number[], painInWeek: Record<number, number> = {}) {
  return weeks.flatMap((week) =>
    [0, 2, 4].map((offset) => ({ date: day((week - 1) * 7 + offset), completed: true, painDuring: offset === 0 && painInWeek[week] !== undefined ? painInWeek[week]! : 2, loadKg: null })),
  );
}
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function input(overrides: Partial<ProgressionInput> = {}): ProgressionInput {
  return { startDate: START, sessionsPerWeek: 3, startingLoadKg: 0, content: template("hsr-12-weeks"), sessions: [], morningPain: [], overrides: [], morningRise: 2, ...overrides };
}
const phaseOn = (i: ProgressionInput, d: number) => prescriptionFor(i, day(d))?.phase;

describe("HSR progression, 12-week default", () => {
  it("is nothing before the start and phase 1 in week 1", () => {
    expect(prescriptionFor(input(), day(-1))).toBeNull();
    expect(prescriptionFor(input(), day(0))).toMatchObject({ week: 1, phase: 1, sets: 3, reps: [12, 12], suggestedLoadKg: 0, reason: "START", maxPain: 3 });
  });

  it("follows the weeks when every week met its sessions without a load response", () => {
    const full = input({ sessions: sessionsFor(range(1, 12)) });
    expect([1, 3, 4, 6, 7, 9, 10, 12].map((week) => phaseOn(full, (week - 1) * 7))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(prescriptionFor(full, day(21))).toMatchObject({ phase: 2, reason: "ADVANCED", suggestedLoadKg: 2.5, reps: [10, 12] });
    expect(prescriptionFor(full, day(28))).toMatchObject({ phase: 2, reason: "ON_SCHEDULE" });
    expect(prescriptionFor(full, day(63))?.tempo).toEqual({ upSeconds: 3, holdSeconds: 0, downSeconds: 3 });
  });

  it("holds after a painful session, then advances after a good week", () => {
    const painful = input({ sessions: sessionsFor(range(1, 5), { 3: 5 }) });
    expect(prescriptionFor(painful, day(21))).toMatchObject({ phase: 1, reason: "HELD_LOAD_RESPONSE" });
    expect(prescriptionFor(painful, day(28))).toMatchObject({ phase: 2, reason: "ADVANCED" });
  });

  it("holds when the morning after a session is worse by the clinic's morning rise (2), not by 1", () => {
    const worse = input({ sessions: sessionsFor(range(1, 4)), morningPain: [{ date: day(14), value: 3 }, { date: day(15), value: 5 }] });
    expect(prescriptionFor(worse, day(21))).toMatchObject({ phase: 1, reason: "HELD_LOAD_RESPONSE" });
    const slightly = input({ sessions: sessionsFor(range(1, 4)), morningPain: [{ date: day(14), value: 3 }, { date: day(15), value: 4 }] });
    expect(prescriptionFor(slightly, day(21))).toMatchObject({ phase: 2, reason: "ADVANCED" });
  });

  it("holds when the previous week had too few sessions", () => {
    const few = input({ sessions: [...sessionsFor([1, 2]), { date: day(14), completed: true, painDuring: 1, loadKg: null }] });
    expect(prescriptionFor(few, day(21))).toMatchObject({ phase: 1, reason: "HELD_SESSIONS" });
    expect(prescriptionFor(few, day(21))?.weeks[2]).toMatchObject({ week: 3, prescribed: 3, completed: 1 });
  });

  it("steps back one phase after two held weeks", () => {
    const lapsed = input({ sessions: sessionsFor(range(1, 6)) }); // weeks 7 and 8 without sessions
    expect(phaseOn(lapsed, 42)).toBe(3);
    expect(prescriptionFor(lapsed, day(49))).toMatchObject({ phase: 3, reason: "HELD_SESSIONS" });
    expect(prescriptionFor(lapsed, day(56))).toMatchObject({ phase: 2, reason: "STEPPED_BACK" });
  });

  it("does not step back below phase 1", () => {
    const idle = input();
    expect(prescriptionFor(idle, day(14))).toMatchObject({ phase: 1, reason: "HELD_SESSIONS" });
    expect(prescriptionFor(idle, day(21))).toMatchObject({ phase: 1, reason: "HELD_SESSIONS" });
  });

  it("lets a clinician override the phase or the load from the override's date", () => {
    const base = { sessions: sessionsFor(range(1, 12)) };
    const phase = input({ ...base, overrides: [{ date: day(8), phase: 3 }] });
    expect(phaseOn(phase, 7)).toBe(1);
    expect(prescriptionFor(phase, day(8))).toMatchObject({ phase: 3, reason: "OVERRIDDEN" });
    const load = input({ ...base, overrides: [{ date: day(30), loadKg: 10 }] });
    expect(prescriptionFor(load, day(29))?.suggestedLoadKg).toBe(2.5);
    expect(prescriptionFor(load, day(30))).toMatchObject({ phase: 2, suggestedLoadKg: 10, reason: "OVERRIDDEN" });
    // The next week keeps the overridden load; the week after that advances from it.
    expect(prescriptionFor(load, day(35))).toMatchObject({ phase: 2, suggestedLoadKg: 10, reason: "ON_SCHEDULE" });
    expect(prescriptionFor(load, day(42))).toMatchObject({ phase: 3, suggestedLoadKg: 12.5, reason: "ADVANCED" });
  });
});

describe("a program past its last week", () => {
  it("is completed from week 13 of a 12-week program, and keeps its last phase", () => {
    const full = input({ sessions: sessionsFor(range(1, 12)) });
    expect(prescriptionFor(full, day(83))).toMatchObject({ week: 12, totalWeeks: 12, completed: false });
    expect(prescriptionFor(full, day(84))).toMatchObject({ week: 13, totalWeeks: 12, completed: true, phase: 4 });
  });
});

describe("HSR progression, Rathleff 2015 protocol", () => {
  it("moves 3×12 → 4×10 from week 3 → 5×8 from week 5, with a 3-2-3 tempo", () => {
    const full = input({ content: template("hsr-rathleff-2015"), startingLoadKg: 5, sessions: sessionsFor(range(1, 12)) });
    expect(prescriptionFor(full, day(0))).toMatchObject({ phase: 1, sets: 3, reps: [12, 12], suggestedLoadKg: 5, tempo: { upSeconds: 3, holdSeconds: 2, downSeconds: 3 } });
    expect(prescriptionFor(full, day(13))).toMatchObject({ phase: 1 });
    expect(prescriptionFor(full, day(14))).toMatchObject({ phase: 2, sets: 4, reps: [10, 10], suggestedLoadKg: 7.5 });
    expect(prescriptionFor(full, day(28))).toMatchObject({ phase: 3, sets: 5, reps: [8, 8], suggestedLoadKg: 10 });
    expect(prescriptionFor(full, day(83))).toMatchObject({ phase: 3 });
  });
});
