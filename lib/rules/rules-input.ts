// The input of `npm run rules:evaluate` (SPEC §5), validated case by case so an error names
// the case and the field. Objects are strict: a misspelt field (say "redFlagScreened") is an
// error rather than a silent default.
import { z } from "zod";
import { isValidValue } from "../clinical/instruments";
import { FINDINGS, RED_FLAGS } from "../clinical/red-flags";
import { Instrument, InterventionType, ProgramKind, RecordedBy } from "../generated/prisma/enums";
import { LOADING_PROGRAM_KINDS, type RuleCase } from "./case";
import { crossedSettings, ruleSettings, SETTING_DECIMALS, SETTING_LIMITS, ZRuleSettingsOverride, type RuleSettingName, type RuleSettingsOverride } from "./settings";

const date = z.iso.date();
const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);
const painScore = z.number().min(0).max(10);

const ZAssessment = z
  .strictObject({
    date,
    palpationPositive: z.boolean().nullable().default(null),
    windlassPositive: z.boolean().nullable().default(null),
    redFlagsScreened: z.boolean().default(true),
    redFlags: z.array(enumOf(RED_FLAGS)).default([]),
    findings: z.array(enumOf(FINDINGS)).default([]),
    walkToleranceMin: z.number().int().min(0).nullable().default(null),
    walkNextMorningWorse: z.boolean().nullable().default(null),
  })
  .refine((a) => a.redFlagsScreened || a.redFlags.length === 0, {
    path: ["redFlags"],
    message: "must be empty when redFlagsScreened is false (a visit without the screen records no red flags)",
  })
  .transform((a) => ({ ...a, redFlags: [...new Set(a.redFlags)].sort(), findings: [...new Set(a.findings)].sort() }));

const ZRuleCase = z.strictObject({
  id: z.string().min(1),
  episode: z.strictObject({ symptomOnset: date, treatmentStart: date, status: z.enum(["active", "paused", "discharged"]) }),
  assessments: z.array(ZAssessment).default([]),
  outcomes: z
    .array(
      z
        .strictObject({ date, instrument: enumOf(Object.values(Instrument)), value: z.number(), recordedBy: enumOf(Object.values(RecordedBy)).default("CLINICIAN") })
        .refine((o) => isValidValue(o.instrument, o.value), { path: ["value"], message: "outside the instrument's range or precision" }),
    )
    .default([]),
  programs: z
    .array(z.strictObject({ kind: enumOf(Object.values(ProgramKind)), start: date, sessionsPerWeek: z.number().int().min(1).max(7), status: z.enum(["active", "ended"]) }))
    .default([]),
  sessions: z
    .array(z.strictObject({ date, kind: enumOf(LOADING_PROGRAM_KINDS), completed: z.boolean(), painDuring: painScore.nullable().default(null) }))
    .default([]),
  interventions: z.array(z.strictObject({ date, type: enumOf(Object.values(InterventionType)) })).default([]),
}) satisfies z.ZodType<RuleCase, unknown>;

const ZEnvelope = z.strictObject({
  asOf: date,
  settings: ZRuleSettingsOverride.optional().superRefine((overrides, ctx) => {
    for (const { name, before } of crossedSettings(ruleSettings(overrides))) {
      ctx.addIssue({ code: "custom", path: [name], message: `must not be below ${before}` });
    }
  }),
  cases: z.array(z.unknown()),
});

export type RulesInput = { asOf: string; settings: RuleSettingsOverride; cases: RuleCase[] };

const where = (path: PropertyKey[]) => path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("").replace(/^\./, "");

/** An issue's message for a person: the settings' error codes spelt out. */
function message(issue: z.core.$ZodIssue): string {
  const name = issue.path[1] as RuleSettingName;
  if (issue.path[0] === "settings" && issue.message === "outOfRange") return `must be between ${SETTING_LIMITS[name][0]} and ${SETTING_LIMITS[name][1]}`;
  if (issue.path[0] === "settings" && issue.message === "tooManyDecimals") return `has more decimals than the setting keeps (${SETTING_DECIMALS[name] ?? 0})`;
  return issue.message;
}

/** The parsed input, or the first problem as "case <id>: <field>: <message>". */
export function parseRulesInput(raw: unknown): { ok: true; input: RulesInput } | { ok: false; error: string } {
  const envelope = ZEnvelope.safeParse(raw);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    return { ok: false, error: `${where(issue.path) || "input"}: ${message(issue)}` };
  }
  const cases: RuleCase[] = [];
  for (const [index, candidate] of envelope.data.cases.entries()) {
    const parsed = ZRuleCase.safeParse(candidate);
    if (!parsed.success) {
      const id = typeof (candidate as { id?: unknown })?.id === "string" ? `"${(candidate as { id: string }).id}"` : `#${index + 1}`;
      const issue = parsed.error.issues[0]!;
      return { ok: false, error: `case ${id}: ${where(issue.path)}: ${issue.message}` };
    }
    cases.push(parsed.data);
  }
  return { ok: true, input: { asOf: envelope.data.asOf, settings: envelope.data.settings ?? {}, cases } };
}
