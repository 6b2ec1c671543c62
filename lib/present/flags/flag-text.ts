// What a flag tells a clinician to do, rendered from its code and its evidence when it is shown
// (SPEC §5): a wording fix reaches every open flag without re-evaluating it. Evidence is read
// back through a lenient schema: a flag stored by an older rule version still reads.
import { z } from "zod";

import {
  CARE_LEVELS,
  type Finding,
  FINDINGS,
  RED_FLAG_CARE,
  RED_FLAGS,
  type RedFlag,
  RETIRED_CODES,
} from "../../clinical/red-flags";
import type { RuleCode } from "../../clinical/rules/case";
import { DEFAULT_RULE_SETTINGS } from "../../clinical/rules/settings";
import type { Locale } from "../../generated/prisma/enums";
import { getMessages, type Messages } from "../i18n";
import { formatNumber } from "../i18n/format";

/** Known codes of a stored list, a retired code read as the one that took its place. */
function codesOf<T extends string>(value: unknown, known: readonly T[]): T[] {
  const list = z.array(z.string()).catch([]).parse(value);
  return [
    ...new Set(
      list
        .map((code) => RETIRED_CODES[code] ?? code)
        .filter((code): code is T => (known as readonly string[]).includes(code)),
    ),
  ];
}

const ZEvidence = z.record(z.string(), z.unknown()).catch({});

export function flagRecommendation(
  flag: { code: string; evidence: unknown },
  messages: Messages,
  locale: Locale,
): string {
  const text = messages.rules;
  const evidence = ZEvidence.parse(flag.evidence);
  const code = flag.code as RuleCode;
  switch (code) {
    case "RED_FLAG": {
      const redFlags = codesOf<RedFlag>(evidence.redFlags, RED_FLAGS);
      const care = CARE_LEVELS.find((level) => redFlags.some((c) => RED_FLAG_CARE[c] === level)) ?? "OWN_DOCTOR";
      const findings = redFlags
        .map((c) => text.redFlagFinding(messages.assessment.redFlag[c], messages.assessment.suspected[c]))
        .join(" ");
      return text.RED_FLAG(findings, text.careLevel[care]);
    }
    case "DIAGNOSIS_DOUBT": {
      const reasons = [
        ...(evidence.palpationAndWindlassNegative === true ? (["TESTS_NEGATIVE"] as const) : []),
        ...codesOf<Finding>(evidence.findings, FINDINGS),
      ];
      return text.DIAGNOSIS_DOUBT(reasons.map((reason) => text.differential[reason]).join(" "));
    }
    case "INJECTION_REVIEW":
      return text.INJECTION_REVIEW(z.number().catch(0).parse(evidence.priorInjections));
    case "LOAD_RESPONSE":
      return text.LOAD_RESPONSE(
        formatNumber(z.number().catch(DEFAULT_RULE_SETTINGS.loadResponseMaxPain).parse(evidence.maxPain), locale),
      );
    case "WORSENING":
    case "NO_IMPROVEMENT":
    case "LOW_ADHERENCE":
    case "SECOND_LINE_REVIEW":
    case "SURGERY_REVIEW":
    case "FOLLOW_UP_OVERDUE":
    case "BASELINE_MISSING":
    case "RETURN_TO_RUN_READY":
      return text[code];
    default:
      return "";
  }
}

/** The recommendation in one language's catalog: the rules command and the kernel's tests. */
export const recommendationIn = (flag: { code: string; evidence: unknown }, locale: Locale) =>
  flagRecommendation(flag, getMessages(locale), locale);
