// npm run rules:evaluate, run as a real process on files and stdin.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_DB_KIND } from "../support/test-db";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXAMPLE = path.join(ROOT, "lib/rules/examples/spec-example.json");

function run(args: string[], stdin?: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts/rules-evaluate.ts"), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
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
          { code: "LOW_ADHERENCE", severity: "warning", evidence: { programStart: "2025-12-01", prescribed: 6, completed: 0, windowDays: 14 }, recommendation: expect.any(String) },
          { code: "FOLLOW_UP_OVERDUE", severity: "info", evidence: { latestAssessmentDate: "2025-12-01", daysSince: 90 }, recommendation: "Book a follow-up visit." },
        ],
      },
    ]);
  });

  it("reads stdin and speaks Danish on request", async () => {
    const { code, stdout } = await run(["-", "--lang", "da"], await readFile(EXAMPLE, "utf8"));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0].flags[1].recommendation).toBe("Book en opfølgende konsultation.");
  });

  it.each([
    ['case "c7": outcomes[0].value', { asOf: "2026-03-01", cases: [{ id: "c7", episode: { symptomOnset: "2025-10-01", treatmentStart: "2025-12-01", status: "active" }, outcomes: [{ date: "2025-12-01", instrument: "NRS_FIRST_STEP", value: 11 }] }] }],
    ['case "c8": assessments[0].redFlags[0]', { asOf: "2026-03-01", cases: [{ id: "c8", episode: { symptomOnset: "2025-10-01", treatmentStart: "2025-12-01", status: "active" }, assessments: [{ date: "2025-12-01", redFlags: ["HEADACHE"] }] }] }],
    ["case #1: id", { asOf: "2026-03-01", cases: [{ episode: {} }] }],
    ["asOf", { asOf: "1 March", cases: [] }],
    ["settings", { asOf: "2026-03-01", settings: { noImprovmentDays: 30 }, cases: [] }],
    ["settings.noImprovementHighDays: must not be below noImprovementDays", { asOf: "2026-03-01", settings: { noImprovementHighDays: 30 }, cases: [] }],
    ["settings.morningRise: must be between 1 and 10", { asOf: "2026-03-01", settings: { morningRise: 0 }, cases: [] }],
    ['case "c9": assessments[0].redFlags: must be empty when redFlagsScreened is false', {
      asOf: "2026-03-01", cases: [{ id: "c9", episode, assessments: [{ date: "2025-12-01", redFlagsScreened: false, redFlags: ["FEVER_MALAISE"] }] }],
    }],
    ['case "c10": assessments[0].redFlags[0]', { asOf: "2026-03-01", cases: [{ id: "c10", episode, assessments: [{ date: "2025-12-01", redFlags: ["NEURO_SYMPTOMS"] }] }] }],
    ['case "c11": assessments[0]', { asOf: "2026-03-01", cases: [{ id: "c11", episode, assessments: [{ date: "2025-12-01", redFlagScreened: false }] }] }],
    ['case "c12": sessions[0].kind', { asOf: "2026-03-01", cases: [{ id: "c12", episode, sessions: [{ date: "2025-12-01", kind: "FIRST_WEEK", completed: true }] }] }],
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
      cases: [{
        id: "r1",
        episode,
        assessments: [
          { date: "2026-02-01", palpationPositive: null, windlassPositive: true, redFlags: ["POSITIVE_CALCANEAL_SQUEEZE"], findings: ["INFLAMMATORY_SIGNS"] },
          { date: "2026-02-20", palpationPositive: true, windlassPositive: null, redFlagsScreened: false },
        ],
        outcomes: [{ date: "2026-02-01", instrument: "NRS_FIRST_STEP", value: 3, recordedBy: "CLINICIAN" }, { date: "2026-02-28", instrument: "NRS_FIRST_STEP", value: 6, recordedBy: "PATIENT" }],
        sessions: [{ date: "2026-02-27", kind: "RETURN_TO_RUN", completed: true, painDuring: 5 }],
      }],
    };
    const { code, stdout, stderr } = await run([await tempFile(JSON.stringify(input))]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const flags = JSON.parse(stdout)[0].flags as { code: string; evidence: unknown }[];
    // The red flag outlives the unscreened visit; one diary entry 3 points up is no WORSENING;
    // the painful return-to-run session is a LOAD_RESPONSE; pain 6 ≥ persistingPain 5 keeps the reviews.
    expect(flags.map((f) => f.code)).toEqual(["RED_FLAG", "NO_IMPROVEMENT", "LOAD_RESPONSE", "INJECTION_REVIEW", "SECOND_LINE_REVIEW"]);
    expect(flags[0]!.evidence).toEqual({ assessmentDate: "2026-02-01", redFlags: ["POSITIVE_CALCANEAL_SQUEEZE"] });
  });

  it("writes all of a large result into a pipe, as into a file", async () => {
    const cases = Array.from({ length: 2000 }, (_, i) => ({
      id: `case-${i}`,
      episode,
      assessments: [{ date: "2025-12-01", redFlags: ["FEVER_MALAISE"], findings: ["NEURAL_SYMPTOMS"] }],
      outcomes: [{ date: "2025-12-01", instrument: "NRS_FIRST_STEP", value: 7 }, { date: "2026-01-20", instrument: "NRS_FIRST_STEP", value: 7 }],
    }));
    const file = await tempFile(JSON.stringify({ asOf: "2026-03-01", cases }));
    const tsx = path.join(ROOT, "node_modules/.bin/tsx");
    const script = path.join(ROOT, "scripts/rules-evaluate.ts");
    const shell = (command: string) =>
      new Promise<string>((resolve, reject) => execFile("sh", ["-c", command], { cwd: ROOT }, (error, stdout) => (error ? reject(error) : resolve(stdout.trim()))));
    const out = path.join(path.dirname(file), "out.json");
    const piped = Number(await shell(`"${tsx}" "${script}" "${file}" | wc -c`));
    await shell(`"${tsx}" "${script}" "${file}" > "${out}"`);
    expect(piped).toBeGreaterThan(64 * 1024);
    expect(piped).toBe((await stat(out)).size);
    expect(JSON.parse(await readFile(out, "utf8"))).toHaveLength(2000);
  }, 60_000);
});
