// Keeps the stored flags of episodes equal to what the rules give today. A new hit opens a
// flag; a changed hit updates it (and re-opens an acknowledged flag whose severity rose); a
// rule that no longer fires resolves its flag. Every change leaves a FlagEvent, so history is
// kept. Only the rule codes of SPEC §5 are managed. A second run on the same day changes nothing.
//
// The daily sweep passes a thousand episodes at a time, so every change is worked out in memory
// first (planFlagChanges) and then written in a handful of statements, whatever the number of
// episodes (writeFlagChanges): row-by-row writes made the sweep's first run take minutes.
import { randomUUID } from "node:crypto";

import type { EpisodeState } from "../../clinical/episode-state";
import type { RuleFlag } from "../../clinical/rules/case";
import { fromFlagSeverity, severityRank, toFlagSeverity } from "../../clinical/rules/severity";
import { Prisma } from "../../generated/prisma/client";
import type { FlagSeverity } from "../../generated/prisma/enums";
import type { EpisodeSnapshot, StoredFlag } from "../episodes/episode-snapshot";

/** JSON with sorted keys: PostgreSQL's jsonb does not keep key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export type SyncCounts = { opened: number; changed: number; reopened: number; resolved: number };
export const NO_CHANGES: SyncCounts = { opened: 0, changed: 0, reopened: 0, resolved: 0 };

/** What the rules say a flag holds (the columns a changed hit rewrites). */
type FlagValues = Pick<RuleFlag, "evidence" | "sources" | "ruleVersion"> & { severity: FlagSeverity };
type FlagEventType = "OPENED" | "SEVERITY_CHANGED" | "REOPENED" | "RESOLVED";

/** Every write one sync makes, gathered before any is made. */
type FlagChanges = {
  counts: SyncCounts;
  /** New flags, with their ids chosen here so their OPENED events can name them. */
  opened: (FlagValues & { id: string; clinicId: string; episodeId: string; code: string })[];
  /** Flags whose hit changed; `reopen` sets an acknowledged flag OPEN again. */
  changed: (FlagValues & { id: string; reopen: boolean })[];
  resolved: string[];
  /** In the order of the writes above; each names a flag that exists once those are made. */
  events: { flagId: string; type: FlagEventType; severity: FlagSeverity }[];
};

/**
 * Makes the stored flags of these episodes equal to the flags of their derived states. The
 * caller (lib/server/episodes/episode-state.ts) locked the episodes' rows before loading their snapshots.
 */
export async function syncEpisodeFlags(
  db: Prisma.TransactionClient,
  episodes: ReadonlyMap<string, EpisodeSnapshot>,
  states: ReadonlyMap<string, EpisodeState>,
): Promise<SyncCounts> {
  if (episodes.size === 0) return NO_CHANGES;
  const changes = planFlagChanges(episodes, states);
  await writeFlagChanges(db, changes);
  return changes.counts;
}

/** Compares each episode's rule hits with its stored flags (read with its snapshot); writes nothing. */
function planFlagChanges(
  episodes: ReadonlyMap<string, EpisodeSnapshot>,
  states: ReadonlyMap<string, EpisodeState>,
): FlagChanges {
  const changes: FlagChanges = { counts: { ...NO_CHANGES }, opened: [], changed: [], resolved: [], events: [] };
  for (const [id, episode] of episodes) {
    const hits = states.get(id)!.flags;
    const stored = new Map(episode.stored.flags.map((flag) => [flag.code, flag]));
    for (const hit of hits) {
      const existing = stored.get(hit.code);
      stored.delete(hit.code);
      if (existing) planChangedFlag(changes, existing, hit);
      else planNewFlag(changes, { id, clinicId: episode.clinicId }, hit);
    }
    // What is left has no hit any more: the condition went, so the flag resolves.
    for (const flag of stored.values()) {
      changes.resolved.push(flag.id);
      changes.events.push({ flagId: flag.id, type: "RESOLVED", severity: flag.severity });
      changes.counts.resolved += 1;
    }
  }
  return changes;
}

function valuesOf(hit: RuleFlag): FlagValues {
  return {
    severity: toFlagSeverity(hit.severity),
    evidence: hit.evidence,
    sources: hit.sources,
    ruleVersion: hit.ruleVersion,
  };
}

function planNewFlag(changes: FlagChanges, episode: { id: string; clinicId: string }, hit: RuleFlag) {
  const id = randomUUID();
  const values = valuesOf(hit);
  changes.opened.push({ ...values, id, clinicId: episode.clinicId, episodeId: episode.id, code: hit.code });
  changes.events.push({ flagId: id, type: "OPENED", severity: values.severity });
  changes.counts.opened += 1;
}

