// npm run rules:evaluate -- FILE (or - for stdin) [--lang da|en]: the flags of each case, as
// JSON on stdout (SPEC §5). Invalid input exits with status 2, a message on stderr naming the
// case and the field, and nothing on stdout.
import { readFile } from "node:fs/promises";
import { evaluate } from "../lib/rules/evaluate";
import { parseRulesInput } from "../lib/rules/rules-input";
import { ruleSettings } from "../lib/rules/settings";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const langAt = args.indexOf("--lang");
  const lang = langAt >= 0 ? args.splice(langAt, 2)[1] : "en";
  const file = args[0];
  if (!file || (lang !== "da" && lang !== "en")) {
    console.error("Usage: npm run rules:evaluate -- FILE|- [--lang da|en]");
    return 2;
  }
  let text: string;
  try {
    text = file === "-" ? await readStdin() : await readFile(file, "utf8");
  } catch {
    console.error(`Cannot read ${file}.`);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    console.error(`${file === "-" ? "stdin" : file} is not valid JSON.`);
    return 2;
  }
  const parsed = parseRulesInput(raw);
  if (!parsed.ok) {
    console.error(`Invalid input: ${parsed.error}`);
    return 2;
  }
  const settings = ruleSettings(parsed.input.settings);
  const output = parsed.input.cases.map((c) => ({
    id: c.id,
    flags: evaluate(c, parsed.input.asOf, settings).map((flag) => ({
      code: flag.code,
      severity: flag.severity,
      evidence: flag.evidence,
      recommendation: flag.recommendation[lang],
    })),
  }));
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

// Sets the exit status and lets the process end by itself: process.exit() here would cut a
// large result short when stdout is a pipe, which drains asynchronously.
void main().then((code) => {
  process.exitCode = code;
});
