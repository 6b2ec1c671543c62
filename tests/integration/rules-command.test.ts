// npm run rules:evaluate, run as a real process on files and stdin.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { TEST_DB_KIND } from "../support/test-db";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXAMPLE = path.join(ROOT, "lib/clinical/rules/examples/spec-example.json");

function run(args: string[], stdin?: string, script = "scripts/rules-evaluate.ts") {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      path.join(ROOT, "node_modules/.bin/tsx"),
      [path.join(ROOT, script), ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? "");
  });
}

async function tempFile(content: string) {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), "rules-")), "input.json");
  await writeFile(file, content);
  return file;
}

const episode = { symptomOnset: "2025-10-01", treatmentStart: "2025-12-01", status: "active" };

// The command touches no database; run it once.
describe.runIf(TEST_DB_KIND === "pglite")("rules:evaluate", () => {
  it("answers the SPEC example with flags sorted by severity then code", async () => {
    const { code, stdout } = await run([EXAMPLE]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        id: "c1",
        flags: [
          {
            code: "LOW_ADHERENCE",
            severity: "warning",
            evidence: { programStart: "2025-12-01", prescribed: 6, completed: 0, windowDays: 14 },
            recommendation: expect.any(String),
          },
          {
            code: "FOLLOW_UP_OVERDUE",
            severity: "info",
            evidence: { latestAssessmentDate: "2025-12-01", daysSince: 90 },
            recommendation: "Book a follow-up visit.",
          },
        ],
      },
    ]);
  });

  it("reads stdin and speaks Danish on request", async () => {
    const { code, stdout } = await run(["-", "--lang", "da"], await readFile(EXAMPLE, "utf8"));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0].flags[1].recommendation).toBe("Aftal en opfølgende konsultation.");
  });

  it.each([
    [
      'case "c7": outcomes[0].value',
      {
        asOf: "2026-03-01",
        cases: [
          {
            id: "c7",
            episode: { symptomOnset: "2025-10-01", treatmentStart: "2025-12-01", status: "active" },
            outcomes: [{ date: "2025-12-01", instrument: "NRS_FIRST_STEP", value: 11 }],
          },
        ],
      },
    ],
    [
      'case "c8": assessments[0].redFlags[0]',
      {
        asOf: "2026-03-01",
        cases: [
          {
            id: "c8",
            episode: { symptomOnset: "2025-10-01", treatmentStart: "2025-12-01", status: "active" },
            assessments: [{ date: "2025-12-01", redFlags: ["HEADACHE"] }],
          },
        ],
      },
    ],
    ["case #1: id", { asOf: "2026-03-01", cases: [{ episode: {} }] }],
    ["asOf", { asOf: "1 March", cases: [] }],
    ["settings", { asOf: "2026-03-01", settings: { noImprovmentDays: 30 }, cases: [] }],
    [
      "settings.noImprovementHighDays: must not be below noImprovementDays",
      { asOf: "2026-03-01", settings: { noImprovementHighDays: 30 }, cases: [] },
    ],
    ["settings.morningRise: must be between 1 and 10", { asOf: "2026-03-01", settings: { morningRise: 0 }, cases: [] }],
    [
      'case "c9": assessments[0].redFlags: must be empty when redFlagsScreened is false',
      {
        asOf: "2026-03-01",
        cases: [
          {
            id: "c9",
            episode,
            assessments: [{ date: "2025-12-01", redFlagsScreened: false, redFlags: ["FEVER_MALAISE"] }],
          },
        ],
      },
    ],
    [
      'case "c10": assessments[0].redFlags[0]',
      {
        asOf: "2026-03-01",
        cases: [{ id: "c10", episode, assessments: [{ date: "2025-12-01", redFlags: ["NEURO_SYMPTOMS"] }] }],
      },
    ],
    [
      'case "c11": assessments[0]',
      {
        asOf: "2026-03-01",
        cases: [{ id: "c11", episode, assessments: [{ date: "2025-12-01", redFlagScreened: false }] }],
      },
    ],
    [
      'case "c12": sessions[0].kind',
      {
        asOf: "2026-03-01",
        cases: [{ id: "c12", episode, sessions: [{ date: "2025-12-01", kind: "FIRST_WEEK", completed: true }] }],
      },
    ],
  ])("exits 2 naming %s, with nothing on stdout", async (named, input) => {
    const { code, stdout, stderr } = await run([await tempFile(JSON.stringify(input))]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(named);
  });

  it("exits 2 on a file that is not JSON", async () => {
    const { code, stdout, stderr } = await run([await tempFile("{ not json")]);
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toContain("is not valid JSON");
  });

  it("reads the fields of the 2026-11-25 revisions", async () => {
    const input = {
      asOf: "2026-03-01",
      settings: { morningRise: 3, persistingPain: 5, injectionIntervalDays: 60 },
      cases: [
        {
          id: "r1",
          episode,
          assessments: [
            {
              date: "2026-02-01",
              palpationPositive: null,
              windlassPositive: true,
              redFlags: ["POSITIVE_CALCANEAL_SQUEEZE"],
              findings: ["INFLAMMATORY_SIGNS"],
            },
            { date: "2026-02-20", palpationPositive: true, windlassPositive: null, redFlagsScreened: false },
          ],
          outcomes: [
            { date: "2026-02-01", instrument: "NRS_FIRST_STEP", value: 3, recordedBy: "CLINICIAN" },
            { date: "2026-02-28", instrument: "NRS_FIRST_STEP", value: 6, recordedBy: "PATIENT" },
          ],
          programs: [
            {
              kind: "RETURN_TO_RUN",
              template: "return-to-run",
              start: "2026-02-20",
              sessionsPerWeek: 2,
              status: "ended",
            },
          ],
          sessions: [{ date: "2026-02-27", kind: "RETURN_TO_RUN", completed: true, painDuring: 5 }],
        },
      ],
    };
    const { code, stdout, stderr } = await run([await tempFile(JSON.stringify(input))]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const flags = JSON.parse(stdout)[0].flags as { code: string; evidence: unknown }[];
    // The red flag outlives the unscreened visit; one diary entry 3 points up is no WORSENING;
    // the painful return-to-run session (of an ended program) is a LOAD_RESPONSE; the shockwave
    // and injection reviews wait while the red flag stands (revision 2026-12-05).
    expect(flags.map((f) => f.code)).toEqual(["RED_FLAG", "NO_IMPROVEMENT", "LOAD_RESPONSE"]);
    expect(flags[0]!.evidence).toEqual({ assessmentDate: "2026-02-01", redFlags: ["POSITIVE_CALCANEAL_SQUEEZE"] });
  });

  it("writes all of a large result into a pipe, as into a file", async () => {
    const cases = Array.from({ length: 2000 }, (_, i) => ({
      id: `case-${i}`,
      episode,
      assessments: [{ date: "2025-12-01", redFlags: ["FEVER_MALAISE"], findings: ["NEURAL_SYMPTOMS"] }],
      outcomes: [
        { date: "2025-12-01", instrument: "NRS_FIRST_STEP", value: 7 },
        { date: "2026-01-20", instrument: "NRS_FIRST_STEP", value: 7 },
      ],
    }));
    await expectWholeInPipe("scripts/rules-evaluate.ts", cases);
  }, 60_000);
});

