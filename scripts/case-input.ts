// What `npm run rules:evaluate` and `npm run programs:prescribe` share: FILE or - (stdin), the
// one input format of SPEC §5 (lib/clinical/rules/rules-input.ts), and how they end. Invalid input exits
// with status 2 and a message on stderr naming the case and the field, and nothing on stdout.
import { readFile } from "node:fs/promises";

import { parseRulesInput, type RulesInput } from "../lib/clinical/rules/rules-input";

/** The parsed input, or the exit status after saying on stderr what was wrong. */
export async function readCaseInput(file: string | undefined, usage: string): Promise<RulesInput | number> {
  if (!file) {
    console.error(usage);
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
  return parsed.input;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Writes the result and sets the exit status; the process ends by itself once stdout has drained. */
export function finish(main: () => Promise<number>) {
  // process.exit() here would cut a large result short when stdout is a pipe, which drains asynchronously.
  void main().then((code) => {
    process.exitCode = code;
  });
}
