// Boundary tests of the SPEC §5 revision 2026-12-05 (RULE_VERSION 3): each test's latest result,
// the latest examined visit, pain present at negative tests, the day's value, the reviews held
// back, and one input format for both commands.
import { describe, expect, it } from "vitest";

import { recommendationIn } from "../../present/flags/flag-text";
import { getMessages } from "../../present/i18n";
import { deriveEpisodeState } from "../episode-state";
import { evaluate, RULE_VERSION } from "./evaluate";
import { clinic, codes, diary, flag, makeCase, plus, program, session, START, visit } from "./rule-case-builders";
import { parseRulesInput } from "./rules-input";
import { DEFAULT_RULE_SETTINGS, ruleSettings } from "./settings";

it("the revision bumps the rule version", () => expect(RULE_VERSION).toBe(3));

describe("DIAGNOSIS_DOUBT from each test's latest result", () => {
  it("two visits that each tested one test negative make both negative; a later untested visit changes nothing", () => {
    const c = makeCase({
      assessments: [
        visit(plus(1), { palpationPositive: false, windlassPositive: null }),
        visit(plus(8), { palpationPositive: null, windlassPositive: false }),
        visit(plus(15), { palpationPositive: null, windlassPositive: null }),
      ],
    });
    expect(flag(c, plus(8), "DIAGNOSIS_DOUBT")?.evidence).toEqual({
      palpationAndWindlassNegative: true,
      testsDate: plus(8),
      findings: [],
      examinedDate: null,
    });
    expect(codes(c, plus(15))).toContain("DIAGNOSIS_DOUBT");
    expect(codes(c, plus(7))).not.toContain("DIAGNOSIS_DOUBT");
  });

  it("a later positive result clears it", () => {
    const c = makeCase({
      assessments: [
        visit(plus(1), { palpationPositive: false, windlassPositive: false }),
        visit(plus(8), { palpationPositive: true, windlassPositive: null }),
      ],
    });
    expect(codes(c, plus(1))).toContain("DIAGNOSIS_DOUBT");
    expect(codes(c, plus(8))).not.toContain("DIAGNOSIS_DOUBT");
  });

  it("needs pain present when the tests were negative: a recovering patient's tests turn negative too", () => {
    const negative = (pain: number, instrument: "NRS_FIRST_STEP" | "NRS_ACTIVITY" = "NRS_FIRST_STEP") =>
      makeCase({
        outcomes: [clinic(START, 7), clinic(plus(30), pain, instrument)],
        assessments: [visit(plus(30), { palpationPositive: false, windlassPositive: false })],
      });
    expect(codes(negative(4), plus(30))).toContain("DIAGNOSIS_DOUBT");
    expect(codes(negative(3), plus(30))).not.toContain("DIAGNOSIS_DOUBT");
    expect(codes(negative(5, "NRS_ACTIVITY"), plus(30))).toContain("DIAGNOSIS_DOUBT");
    // No pain score that day: it may be present, so the doubt stands.
    expect(
      codes(
        makeCase({
          outcomes: [clinic(START, 7)],
          assessments: [visit(plus(30), { palpationPositive: false, windlassPositive: false })],
        }),
        plus(30),
      ),
    ).toContain("DIAGNOSIS_DOUBT");
    // The threshold is the clinic's persisting pain.
    expect(evaluate(negative(3), plus(30), ruleSettings({ persistingPain: 3 })).map((f) => f.code)).toContain(
      "DIAGNOSIS_DOUBT",
    );
  });

  it("the pain is the day's value on the date of the later of the two results", () => {
    const c = makeCase({
      outcomes: [clinic(plus(10), 6), diary(plus(10), 2)],
      assessments: [
        visit(plus(1), { palpationPositive: false, windlassPositive: null }),
        visit(plus(10), { palpationPositive: null, windlassPositive: false }),
      ],
    });
    expect(codes(c, plus(10))).toContain("DIAGNOSIS_DOUBT");
  });
});

