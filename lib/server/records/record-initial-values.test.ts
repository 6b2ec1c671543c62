import { describe, expect, it } from "vitest";

import { newRecordInitialValues } from "./record-initial-values";

describe("a new visit's form", () => {
  const patient = {
    footType: "FLAT",
    standingHoursPerDay: 7.5,
    runningKmPerWeek: null,
    shoeAgeKm: 900,
    recentLoadChange: true,
  };

  it("starts from the risk factors the patient's record holds, in the user's notation", () => {
    expect(newRecordInitialValues("assessment", patient, "2026-11-25", "da")).toEqual({
      date: "2026-11-25",
      footType: "FLAT",
      standingHoursPerDay: "7,5",
      runningKmPerWeek: undefined,
      shoeAgeKm: "900",
      recentLoadChange: "on",
    });
    expect(newRecordInitialValues("assessment", { ...patient, footType: "UNKNOWN" }, "2026-11-25", "en")).toMatchObject(
      { footType: undefined, standingHoursPerDay: "7.5" },
    );
  });

  it("gives other records only today's date", () => {
    expect(newRecordInitialValues("outcome", patient, "2026-11-25", "da")).toEqual({ date: "2026-11-25" });
  });
});
