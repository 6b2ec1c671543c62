// npm run rules:evaluate -- FILE (or - for stdin) [--lang da|en]: the flags of each case, as
// JSON on stdout (SPEC §5). Invalid input exits with status 2, a message on stderr naming the
// case and the field, and nothing on stdout.
import { evaluate } from "../lib/clinical/rules/evaluate";
import { ruleSettings } from "../lib/clinical/rules/settings";
import { recommendationIn } from "../lib/present/flags/flag-text";
import { finish, readCaseInput } from "./case-input";

finish(async () => {
  const args = process.argv.slice(2);
  const langAt = args.indexOf("--lang");
  const lang = langAt >= 0 ? args.splice(langAt, 2)[1] : "en";
  const input = await readCaseInput(
    lang === "da" || lang === "en" ? args[0] : undefined,
    "Usage: npm run rules:evaluate -- FILE|- [--lang da|en]",
  );
  if (typeof input === "number") return input;
  const settings = ruleSettings(input.settings);
  const output = input.cases.map((c) => ({
    id: c.id,
    flags: evaluate(c, input.asOf, settings).map((flag) => ({
      code: flag.code,
      severity: flag.severity,
      evidence: flag.evidence,
      recommendation: recommendationIn(flag, lang as "da" | "en"),
    })),
  }));
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
});