describe("DIAGNOSIS_DOUBT from the latest examined visit", () => {
  const finding = visit(plus(1), { findings: ["INFLAMMATORY_SIGNS"] });

  it("a later visit that did not examine the differentials neither clears nor changes a finding", () => {
    const c = makeCase({ assessments: [finding, visit(plus(14), { differentialsExamined: false })] });
    expect(flag(c, plus(14), "DIAGNOSIS_DOUBT")?.evidence).toMatchObject({
      findings: ["INFLAMMATORY_SIGNS"],
      examinedDate: plus(1),
    });
  });

  it("a later visit that examined them and found nothing clears it", () => {
    const c = makeCase({ assessments: [finding, visit(plus(14), { differentialsExamined: false }), visit(plus(20))] });
    expect(codes(c, plus(19))).toContain("DIAGNOSIS_DOUBT");
    expect(codes(c, plus(20))).not.toContain("DIAGNOSIS_DOUBT");
  });

  it("the input refuses findings on a visit that did not examine them", () => {
    const parsed = parseRulesInput({
      asOf: START,
      cases: [
        {
          id: "x",
          episode: { symptomOnset: START, treatmentStart: START, status: "active" },
          assessments: [{ date: START, differentialsExamined: false, findings: ["NEURAL_SYMPTOMS"] }],
        },
      ],
    });
    expect(parsed).toEqual({
      ok: false,
      error: expect.stringContaining(
        'case "x": assessments[0].findings: must be empty when differentialsExamined is false',
      ),
    });
  });
});

describe("two visits on one date count in the order they were made", () => {
  it("the later visit's screen decides RED_FLAG", () => {
    const c = makeCase({ assessments: [visit(plus(3), { redFlags: ["FEVER_MALAISE"] }), visit(plus(3))] });
    expect(codes(c, plus(3))).not.toContain("RED_FLAG");
    const reversed = makeCase({ assessments: [visit(plus(3)), visit(plus(3), { redFlags: ["FEVER_MALAISE"] })] });
    expect(codes(reversed, plus(3))).toContain("RED_FLAG");
  });
});

describe("the day's value", () => {
  it("a same-day clinic 6 and diary 3 count as 6, whichever was entered last", () => {
    const c = makeCase({ outcomes: [clinic(START, 4), clinic(plus(20), 6), diary(plus(20), 3)] });
    const state = deriveEpisodeState(c, plus(20), DEFAULT_RULE_SETTINGS);
    const firstStep = state.judged.find((j) => j.instrument === "NRS_FIRST_STEP")!;
    expect(firstStep).toMatchObject({ baseline: 4, latest: 6, worse: true });
    expect(state.painTrend).toBe("WORSENING");
    expect(codes(c, plus(20))).toContain("WORSENING");
  });

  it("is the highest for a lower-is-better instrument and the lowest for a higher-is-better one", () => {
    const c = makeCase({
      outcomes: [
        clinic(START, 50, "FAAM_ADL"),
        clinic(START, 40, "FAAM_ADL"),
        clinic(plus(20), 55, "FAAM_ADL"),
        clinic(START, 30, "FFI"),
        clinic(START, 35, "FFI"),
      ],
    });
    const judged = deriveEpisodeState(c, plus(20), DEFAULT_RULE_SETTINGS).judged;
    expect(judged.find((j) => j.instrument === "FAAM_ADL")).toMatchObject({ baseline: 40, latest: 55, improved: true });
    expect(judged.find((j) => j.instrument === "FFI")).toMatchObject({ baseline: 35 });
  });

  it("the morning comparison of LOAD_RESPONSE reads day values", () => {
    const c = makeCase({
      programs: [program("HSR")],
      sessions: [session(plus(10), { painDuring: 1 })],
      outcomes: [diary(plus(10), 2), clinic(plus(10), 3), diary(plus(11), 5)],
    });
    // 3 (the day's value, not the diary's 2) to 5 is a rise of 2.
    expect(flag(c, plus(11), "LOAD_RESPONSE")?.evidence).toMatchObject({
      worseNextMornings: [{ sessionDate: plus(10), sessionMorning: 3, nextMorning: 5 }],
    });
  });
});

describe("the reviews wait while RED_FLAG or DIAGNOSIS_DOUBT fires", () => {
  const stuck = {
    outcomes: [clinic(START, 7), clinic(plus(20), 7)],
    interventions: [{ date: plus(-100), type: "CORTICOSTEROID_INJECTION" as const }],
  };

  it("no injection review beside a suspected fascia rupture, no shockwave beside a doubt, no surgery beside either", () => {
    const base = makeCase({ ...stuck, assessments: [visit(plus(360))] });
    expect(codes(base, plus(365))).toEqual(
      expect.arrayContaining(["SECOND_LINE_REVIEW", "INJECTION_REVIEW", "SURGERY_REVIEW"]),
    );
    for (const extra of [
      { redFlags: ["SUSPECTED_FASCIA_RUPTURE" as const] },
      { findings: ["NEURAL_SYMPTOMS" as const] },
    ]) {
      const held = codes(makeCase({ ...stuck, assessments: [visit(plus(360), extra)] }), plus(365));
      expect(held).not.toContain("SECOND_LINE_REVIEW");
      expect(held).not.toContain("INJECTION_REVIEW");
      expect(held).not.toContain("SURGERY_REVIEW");
      expect(held).toContain("NO_IMPROVEMENT");
    }
  });
});

