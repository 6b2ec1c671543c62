// refreshEpisodeState writes its flag changes for many episodes in a few statements (the daily
// sweep passes a thousand at a time): the stored flags are still exactly what the rules give,
// every change still leaves its event, and a sweep with nothing to change writes no row at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { RULE_CODES } from "../../lib/clinical/rules/case";
import { evaluate } from "../../lib/clinical/rules/evaluate";
import { judgeInstruments, painTrend } from "../../lib/clinical/rules/instrument-judgement";
import { toFlagSeverity } from "../../lib/clinical/rules/severity";
import { addDays, DEFAULT_TIME_ZONE, today } from "../../lib/platform/dates";
import { loadEpisodeSnapshots } from "../../lib/server/episodes/episode-snapshot";
import { refreshEpisodeState } from "../../lib/server/episodes/episode-state";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { seedDemoOnce } from "../../lib/server/seed/demo";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinicId: string;
let userId: string;
const now = today(DEFAULT_TIME_ZONE);
const ymd = (d: Date) => d.toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestDatabase();
  clinicId = (await createClinic(t.prisma)).id;
  userId = (await createUser(t.prisma, { clinicId, role: "CLINICIAN" })).id;
});
afterAll(() => t.close());

async function newEpisode(daysAgo: number, pain: [daysAgo: number, value: number][]) {
  const patient = await createPatient(t.prisma, { clinicId, clinicianId: userId });
  const start = addDays(now, -daysAgo);
  const episode = await t.prisma.episode.create({
    data: { clinicId, patientId: patient.id, side: "LEFT", symptomOnset: addDays(start, -30), treatmentStart: start },
  });
  await addPain(episode.id, pain);
  return episode.id;
}

function addPain(episodeId: string, pain: [daysAgo: number, value: number][]) {
  return t.prisma.outcomeMeasurement.createMany({
    data: pain.map(([daysAgo, value]) => ({
      clinicId,
      episodeId,
      recordedById: userId,
      recordedBy: "CLINICIAN" as const,
      date: addDays(now, -daysAgo),
      instrument: "NRS_FIRST_STEP" as const,
      value,
    })),
  });
}

/** Every unresolved flag and pain trend of the episodes equals the rules' answer on `day`, value for value. */
async function expectStoredAsRules(db: TestDatabase["prisma"], episodeIds: string[], day: Date) {
  const snapshots = await loadEpisodeSnapshots(db, episodeIds);
  const episodes = await db.episode.findMany({ where: { id: { in: episodeIds } } });
  const stored = await db.flag.findMany({
    where: { episodeId: { in: episodeIds }, status: { not: "RESOLVED" }, code: { in: [...RULE_CODES] } },
  });
  for (const episode of episodes) {
    const { snapshot, settings } = snapshots.get(episode.id)!;
    const hits = evaluate(snapshot, ymd(day), settings);
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect(
      stored
        .filter((f) => f.episodeId === episode.id)
        .sort(byCode)
        .map((f) => ({
          code: f.code,
          severity: f.severity,
          evidence: f.evidence,
          sources: f.sources,
          ruleVersion: f.ruleVersion,
        })),
      episode.id,
    ).toEqual(
      hits.sort(byCode).map((h) => ({
        code: h.code,
        severity: toFlagSeverity(h.severity),
        evidence: h.evidence,
        sources: h.sources,
        ruleVersion: h.ruleVersion,
      })),
    );
    expect(episode.painTrend).toBe(painTrend(judgeInstruments(snapshot.outcomes, ymd(day), settings)));
  }
}

const history = (episodeId: string, code: string) =>
  t.prisma.flag.findMany({
    where: { episodeId, code },
    orderBy: { openedAt: "asc" },
    include: { events: { orderBy: { at: "asc" } } },
  });

