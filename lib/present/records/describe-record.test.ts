import { describe, expect, it } from "vitest";

import { getMessages } from "../i18n";
import { describeRecord, outcomeValue, recordParts } from "./describe-record";

const da = getMessages("da");
const en = getMessages("en");

/** A visit as the assessment form stores it: every field the form has, filled in. */
const visit = {
  painLocation: "MEDIAL_HEEL",
  firstStepPain: 6,
  palpationPositive: true,
  windlassPositive: false,
  calcanealSqueezePositive: null,
  tinelPositive: null,
  ankleDorsiflexionDeg: 8,
  redFlagsScreened: true,
  redFlags: [],
  differentialsExamined: true,
  findings: [],
  riskFactors: {
    recentLoadChange: true,
    calfTightness: true,
    runningKmPerWeek: 20,
    shoeAgeKm: 800,
    standingHoursPerDay: 7.5,
    footType: "FLAT",
  },
  walkToleranceMin: 30,
  walkNextMorningWorse: true,
  note: "Fortsætter HSR",
};

describe("a visit in the record", () => {
  it("names every recorded field, and the screens that found nothing as such", () => {
    expect(recordParts("assessment", visit, da, "da")).toEqual([
      "Smertens placering: Medialt på hælens underside",
      "Smerte ved første skridt (0–10): 6",
      "Test: Palpationstest positiv, Windlass-test negativ",
      "Røde flag: screenet, ingen fundet",
      "Differentialdiagnoser: undersøgt, intet fundet",
      "Dorsalfleksion i ankelleddet, strakt knæ (grader): 8",
      "Risikofaktorer: Nylig ændring i belastning, Stram lægmuskulatur og akillessene, Løb, km pr. uge: 20, Skoenes alder, km: 800, Timer stående pr. dag: 7,5, Fodtype: platfod",
      "Minutters gang: 30",
      "Var morgenen efter værre? Ja",
      "Fortsætter HSR",
    ]);
  });

  it("says when a screen was not done, and what a screen found", () => {
    const unscreened = describeRecord(
      "assessment",
      { ...visit, redFlagsScreened: false, differentialsExamined: false },
      en,
      "en",
    );
    expect(unscreened).toContain("Red-flag screen not done at this visit");
    expect(unscreened).toContain("Differentials not examined at this visit");
    expect(unscreened).not.toContain("none found");
    const found = describeRecord(
      "assessment",
      { ...visit, redFlags: ["RECENT_TRAUMA"], findings: ["POSTERIOR_HEEL_PAIN"] },
      da,
      "da",
    );
    expect(found).toContain("Røde flag: Nyligt traume (fald, hop eller vrid)");
    expect(found).toContain("Fund: Smerte bag på hælen");
    expect(found).not.toContain("ingen fundet");
  });

  it("leaves out what was not recorded", () => {
    const bare = {
      palpationPositive: null,
      windlassPositive: null,
      redFlagsScreened: true,
      redFlags: [],
      differentialsExamined: false,
      findings: [],
      riskFactors: { recentLoadChange: false, calfTightness: false, footType: "UNKNOWN" },
    };
    expect(recordParts("assessment", bare, en, "en")).toEqual([
      "Tests: Palpation test not tested, Windlass test not tested",
      "Red flags: screened, none found",
      "Differentials not examined at this visit",
    ]);
  });
});

describe("a measurement and an intervention in the record", () => {
  it("are one line each", () => {
    expect(describeRecord("intervention", { type: "ORTHOSIS", note: "Hælkop i begge sko" }, da, "da")).toBe(
      `${da.intervention.types.ORTHOSIS} – Hælkop i begge sko`,
    );
    expect(describeRecord("outcome", { instrument: "FAAM_ADL", value: "31.3" }, da, "da")).toBe(
      `${da.instrument.FAAM_ADL}: 31,3`,
    );
  });

  it("give a PSFS with its activities and their scores, in the record and in its print alike", () => {
    const psfs = {
      instrument: "PSFS",
      value: "3.5",
      psfsItems: [
        { activity: "Gå en 8-timers vagt", score: 3 },
        { activity: "Løbe 5 km", score: 4 },
      ],
    };
    expect(outcomeValue(psfs, "da")).toBe("3,5 (Gå en 8-timers vagt: 3; Løbe 5 km: 4)");
    expect(describeRecord("outcome", psfs, da, "da")).toBe(`${da.instrument.PSFS}: ${outcomeValue(psfs, "da")}`);
    expect(outcomeValue({ value: "52.9", psfsItems: null }, "en")).toBe("52.9");
  });
});
