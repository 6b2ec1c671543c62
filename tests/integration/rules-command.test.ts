// npm run rules:evaluate, run as a real process on files and stdin.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_DB_KIND } from "../support/test-db";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXAMPLE = path.join(ROOT, "lib/rules/examples/spec-example.json");

function run(args: string[], stdin?: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts/rules-evaluate.ts"), ...args], { cwd: ROOT }, (error, stdout, stderr) =>
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
    const { readFile } = await import("node:fs/promises");
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
});
