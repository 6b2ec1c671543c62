// The input of `npm run rules:evaluate` (SPEC §5) and `npm run programs:prescribe` (SPEC §6):
// one format, checked by this one parser, so an input one command refuses the other refuses
// too. Validated case by case, so an error names the case and the field. Objects are strict: a
// misspelt field (say "redFlagScreened") is an error rather than a silent default.
import { z } from "zod";

import { Instrument, InterventionType, ProgramKind, RecordedBy } from "../../generated/prisma/enums";
import { isValidValue } from "../instruments";
import { DEFAULT_TEMPLATES } from "../programs/default-templates";
import { FINDINGS, RED_FLAGS } from "../red-flags";
import { EFFORTS, type RuleCase } from "./case";
import {
  crossedSettings,
  type RuleSettingName,
  ruleSettings,
  type RuleSettingsOverride,
  SETTING_DECIMALS,
  SETTING_LIMITS,
  ZRuleSettingsOverride,
} from "./settings";

const date = z.iso.date();
const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);
const painScore = z.number().min(0).max(10);
const load = z.number().min(0, "must not be negative");
const TEMPLATE_KEYS = DEFAULT_TEMPLATES.map((t) => t.key);

const ZAssessment = z
  .strictObject({
    date,
    palpationPositive: z.boolean().nullable().default(null),
    windlassPositive: z.boolean().nullable().default(null),
    redFlagsScreened: z.boolean().default(true),
    redFlags: z.array(enumOf(RED_FLAGS)).default([]),
    differentialsExamined: z.boolean().default(true),
    findings: z.array(enumOf(FINDINGS)).default([]),
    walkToleranceMin: z.number().int().min(0).nullable().default(null),
    walkNextMorningWorse: z.boolean().nullable().default(null),
  })
  .refine((a) => a.redFlagsScreened || a.redFlags.length === 0, {
    path: ["redFlags"],
    message: "must be empty when redFlagsScreened is false (a visit without the screen records no red flags)",
  })
  .refine((a) => a.differentialsExamined || a.findings.length === 0, {
    path: ["findings"],
    message:
      "must be empty when differentialsExamined is false (a visit that did not examine the differentials records no findings)",
  })
  .transform((a) => ({ ...a, redFlags: [...new Set(a.redFlags)].sort(), findings: [...new Set(a.findings)].sort() }));

const ZProgram = z
  .strictObject({
    kind: enumOf(Object.values(ProgramKind)),
    template: z.string({ error: "required: a template key (" + TEMPLATE_KEYS.join(", ") + ")" }),
    start: date,
    sessionsPerWeek: z.number().int().min(1).max(7),
    status: z.enum(["active", "ended"]),
    startingLoadKg: load.default(0),
    overrides: z
      .array(
        z
          .strictObject({ date, phase: z.number().int().min(1).optional(), loadKg: load.optional() })
          .refine((o) => o.phase !== undefined || o.loadKg !== undefined, {
            message: "needs a phase, a loadKg or both",
          }),
      )
      .default([]),
  })
  .superRefine((p, ctx) => {
    const template = DEFAULT_TEMPLATES.find((t) => t.key === p.template);
    if (!template)
      ctx.addIssue({ code: "custom", path: ["template"], message: `unknown template (${TEMPLATE_KEYS.join(", ")})` });
    else if (template.kind !== p.kind)
      ctx.addIssue({ code: "custom", path: ["template"], message: `is a ${template.kind} template, not ${p.kind}` });
  });

const ZSession = z.strictObject({
  date,
  kind: enumOf(Object.values(ProgramKind)),
  completed: z.boolean(),
  painDuring: painScore.nullable().default(null),
  sets: z.number().int().min(0).nullable().default(null),
  reps: z.number().int().min(0).nullable().default(null),
  loadKg: load.nullable().default(null),
  effort: enumOf(EFFORTS).nullable().default(null),
});

const ZRuleCase = z
  .strictObject({
    id: z.string().min(1),
    episode: z.strictObject({
      symptomOnset: date,
      treatmentStart: date,
      status: z.enum(["active", "paused", "discharged"]),
    }),
    assessments: z.array(ZAssessment).default([]),
    outcomes: z
      .array(
        z
          .strictObject({
            date,
            instrument: enumOf(Object.values(Instrument)),
            value: z.number(),
            recordedBy: enumOf(Object.values(RecordedBy)).default("CLINICIAN"),
          })
          .refine((o) => isValidValue(o.instrument, o.value), {
            path: ["value"],
            message: "outside the instrument's range or precision",
          }),
      )
      .default([]),
    programs: z.array(ZProgram).default([]),
    sessions: z.array(ZSession).default([]),
    interventions: z.array(z.strictObject({ date, type: enumOf(Object.values(InterventionType)) })).default([]),
  })
  .superRefine((c, ctx) => {
    const active = new Set<string>();
    c.programs.forEach((p, i) => {
      if (p.status !== "active") return;
      if (active.has(p.kind))
        ctx.addIssue({
          code: "custom",
          path: ["programs", i, "status"],
          message: `a second active ${p.kind} program (one of each kind may be active)`,
        });
      active.add(p.kind);
    });
    c.sessions.forEach((s, i) => {
      if (!c.programs.some((p) => p.kind === s.kind))
        ctx.addIssue({ code: "custom", path: ["sessions", i, "kind"], message: `the case has no ${s.kind} program` });
    });
  })
  .transform((c): RuleCase => {
    // Each program is numbered; a session belongs to the active program of its kind.
    const programs = c.programs.map((p, i) => ({
      ...p,
      id: `${i + 1}`,
      content: DEFAULT_TEMPLATES.find((t) => t.key === p.template)!.content,
      endedAt: null,
    }));
    const activeOf = (kind: string) => programs.find((p) => p.kind === kind && p.status === "active")?.id ?? null;
    return {
      ...c,
      episode: { ...c.episode, dischargedAt: null },
      programs,
      sessions: c.sessions.map((s) => ({ ...s, programId: activeOf(s.kind) })),
    };
  });

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

const where = (path: PropertyKey[]) =>
  path
    .map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`))
    .join("")
    .replace(/^\./, "");

/** An issue's message for a person: the settings' error codes spelt out. */
function message(issue: z.core.$ZodIssue): string {
  const name = issue.path[1] as RuleSettingName;
  if (issue.path[0] === "settings" && issue.message === "outOfRange")
    return `must be between ${SETTING_LIMITS[name][0]} and ${SETTING_LIMITS[name][1]}`;
  if (issue.path[0] === "settings" && issue.message === "tooManyDecimals")
    return `has more decimals than the setting keeps (${SETTING_DECIMALS[name] ?? 0})`;
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
      const id =
        typeof (candidate as { id?: unknown })?.id === "string"
          ? `"${(candidate as { id: string }).id}"`
          : `#${index + 1}`;
      const issue = parsed.error.issues[0]!;
      return { ok: false, error: `case ${id}: ${where(issue.path)}: ${issue.message}` };
    }
    cases.push(parsed.data);
  }
  return { ok: true, input: { asOf: envelope.data.asOf, settings: envelope.data.settings ?? {}, cases } };
}