/** A large result is as long through a pipe as in a file, and whole (stdout drained, not cut at 64 KiB). */
async function expectWholeInPipe(script: string, cases: object[]) {
  const file = await tempFile(JSON.stringify({ asOf: "2026-03-01", cases }));
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");
  const shell = (command: string) =>
    new Promise<string>((resolve, reject) =>
      execFile("sh", ["-c", command], { cwd: ROOT }, (error, stdout) =>
        error ? reject(error) : resolve(stdout.trim()),
      ),
    );
  const out = path.join(path.dirname(file), "out.json");
  const piped = Number(await shell(`"${tsx}" "${path.join(ROOT, script)}" "${file}" | wc -c`));
  await shell(`"${tsx}" "${path.join(ROOT, script)}" "${file}" > "${out}"`);
  expect(piped).toBeGreaterThan(64 * 1024);
  expect(piped).toBe((await stat(out)).size);
  expect(JSON.parse(await readFile(out, "utf8"))).toHaveLength(cases.length);
}

// npm run programs:prescribe: the same input, the prescriptions of SPEC §6.
describe.runIf(TEST_DB_KIND === "pglite")("programs:prescribe", () => {
  const prescribe = (args: string[], stdin?: string) => run(args, stdin, "scripts/programs-prescribe.ts");

  it("answers the SPEC example: week 13 of 12, past the program, kept in phase 1 for want of sessions", async () => {
    const { code, stdout, stderr } = await prescribe([EXAMPLE]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(JSON.parse(stdout)).toEqual([
      {
        id: "c1",
        programs: [
          {
            kind: "HSR",
            template: "hsr-12-weeks",
            status: "ACTIVE",
            reasons: [],
            week: 13,
            phase: 1,
            phaseCode: "HSR_1",
            weekOutcome: "ON_SCHEDULE",
            sets: 3,
            reps: [12, 12],
            suggestedLoadKg: 0,
            loadReason: "KEPT",
            completed: true,
            totalWeeks: 12,
          },
        ],
      },
    ]);
  });

  it("puts a plan with a red flag on hold, leaves out a program not started and a discharged case's programs", async () => {
    const input = {
      asOf: "2026-01-20",
      cases: [
        {
          id: "held",
          episode: { ...episode, treatmentStart: "2026-01-05" },
          assessments: [{ date: "2026-01-19", redFlags: ["SUSPECTED_FASCIA_RUPTURE"] }],
          programs: [
            { kind: "HSR", template: "hsr-rathleff-2015", start: "2026-01-05", sessionsPerWeek: 3, status: "active" },
            {
              kind: "RETURN_TO_RUN",
              template: "return-to-run",
              start: "2026-02-01",
              sessionsPerWeek: 2,
              status: "active",
            },
          ],
        },
        {
          id: "gone",
          episode: { ...episode, status: "discharged" },
          programs: [
            { kind: "HSR", template: "hsr-12-weeks", start: "2025-12-01", sessionsPerWeek: 3, status: "active" },
          ],
        },
      ],
    };
    const { code, stdout } = await prescribe(["-"], JSON.stringify(input));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        id: "held",
        programs: [
          expect.objectContaining({
            template: "hsr-rathleff-2015",
            status: "ON_HOLD",
            reasons: ["RED_FLAG"],
            week: 3,
            phase: 1,
            weekOutcome: "HELD_FLAG",
          }),
        ],
      },
      { id: "gone", programs: [] },
    ]);
  });

  it.each([
    [
      'case "c1": programs[0].template',
      { programs: [{ kind: "HSR", start: "2025-12-01", sessionsPerWeek: 3, status: "active" }] },
    ],
    [
      'case "c1": programs[1].status',
      {
        programs: [0, 1].map(() => ({
          kind: "HSR",
          template: "hsr-12-weeks",
          start: "2025-12-01",
          sessionsPerWeek: 3,
          status: "active",
        })),
      },
    ],
    [
      'case "c1": sessions[0].loadKg',
      {
        programs: [
          { kind: "HSR", template: "hsr-12-weeks", start: "2025-12-01", sessionsPerWeek: 3, status: "active" },
        ],
        sessions: [{ date: "2025-12-02", kind: "HSR", completed: true, loadKg: -2.5 }],
      },
    ],
  ])("refuses %s with status 2 and nothing on stdout, as rules:evaluate does", async (named, extra) => {
    const file = await tempFile(JSON.stringify({ asOf: "2026-03-01", cases: [{ id: "c1", episode, ...extra }] }));
    for (const answer of [await prescribe([file]), await run([file])]) {
      expect([answer.code, answer.stdout]).toEqual([2, ""]);
      expect(answer.stderr).toContain(named);
    }
  });

  it("writes all of a large result into a pipe, as into a file", async () => {
    const cases = Array.from({ length: 1500 }, (_, i) => ({
      id: `case-${i}`,
      episode,
      programs: [{ kind: "HSR", template: "hsr-12-weeks", start: "2025-12-01", sessionsPerWeek: 3, status: "active" }],
      sessions: [{ date: "2025-12-03", kind: "HSR", completed: true, painDuring: 2, sets: 3, reps: 12 }],
    }));
    await expectWholeInPipe("scripts/programs-prescribe.ts", cases);
  }, 60_000);
});