function planChangedFlag(changes: FlagChanges, existing: StoredFlag, hit: RuleFlag) {
  const values = valuesOf(hit);
  const sameSeverity = existing.severity === values.severity;
  if (
    sameSeverity &&
    existing.ruleVersion === hit.ruleVersion &&
    canonical(existing.evidence) === canonical(hit.evidence)
  )
    return;
  // A clinician's acknowledgement covers the severity they saw, not a worse one.
  const reopen =
    existing.status === "ACKNOWLEDGED" &&
    severityRank(hit.severity) > severityRank(fromFlagSeverity(existing.severity));
  changes.changed.push({ ...values, id: existing.id, reopen });
  // New evidence alone is no event; a new severity is.
  if (!sameSeverity)
    changes.events.push({
      flagId: existing.id,
      type: reopen ? "REOPENED" : "SEVERITY_CHANGED",
      severity: values.severity,
    });
  if (reopen) changes.counts.reopened += 1;
  else changes.counts.changed += 1;
}

/**
 * A few statements for any number of changes; none when nothing changed. Timestamps are the
 * app's clock, as Prisma's own defaults (@default(now()), @updatedAt) would set them.
 */
async function writeFlagChanges(db: Prisma.TransactionClient, changes: FlagChanges) {
  const now = new Date();
  await insertFlags(db, changes.opened, now);
  await updateChangedFlags(db, changes.changed, now);
  if (changes.resolved.length > 0) {
    await db.flag.updateMany({
      where: { id: { in: changes.resolved } },
      data: { status: "RESOLVED", resolvedAt: now },
    });
  }
  // Last: the events of new flags need those flags' rows.
  await insertEvents(db, changes.events, now);
}

// The statements below take one array per column and unnest them into rows: a thousand
// episodes' flags are a handful of parameters, where Prisma's createMany binds one per value
// and spent most of the sweep's first run building them. jsonb values and each flag's sources
// (an array per row, which unnest would flatten) travel as JSON text and are cast back.
const SOURCES = Prisma.sql`ARRAY(SELECT jsonb_array_elements_text(v.sources::jsonb))`;

async function insertFlags(db: Prisma.TransactionClient, opened: FlagChanges["opened"], now: Date) {
  if (opened.length === 0) return;
  const column = <T>(pick: (flag: FlagChanges["opened"][number]) => T) => opened.map(pick);
  await db.$executeRaw`
    INSERT INTO "Flag" (id, "clinicId", "episodeId", code, severity, evidence, sources, "ruleVersion", "openedAt", "updatedAt")
    SELECT v.id, v.clinic_id, v.episode_id, v.code, v.severity::"FlagSeverity", v.evidence::jsonb, ${SOURCES},
           v.rule_version, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    FROM unnest(
      ${column((f) => f.id)}::uuid[],
      ${column((f) => f.clinicId)}::uuid[],
      ${column((f) => f.episodeId)}::uuid[],
      ${column((f) => f.code)}::text[],
      ${column((f) => f.severity)}::text[],
      ${column((f) => JSON.stringify(f.evidence))}::text[],
      ${column((f) => JSON.stringify(f.sources))}::text[],
      ${column((f) => f.ruleVersion)}::int[]
    ) AS v(id, clinic_id, episode_id, code, severity, evidence, sources, rule_version)`;
}

/**
 * One UPDATE for all changed flags (Prisma has no bulk update with a value per row). Status
 * is touched only to re-open, so an acknowledgement made meanwhile (that service does not lock
 * the episode) is never undone.
 */
async function updateChangedFlags(db: Prisma.TransactionClient, changed: FlagChanges["changed"], now: Date) {
  if (changed.length === 0) return;
  const column = <T>(pick: (flag: FlagChanges["changed"][number]) => T) => changed.map(pick);
  await db.$executeRaw`
    UPDATE "Flag" AS f SET
      severity       = v.severity::"FlagSeverity",
      evidence       = v.evidence::jsonb,
      sources        = ${SOURCES},
      "ruleVersion"  = v.rule_version,
      status         = CASE WHEN v.reopen THEN 'OPEN'::"FlagStatus" ELSE f.status END,
      "updatedAt"    = ${now.toISOString()}::timestamptz
    FROM unnest(
      ${column((f) => f.id)}::uuid[],
      ${column((f) => f.severity)}::text[],
      ${column((f) => JSON.stringify(f.evidence))}::text[],
      ${column((f) => JSON.stringify(f.sources))}::text[],
      ${column((f) => f.ruleVersion)}::int[],
      ${column((f) => f.reopen)}::boolean[]
    ) AS v(id, severity, evidence, sources, rule_version, reopen)
    WHERE f.id = v.id`;
}

async function insertEvents(db: Prisma.TransactionClient, events: FlagChanges["events"], now: Date) {
  if (events.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "FlagEvent" (id, "flagId", type, severity, at)
    SELECT gen_random_uuid(), v.flag_id, v.type, v.severity::"FlagSeverity", ${now.toISOString()}::timestamptz
    FROM unnest(
      ${events.map((e) => e.flagId)}::uuid[],
      ${events.map((e) => e.type)}::text[],
      ${events.map((e) => e.severity)}::text[]
    ) AS v(flag_id, type, severity)`;
}
