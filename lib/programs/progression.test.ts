import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "./default-templates";
import { prescriptionFor, type LoggedSession, type ProgressionInput } from "./progression";

const START = "2026-01-05"; // a Monday
const day = (n: number) => new Date(Date.parse(`${START}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const template = (key: string) => DEFAULT_TEMPLATES.find((t) => t.key === key)!.content;

/** A full session on a day: every set and rep of any template's phase done, pain 2. */
const full = (d: number, extra: Partial<LoggedSession> = {}): LoggedSession => ({ date: day(d), completed: true, sets: 5, reps: 12, painDuring: 2, loadKg: null, ...extra });

/** Three full sessions in each of the given weeks (Mon, Wed, Fri), optionally one painful. */
function sessionsFor(weeks: number[], painInWeek: Record<number, number> = {}) {
  return weeks.flatMap((week) => [0, 2, 4].map((offset) => full((week - 1) * 7 + offset, offset === 0 && painInWeek[week] !== undefined ? { painDuring: painInWeek[week]! } : {})));
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
    const fullProgram = input({ sessions: sessionsFor(range(1, 12)) });
    expect([1, 3, 4, 6, 7, 9, 10, 12].map((week) => phaseOn(fullProgram, (week - 1) * 7))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    // Entering the loaded phase starts from one step; the week's sessions are then counted.
    expect(prescriptionFor(fullProgram, day(21))).toMatchObject({ phase: 2, reason: "ADVANCED", suggestedLoadKg: 2.5, reps: [10, 12] });
    expect(prescriptionFor(fullProgram, day(28))).toMatchObject({ phase: 2, reason: "ON_SCHEDULE" });
    expect(prescriptionFor(fullProgram, day(63))?.tempo).toEqual({ upSeconds: 3, holdSeconds: 0, downSeconds: 3 });
    // Weeks 10–12 prescribe 8 reps.
    expect(prescriptionFor(fullProgram, day(63))).toMatchObject({ phase: 4, reps: [8, 8] });
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
    const few = input({ sessions: [...sessionsFor([1, 2]), full(14, { painDuring: 1 })] });
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
    expect(prescriptionFor(load, day(30))).toMatchObject({ phase: 2, suggestedLoadKg: 10, reason: "OVERRIDDEN", loadReason: "OVERRIDDEN" });
    // From the overridden load, the logs move it on: two full sessions, one step.
    expect(prescriptionFor(load, day(32))?.suggestedLoadKg).toBe(12.5);
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
    const program = input({ content: template("hsr-rathleff-2015"), startingLoadKg: 5, sessions: sessionsFor(range(1, 12)) });
    expect(prescriptionFor(program, day(0))).toMatchObject({ phase: 1, sets: 3, reps: [12, 12], suggestedLoadKg: 5, tempo: { upSeconds: 3, holdSeconds: 2, downSeconds: 3 } });
    expect(prescriptionFor(program, day(13))).toMatchObject({ phase: 1 });
    expect(prescriptionFor(program, day(14))).toMatchObject({ phase: 2, sets: 4, reps: [10, 10] });
    expect(prescriptionFor(program, day(28))).toMatchObject({ phase: 3, sets: 5, reps: [8, 8] });
    expect(prescriptionFor(program, day(83))).toMatchObject({ phase: 3 });
  });
});

describe("the suggested load follows the logs (SPEC §6, revision 2026-11-25b)", () => {
  const loaded = (sessions: LoggedSession[], extra: Partial<ProgressionInput> = {}) =>
    input({ content: template("hsr-rathleff-2015"), startingLoadKg: 5, sessions, ...extra });
  const loadOn = (i: ProgressionInput, d: number) => prescriptionFor(i, day(d))?.suggestedLoadKg;

  it("starts at the clinician's load and rises one step after two full sessions in a row", () => {
    expect(loadOn(loaded([]), 0)).toBe(5);
    expect(loadOn(loaded([full(0)]), 1)).toBe(5);
    expect(prescriptionFor(loaded([full(0), full(2)]), day(2))).toMatchObject({ suggestedLoadKg: 7.5, loadReason: "RAISED" });
    expect(loadOn(loaded([full(0), full(2), full(4)]), 4)).toBe(7.5);
    expect(loadOn(loaded([full(0), full(2), full(4), full(6)]), 6)).toBe(10);
  });

  it("a session short of a set or of the prescribed reps, or not completed, breaks the run", () => {
    expect(loadOn(loaded([full(0), full(2, { sets: 2 }), full(4)]), 4)).toBe(5);
    expect(loadOn(loaded([full(0), full(2, { reps: 11 }), full(4)]), 4)).toBe(5);
    expect(loadOn(loaded([full(0), full(2, { completed: false }), full(4)]), 4)).toBe(5);
  });

  it("a load response lowers it one step: pain above 3 during, or a next morning worse by 2 (not 1)", () => {
    expect(prescriptionFor(loaded([full(0, { painDuring: 4 })]), day(0))).toMatchObject({ suggestedLoadKg: 2.5, loadReason: "LOWERED" });
    expect(loadOn(loaded([full(0, { painDuring: 3 })]), 0)).toBe(5);
    const mornings = (next: number) => [{ date: day(0), value: 3 }, { date: day(1), value: next }];
    expect(loadOn(loaded([full(0)], { morningPain: mornings(5) }), 1)).toBe(2.5);
    expect(loadOn(loaded([full(0)], { morningPain: mornings(4) }), 1)).toBe(5);
  });

  it("keeps the load through a phase change", () => {
    const program = loaded(sessionsFor([1, 2]));
    // Six full sessions in weeks 1–2: three steps up from 5; the phase changes in week 3.
    expect(loadOn(program, 13)).toBe(12.5);
    expect(prescriptionFor(program, day(14))).toMatchObject({ phase: 2, suggestedLoadKg: 12.5 });
  });

  it("uses the template's own load step", () => {
    const step = { ...template("hsr-rathleff-2015"), loadStepKg: 1 };
    expect(loadOn(loaded([full(0), full(2)], { content: step }), 2)).toBe(6);
  });

  const session = fc.record({
    day: fc.integer({ min: 0, max: 60 }),
    completed: fc.boolean(),
    sets: fc.constantFrom(2, 5),
    reps: fc.constantFrom(6, 12),
    painDuring: fc.integer({ min: 0, max: 6 }),
  }).map(({ day: d, ...rest }) => full(d, rest));
  const morning = fc.record({ d: fc.integer({ min: 0, max: 61 }), value: fc.integer({ min: 0, max: 10 }) }).map(({ d, value }) => ({ date: day(d), value }));
  const cases = fc.record({ sessions: fc.array(session, { maxLength: 30 }), morningPain: fc.array(morning, { maxLength: 20 }), on: fc.integer({ min: 0, max: 62 }) });

  it("is never below zero, and never more than a step above the start per two sessions", () => {
    fc.assert(
      fc.property(cases, ({ sessions, morningPain, on }) => {
        const load = loadOn(loaded(sessions, { morningPain }), on)!;
        const counted = sessions.filter((s) => s.date <= day(on)).length;
        expect(load).toBeGreaterThanOrEqual(0);
        expect(load).toBeLessThanOrEqual(5 + 2.5 * Math.floor(counted / 2));
      }),
      { numRuns: 300, seed: 20261125 },
    );
  });

  it("is monotone in good sessions: one more full, painless session never lowers the load", () => {
    fc.assert(
      fc.property(cases, ({ sessions, on }) => {
        // Without morning data, so no next morning can turn the extra session into a response;
        // the extra session comes last on the day the load is read.
        const kept = sessions.filter((s) => s.date <= day(on));
        const before = loadOn(loaded(kept), on)!;
        const after = loadOn(loaded([...kept, full(on)]), on)!;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
