// Keeps the stored flags of episodes equal to what the rules give today. A new hit opens a
// flag; a changed hit updates it (and re-opens an acknowledged flag whose severity rose); a
// rule that no longer fires resolves its flag. Every change leaves a FlagEvent, so history is
// kept. Only the rule codes of SPEC §5 are managed. A second run on the same day changes nothing.
import type { FlagSeverity, PainTrend } from "../generated/prisma/enums";
import type { Prisma } from "../generated/prisma/client";
import { RULE_CODES, type RuleFlag } from "../rules/case";
import { evaluate } from "../rules/evaluate";
import { judgeInstruments, painTrend } from "../rules/instrument-judgement";
import { loadRuleCases } from "../rules/load-rule-cases";
import { clinicRuleSettings } from "../rules/settings";
import { fromFlagSeverity, severityRank, toFlagSeverity } from "../rules/severity";

/** JSON with sorted keys: PostgreSQL's jsonb does not keep key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export type SyncCounts = { opened: number; changed: number; reopened: number; resolved: number };

export async function syncEpisodeFlags(db: Prisma.TransactionClient, episodeIds: string[], asOf: Date): Promise<SyncCounts> {
  const counts: SyncCounts = { opened: 0, changed: 0, reopened: 0, resolved: 0 };
  if (episodeIds.length === 0) return counts;
  const day = asOf.toISOString().slice(0, 10);
  // A sweep and a patient's write may evaluate one episode at once: the rows are locked (in id
  // order, so two batches cannot deadlock) and the second waits for the first's flags.
  await db.$executeRaw`SELECT 1 FROM "Episode" WHERE id = ANY(${episodeIds}::uuid[]) ORDER BY id FOR UPDATE`;
  const [cases, episodes, current] = await Promise.all([
    loadRuleCases(db, episodeIds),
    db.episode.findMany({ where: { id: { in: episodeIds } }, select: { id: true, clinicId: true, painTrend: true, clinic: { select: { ruleSettings: true } } } }),
    db.flag.findMany({ where: { episodeId: { in: episodeIds }, status: { not: "RESOLVED" }, code: { in: [...RULE_CODES] } } }),
  ]);
  for (const episode of episodes) {
    const settings = clinicRuleSettings(episode.clinic.ruleSettings);
    const ruleCase = cases.get(episode.id)!;
    const hits = evaluate(ruleCase, day, settings);
    // The caseload's pain trend is the rules' own judgement, kept beside the flags.
    const trend: PainTrend | null = painTrend(judgeInstruments(ruleCase.outcomes, day, settings));
    if (trend !== episode.painTrend) await db.episode.update({ where: { id: episode.id }, data: { painTrend: trend } });
    const stored = current.filter((flag) => flag.episodeId === episode.id);
    for (const hit of hits) {
      const existing = stored.find((flag) => flag.code === hit.code);
      await upsertFlag(db, episode, hit, existing, counts);
    }
    for (const flag of stored.filter((f) => !hits.some((hit) => hit.code === f.code))) {
      await db.flag.update({
        where: { id: flag.id },
        data: { status: "RESOLVED", resolvedAt: new Date(), events: { create: { type: "RESOLVED", severity: flag.severity } } },
      });
      counts.resolved += 1;
    }
  }
  return counts;
}

async function upsertFlag(
  db: Prisma.TransactionClient,
  episode: { id: string; clinicId: string },
  hit: RuleFlag,
  existing: { id: string; severity: FlagSeverity; status: string; evidence: unknown; ruleVersion: number } | undefined,
  counts: SyncCounts,
) {
  const severity = toFlagSeverity(hit.severity);
  const data = { severity, evidence: hit.evidence as Prisma.InputJsonValue, recommendation: hit.recommendation, sources: hit.sources, ruleVersion: hit.ruleVersion };
  if (!existing) {
    await db.flag.create({ data: { ...data, clinicId: episode.clinicId, episodeId: episode.id, code: hit.code, events: { create: { type: "OPENED", severity } } } });
    counts.opened += 1;
    return;
  }
  const sameSeverity = existing.severity === severity;
  if (sameSeverity && existing.ruleVersion === hit.ruleVersion && canonical(existing.evidence) === canonical(hit.evidence)) return;
  const reopen = existing.status === "ACKNOWLEDGED" && severityRank(hit.severity) > severityRank(fromFlagSeverity(existing.severity));
  await db.flag.update({
    where: { id: existing.id },
    data: {
      ...data,
      ...(reopen ? { status: "OPEN" } : {}),
      ...(sameSeverity ? {} : { events: { create: { type: reopen ? "REOPENED" : "SEVERITY_CHANGED", severity } } }),
    },
  });
  if (reopen) counts.reopened += 1;
  else counts.changed += 1;
}
