import { describe, expect, it } from "vitest";

import { draftLetter, LETTER_SECTIONS, type LetterFacts } from "./discharge-letter";

const improved: LetterFacts = {
  locale: "da",
  side: "LEFT",
  symptomOnset: "2026-01-05",
  treatmentStart: "2026-02-02",
  dischargedAt: "2026-04-27",
  dischargeReason: "RECOVERED",
  referral: {
    doctorName: "Læge Anne Holm",
    practice: "Lægerne i Nørregade",
    date: "2026-01-28",
    diagnosisText: "Hælspore venstre fod",
    icd10Code: "M77.3",
    referenceId: "3f1c2a4e-9b7d-4c1e-8a2f-5d6e7f809a1b",
    vederlagsfri: false,
  },
  visits: 5,
  programs: [{ kind: "HSR", start: "2026-02-02", end: "2026-04-27", completedSessions: 30 }],
  hsrAdherence: { completed: 30, prescribed: 36 },
  interventions: [{ type: "ORTHOSIS", count: 1, first: "2026-02-16" }],
  pain: {
    instrument: "NRS_FIRST_STEP",
    baseline: 7,
    baselineDate: "2026-02-02",
    latest: 2,
    latestDate: "2026-04-27",
    change: -5,
    mcid: 2,
    verdict: "IMPROVED",
  },
  function: {
    instrument: "FAAM_ADL",
    baseline: 55.5,
    baselineDate: "2026-02-02",
    latest: 82,
    latestDate: "2026-04-27",
    change: 26.5,
    mcid: 8,
    verdict: "IMPROVED",
  },
  redFlagsScreened: true,
  redFlags: [],
  differentialsExamined: true,
  findings: [],
  standingAtDischarge: [],
};

describe("the discharge letter's draft", () => {
  it("says why the patient came, quoting the referral's id, and the result against the MCID, with decimal commas", () => {
    const letter = draftLetter(improved);
    expect(Object.keys(letter)).toEqual([...LETTER_SECTIONS]);
    expect(letter.reason).toContain("Henvist den 28. jan. 2026 af Læge Anne Holm, Lægerne i Nørregade");
    expect(letter.reason).toContain("(ICD-10 M77.3)");
    expect(letter.reason).toContain("Henvisningens id: 3f1c2a4e-9b7d-4c1e-8a2f-5d6e7f809a1b.");
    expect(letter.diagnosis).toContain("venstre hæl (ICD-10 M72.2)");
    expect(letter.course).toContain("med 5 konsultationer");
    expect(letter.course).toContain("HSR hælløft fra 2. feb. 2026 til 27. apr. 2026, 30 gennemførte træninger");
    expect(letter.course).toContain("30 af 36 (83 %)");
    expect(letter.course).toContain("Indlæg eller hælkop");
    expect(letter.result).toContain(
      "7 (2. feb. 2026) → 2 (27. apr. 2026), bedret betydeligt (klinisk relevant ændring: 2 point).",
    );
    expect(letter.result).toContain("55,5 (2. feb. 2026) → 82");
    expect(letter.findings).toContain("Ingen røde flag fundet");
    expect(letter.discharge).toContain("Årsag: Symptomfri.");
    expect(letter.advice).toContain("hælløft");
  });

  it("says unchanged, and a patient who came without a referral", () => {
    const letter = draftLetter({
      ...improved,
      referral: null,
      programs: [{ kind: "FIRST_WEEK", start: "2026-02-02", end: "2026-02-09", completedSessions: 0 }],
      hsrAdherence: null,
      pain: { ...improved.pain!, baseline: 6, latest: 5, change: -1, mcid: 1.8, verdict: "NO_CHANGE" },
      function: { ...improved.function!, latest: 58, change: 2.5, verdict: "NO_CHANGE" },
      dischargeReason: "PATIENT_CHOICE",
    });
    expect(letter.reason).toContain("uden henvisning");
    expect(letter.reason).not.toContain("Henvisningens id");
    expect(letter.result).toContain(
      "6 (2. feb. 2026) → 5 (27. apr. 2026), uændret (klinisk relevant ændring: 1,8 point).",
    );
    expect(letter.result).not.toContain("bedret betydeligt (");
    // A program without logged sessions is named without a count of none.
    expect(letter.course).toContain("Træning: Første uge fra 2. feb. 2026 til 9. feb. 2026.");
  });

  it("says worse, with the red flag found and still standing, and a referral without its id", () => {
    const letter = draftLetter({
      ...improved,
      referral: { ...improved.referral!, referenceId: null, vederlagsfri: true },
      pain: { ...improved.pain!, baseline: 5, latest: 8, change: 3, mcid: 1.5, verdict: "WORSE" },
      function: { ...improved.function!, baseline: 53, latest: 44, change: -9, verdict: "NO_CHANGE" },
      redFlags: ["LOAD_PAIN_WITH_SWELLING"],
      standingAtDischarge: ["RED_FLAG", "WORSENING"],
      dischargeReason: "REFERRED",
    });
    expect(letter.reason).toContain("vederlagsfri fysioterapi");
    expect(letter.reason).toContain("Henvisningens id er ikke registreret.");
    expect(letter.result).toContain("5 (2. feb. 2026) → 8 (27. apr. 2026), forværret.");
    // A function score that fell is not called unchanged.
    expect(letter.result).toContain("53 (2. feb. 2026) → 44 (27. apr. 2026), ikke bedret");
    expect(letter.findings).toContain(
      "Røde flag fundet i forløbet: Smerter, der tager til ved belastning, og hævelse.",
    );
    expect(letter.findings).toContain("vi beder om lægelig vurdering");
    expect(letter.discharge).toContain("Smerterne var steget");
    // Offload until a doctor has seen the red flag, rather than carry on training.
    expect(letter.advice).toContain("aflaste foden");
    expect(letter.advice).not.toContain("Patienten fortsætter selv");
  });

  it("writes the letter in English for a patient whose record is in English", () => {
    const letter = draftLetter({ ...improved, locale: "en" });
    expect(letter.reason).toContain("Referred on 28 Jan 2026 by Læge Anne Holm, Lægerne i Nørregade");
    expect(letter.reason).toContain("Referral id: 3f1c2a4e-9b7d-4c1e-8a2f-5d6e7f809a1b.");
    expect(letter.result).toContain("55.5 (2 Feb 2026) → 82 (27 Apr 2026), improved markedly");
    expect(letter.findings).toContain("No red flags found");
    expect(letter.advice).toContain("heel raises");
  });
});
