import { describe, expect, it } from "vitest";

import { getMessages } from "../../present/i18n";
import { doseText } from "../../present/programs/dose-text";
import { EXERCISES } from "./default-templates";
import { doseKind, EXERCISE_DOSE } from "./exercise-dose";

const da = getMessages("da");
const en = getMessages("en");

describe("each exercise's own dose (SPEC §6)", () => {
  it("gives every exercise a template can hold a dose", () => {
    expect(Object.keys(EXERCISE_DOSE).sort()).toEqual([...EXERCISES].sort());
  });

  it("doses the stretch as 10-second holds, times a day", () => {
    const phase = { exercise: "PLANTAR_FASCIA_STRETCH", sets: 3, reps: [10, 10] as [number, number] };
    expect(doseText(phase, da)).toBe("Hold 10 sek. × 10, 3 gange om dagen");
    expect(doseText(phase, en)).toBe("Hold 10 s × 10, 3 times a day");
  });

  it("doses towel curls as holds of 5–10 seconds, its own hold, not the stretch's", () => {
    const phase = { exercise: "TOWEL_CURLS", sets: 2, reps: [5, 10] as [number, number] };
    expect(doseText(phase, da)).toBe("Hold 5–10 sek. × 5–10, 2 gange om dagen");
    expect(doseText({ ...phase, sets: 1, reps: [10, 10] }, en)).toBe("Hold 5–10 s × 10, once a day");
  });

  it("doses calf lowering as repetitions with no load or tempo", () => {
    const phase = { exercise: "CALF_LOWERING", sets: 1, reps: [10, 20] as [number, number] };
    expect(doseKind("CALF_LOWERING")).toBe("REPS");
    expect(doseText(phase, da)).toBe("10–20 gentagelser, 1 gang om dagen");
    expect(doseText({ ...phase, sets: 2 }, en)).toBe("10–20 repetitions, 2 times a day");
  });

  it("doses the heel raise as sets × reps, and an unknown code the same way", () => {
    expect(doseText({ exercise: "HEEL_RAISE_TOWEL", sets: 3, reps: [8, 10] }, en)).toBe("3 sets × 8–10 reps");
    expect(doseKind("SOMETHING_ELSE")).toBe("SETS_REPS");
  });
});