describe("what a clinician reads", () => {
  it("is rendered from the code and the evidence: the pain limit the flag fired with, a red flag that puts the plan on hold", () => {
    const c = makeCase({ sessions: [session(plus(3), { painDuring: 6 })] });
    const response = evaluate(c, plus(3), ruleSettings({ loadResponseMaxPain: 4 })).find(
      (f) => f.code === "LOAD_RESPONSE",
    )!;
    expect(response.evidence).toMatchObject({ maxPain: 4 });
    expect(recommendationIn(response, "da")).toContain("højst 4 på en skala fra 0 til 10");
    const red = flag(
      makeCase({ assessments: [visit(START, { redFlags: ["POSITIVE_CALCANEAL_SQUEEZE"] })] }),
      START,
      "RED_FLAG",
    )!;
    expect(recommendationIn(red, "da")).toMatch(/på pause.*ingen hælløft med vægt/);
    expect(recommendationIn(red, "en")).toMatch(/on hold.*no loaded heel raises/);
    expect(getMessages("da").rules.WORSENING).toMatch(/sættes ikke op/);
  });
});

describe("one input for both commands", () => {
  const episode = { symptomOnset: START, treatmentStart: START, status: "active" };
  const hsr = { kind: "HSR", template: "hsr-12-weeks", start: START, sessionsPerWeek: 3, status: "active" };
  const refused = (c: object) => parseRulesInput({ asOf: START, cases: [{ id: "c", episode, ...c }] });

  it.each([
    ["a program without a template", { programs: [{ ...hsr, template: undefined }] }, "programs[0].template"],
    [
      "an unknown template",
      { programs: [{ ...hsr, template: "hsr-6-weeks" }] },
      "programs[0].template: unknown template",
    ],
    [
      "a template of another kind",
      { programs: [{ ...hsr, template: "return-to-run" }] },
      "programs[0].template: is a RETURN_TO_RUN template",
    ],
    ["two active programs of one kind", { programs: [hsr, hsr] }, "programs[1].status"],
    [
      "a session of a kind the case has no program of",
      { programs: [hsr], sessions: [{ date: START, kind: "RETURN_TO_RUN", completed: true }] },
      "sessions[0].kind",
    ],
    [
      "a negative load",
      { programs: [hsr], sessions: [{ date: START, kind: "HSR", completed: true, loadKg: -1 }] },
      "sessions[0].loadKg",
    ],
    ["a negative starting load", { programs: [{ ...hsr, startingLoadKg: -2.5 }] }, "programs[0].startingLoadKg"],
    [
      "an unknown effort",
      { programs: [hsr], sessions: [{ date: START, kind: "HSR", completed: true, effort: "EASY" }] },
      "sessions[0].effort",
    ],
  ])("refuses %s", (_, c, field) => {
    const parsed = refused(c);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(`case "c": ${field}`);
  });

  it("takes first-week sessions, which the rules ignore, and gives each session its active program", () => {
    const parsed = parseRulesInput({
      asOf: START,
      cases: [
        {
          id: "c",
          episode,
          programs: [{ ...hsr, kind: "FIRST_WEEK", template: "first-week", sessionsPerWeek: 7 }],
          sessions: [{ date: START, kind: "FIRST_WEEK", completed: true, painDuring: 9 }],
        },
      ],
    });
    expect(parsed.ok).toBe(true);
    const c = parsed.ok ? parsed.input.cases[0]! : makeCase();
    expect(c.sessions[0]!.programId).toBe(c.programs[0]!.id);
    expect(codes(c, START)).not.toContain("LOAD_RESPONSE");
  });
});

describe("the global rating of change (clinical review N37)", () => {
  it("is a change already: the rules never judge it against a baseline, so a rising rating does not stand in for improvement", () => {
    const stuck = makeCase({
      outcomes: [
        clinic(START, 7),
        clinic(plus(45), 7),
        clinic(plus(10), -1, "GLOBAL_CHANGE"),
        clinic(plus(45), 3, "GLOBAL_CHANGE"),
      ],
    });
    expect(codes(stuck, plus(50))).toContain("NO_IMPROVEMENT");
    expect(flag(stuck, plus(50), "NO_IMPROVEMENT")?.evidence).toMatchObject({
      judgeable: [{ instrument: "NRS_FIRST_STEP", baseline: 7, latest: 7 }],
    });
  });
});
