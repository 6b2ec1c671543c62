// SPEC §6: one rule for a worse morning, said the same way everywhere a patient or a
// clinician reads it.
import { describe, expect, it } from "vitest";

import { evaluate } from "../../clinical/rules/evaluate";
import { makeCase, plus, session } from "../../clinical/rules/rule-case-builders";
import { recommendationIn } from "../flags/flag-text";
import { getMessages } from "../i18n";

describe.each(["da", "en"] as const)("the worse-morning rule in %s", (locale) => {
  const m = getMessages(locale);
  const rule = m.prescription.worseMorning;

  it("is one sentence in the portal's prescription, the handout, the first-week advice, the education page and the flag", () => {
    expect(rule.length).toBeGreaterThan(40);
    expect(m.prescription.painRule(3)).toContain(rule);
    expect(m.handout.advice.FIRST_WEEK).toContain(rule);
    // The education page says the handout's pain rule, with the clinic's limit, in its pain-rule section.
    expect(getMessages(locale).education.sections.some((s) => s.painRule)).toBe(true);
    const loadResponse = evaluate(makeCase({ sessions: [session(plus(3), { painDuring: 6 })] }), plus(3)).find(
      (f) => f.code === "LOAD_RESPONSE",
    )!;
    expect(recommendationIn(loadResponse, locale)).toContain(rule);
  });
});