describe(`flags of many episodes synced at once on ${TEST_DB_KIND}`, () => {
  it("opens, changes, re-opens and resolves in one call, each with its event, as the rules say", async () => {
    // Day 50 of unchanged pain: NO_IMPROVEMENT is a warning now and high from day 56.
    const acknowledged = await newEpisode(50, [
      [50, 6],
      [30, 6],
    ]);
    const unacknowledged = await newEpisode(50, [
      [50, 6],
      [30, 6],
    ]);
    // Pain up from 4 to 7: WORSENING, until it settles.
    const settling = await newEpisode(20, [
      [20, 4],
      [5, 7],
    ]);
    const ids = [acknowledged, unacknowledged, settling];

    const sync = (day: Date) => refreshEpisodeState(t.prisma, ids, day, { reportFacts: false });
    const first = await sync(now);
    expect(first).toMatchObject({ changed: 0, reopened: 0, resolved: 0 });
    expect(first.opened).toBe(await t.prisma.flag.count({ where: { episodeId: { in: ids } } }));
    expect(await t.prisma.flagEvent.count({ where: { flag: { episodeId: { in: ids } } } })).toBe(first.opened);
    await expectStoredAsRules(t.prisma, ids, now);

    const [seen] = await history(acknowledged, "NO_IMPROVEMENT");
    await t.prisma.flag.update({
      where: { id: seen!.id },
      data: {
        status: "ACKNOWLEDGED",
        events: { create: { type: "ACKNOWLEDGED", severity: seen!.severity, note: "Set", actorId: userId } },
      },
    });
    await addPain(settling, [[1, 4]]);

    const later = addDays(now, 6);
    const second = await sync(later);
    expect(second.reopened).toBe(1);
    expect(second.changed).toBeGreaterThanOrEqual(1);
    expect(second.resolved).toBeGreaterThanOrEqual(1);
    await expectStoredAsRules(t.prisma, ids, later);

    const events = async (episodeId: string, code: string) =>
      (await history(episodeId, code)).map((f) => [f.status, f.severity, f.events.map((e) => e.type)]);
    expect(await events(acknowledged, "NO_IMPROVEMENT")).toEqual([
      ["OPEN", "HIGH", ["OPENED", "ACKNOWLEDGED", "REOPENED"]],
    ]);
    expect(await events(unacknowledged, "NO_IMPROVEMENT")).toEqual([["OPEN", "HIGH", ["OPENED", "SEVERITY_CHANGED"]]]);
    expect(await events(settling, "WORSENING")).toEqual([["RESOLVED", "HIGH", ["OPENED", "RESOLVED"]]]);
    expect((await history(settling, "WORSENING"))[0]!.resolvedAt).toBeInstanceOf(Date);

    // The same day again: nothing to do.
    expect(await sync(later)).toEqual({ opened: 0, changed: 0, reopened: 0, resolved: 0 });
  });

  it("a sweep on a day with nothing new writes no row: flags, events and summaries stay as they were", async () => {
    const demo = await createTestDatabase();
    try {
      await seedDemoOnce(demo.prisma, now);
      const ids = (
        await demo.prisma.episode.findMany({ where: { status: { not: "DISCHARGED" } }, select: { id: true } })
      ).map((e) => e.id);
      // As the daily sweep does it (lib/server/rules/sweep.ts).
      const sweep = () => demo.prisma.$transaction((tx) => refreshEpisodeState(tx, ids, now, { reportFacts: false }));
      await sweep();
      await expectStoredAsRules(demo.prisma, ids, now);
      // xmin is the transaction that wrote a row version: any UPDATE, even to equal values, changes it.
      const versions = async () => ({
        episodes: await demo.prisma.$queryRaw<
          { id: string; xmin: string }[]
        >`SELECT id, xmin::text FROM "Episode" ORDER BY id`,
        flags: await demo.prisma.$queryRaw<
          { id: string; xmin: string }[]
        >`SELECT id, xmin::text FROM "Flag" ORDER BY id`,
        events: await demo.prisma.flagEvent.count(),
      });
      const before = await versions();
      expect(before.flags.length).toBeGreaterThan(0);
      expect(await sweep()).toEqual({ opened: 0, changed: 0, reopened: 0, resolved: 0 });
      expect(await versions()).toEqual(before);
    } finally {
      await demo.close();
    }
  }, 300_000);
});
