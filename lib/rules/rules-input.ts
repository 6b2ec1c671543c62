// The input of `npm run rules:evaluate` (SPEC §5), validated case by case so an error names
// the case and the field.
import { z } from "zod";
import { isValidValue } from "../clinical/instruments";
import { FINDINGS, RED_FLAGS } from "../clinical/red-flags";
import { Instrument, InterventionType, ProgramKind } from "../generated/prisma/enums";
import type { RuleCase } from "./case";
import { ZRuleSettingsOverride } from "./settings";

const date = z.iso.date();
const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);
const painScore = z.number().min(0).max(10);

const ZRuleCase = z.object({
  id: z.string().min(1),
  episode: z.object({ symptomOnset: date, treatmentStart: date, status: z.enum(["active", "paused", "discharged"]) }),
  assessments: z
    .array(
      z.object({
        date,
        palpationPositive: z.boolean().nullable().default(null),
        windlassPositive: z.boolean().nullable().default(null),
        redFlags: z.array(enumOf(RED_FLAGS)).default([]),
        findings: z.array(enumOf(FINDINGS)).default([]),
        walkToleranceMin: z.number().int().min(0).nullable().default(null),
        walkNextMorningWorse: z.boolean().nullable().default(null),
      }),
    )
    .default([]),
  outcomes: z
    .array(
      z.object({ date, instrument: enumOf(Object.values(Instrument)), value: z.number() }).refine((o) => isValidValue(o.instrument, o.value), {
        path: ["value"],
        message: "outside the instrument's range or precision",
      }),
    )
    .default([]),
  programs: z
    .array(z.object({ kind: enumOf(Object.values(ProgramKind)), start: date, sessionsPerWeek: z.number().int().min(1).max(7), status: z.enum(["active", "ended"]) }))
    .default([]),
  sessions: z
    .array(z.object({ date, kind: enumOf(Object.values(ProgramKind)), completed: z.boolean(), painDuring: painScore.nullable().default(null) }))
    .default([]),
  interventions: z.array(z.object({ date, type: enumOf(Object.values(InterventionType)) })).default([]),
}) satisfies z.ZodType<RuleCase, unknown>;

const ZEnvelope = z.object({ asOf: date, settings: ZRuleSettingsOverride.optional(), cases: z.array(z.unknown()) });

export type RulesInput = { asOf: string; settings: z.infer<typeof ZRuleSettingsOverride>; cases: RuleCase[] };

const where = (path: PropertyKey[]) => path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("").replace(/^\./, "");

/** The parsed input, or the first problem as "case <id>: <field>: <message>". */
export function parseRulesInput(raw: unknown): { ok: true; input: RulesInput } | { ok: false; error: string } {
  const envelope = ZEnvelope.safeParse(raw);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    return { ok: false, error: `${where(issue.path) || "input"}: ${issue.message}` };
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
