import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { evaluate } from "../../lib/clinical/rules/evaluate";
import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, DEFAULT_TIME_ZONE, today } from "../../lib/platform/dates";
import { flagRecommendation } from "../../lib/present/flags/flag-text";
import { getMessages } from "../../lib/present/i18n";
import { loadEpisodeSnapshots } from "../../lib/server/episodes/episode-snapshot";
import { refreshEpisodeState } from "../../lib/server/episodes/episode-state";
import { acknowledgeFlag } from "../../lib/server/flags/acknowledge-flag";
import { saveOutcome } from "../../lib/server/records/record-services";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { seedDemoOnce } from "../../lib/server/seed/demo";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

/** What the app passes its services as "today": the clinic's day. */
const clinicToday = () => today(DEFAULT_TIME_ZONE);

let t: TestDatabase;
let clinician: Actor;
let outsider: Actor;
const now = today(DEFAULT_TIME_ZONE);
const ymd = (d: Date) => d.toISOString().slice(0, 10);

async function newEpisode(daysAgo: number) {
  const patient = await createPatient(t.prisma, { clinicId: clinician.clinicId, clinicianId: clinician.userId });
  const start = addDays(now, -daysAgo);
  return t.prisma.episode.create({
    data: {
      clinicId: clinician.clinicId,
      patientId: patient.id,
      side: "LEFT",
      symptomOnset: addDays(start, -30),
      treatmentStart: start,
    },
  });
}
const openFlags = (episodeId: string) =>
  t.prisma.flag.findMany({
    where: { episodeId, status: { not: "RESOLVED" } },
    include: { events: { orderBy: { at: "asc" } } },
  });

beforeAll(async () => {
  t = await createTestDatabase();
  const clinic = await createClinic(t.prisma);
  clinician = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
  outsider = actorOf(await createUser(t.prisma, { clinicId: (await createClinic(t.prisma)).id, role: "CLINICIAN" }));
});
afterAll(() => t.close());

describe(`flags kept current on ${TEST_DB_KIND}`, () => {
  it("a write that makes pain worse opens WORSENING in the same transaction, and the caseload summary counts it", async () => {
    const episode = await newEpisode(20);
    const save = (daysAgo: number, value: number) =>
      saveOutcome(
        t.prisma,
        clinician,
        { episodeId: episode.id, recordId: null },
        { date: ymd(addDays(now, -daysAgo)), instrument: "NRS_FIRST_STEP", value: String(value) },
        clinicToday,
      );
    await save(20, 4);
    expect((await openFlags(episode.id)).map((f) => f.code)).toEqual([]);
    await save(5, 7);
    const flags = await openFlags(episode.id);
    expect(flags.map((f) => [f.code, f.severity, f.status])).toEqual([["WORSENING", "HIGH", "OPEN"]]);
    expect(flags[0]!.events.map((e) => e.type)).toEqual(["OPENED"]);
    expect(flagRecommendation(flags[0]!, getMessages("da"), "da")).toBe(getMessages("da").rules.WORSENING);
    expect((await t.prisma.episode.findUniqueOrThrow({ where: { id: episode.id } })).openHighFlags).toBe(1);

    // The pain settles: the condition no longer holds, so the flag resolves and keeps its history.
    await save(1, 4);
    expect(await openFlags(episode.id)).toEqual([]);
    const resolved = await t.prisma.flag.findFirstOrThrow({
      where: { episodeId: episode.id, code: "WORSENING" },
      include: { events: { orderBy: { at: "asc" } } },
    });
    expect(resolved.status).toBe("RESOLVED");
    expect(resolved.events.map((e) => e.type)).toEqual(["OPENED", "RESOLVED"]);
  });

  it("acknowledging needs a note, is audited, and re-opens when the severity rises", async () => {
    const episode = await newEpisode(50);
    await t.prisma.outcomeMeasurement.createMany({
      data: [0, 20].map((d) => ({
        clinicId: clinician.clinicId,
        episodeId: episode.id,
        recordedById: clinician.userId,
        recordedBy: "CLINICIAN" as const,
        date: addDays(now, -50 + d),
        instrument: "NRS_FIRST_STEP" as const,
        value: 6,
      })),
    });
    await refreshEpisodeState(t.prisma, [episode.id], now);
    const flag = (await openFlags(episode.id)).find((f) => f.code === "NO_IMPROVEMENT")!;
    expect(flag.severity).toBe("WARNING");

    expect(await acknowledgeFlag(t.prisma, clinician, flag.id, " ")).toEqual({
      status: "invalid",
      fieldErrors: { note: "required" },
    });
    await expect(acknowledgeFlag(t.prisma, outsider, flag.id, "x")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await acknowledgeFlag(t.prisma, clinician, flag.id, "Talt om fodtøj; ny vurdering om 2 uger")).toEqual({
      status: "acknowledged",
    });
    expect(await t.prisma.auditEvent.count({ where: { entity: "Flag", entityId: flag.id } })).toBe(1);
    await expect(acknowledgeFlag(t.prisma, clinician, flag.id, "igen")).rejects.toMatchObject({ code: "CONFLICT" });

    // Six days later it is day 56: the same rule is now high, so the flag opens again.
    await refreshEpisodeState(t.prisma, [episode.id], addDays(now, 6));
    const after = await t.prisma.flag.findUniqueOrThrow({
      where: { id: flag.id },
      include: { events: { orderBy: { at: "asc" } } },
    });
    expect([after.status, after.severity]).toEqual(["OPEN", "HIGH"]);
    expect(after.events.map((e) => [e.type, e.note])).toEqual([
      ["OPENED", null],
      ["ACKNOWLEDGED", "Talt om fodtøj; ny vurdering om 2 uger"],
      ["REOPENED", null],
    ]);
  });

  it("a second sync on the same day changes nothing", async () => {
    const episode = await newEpisode(100);
    const first = await refreshEpisodeState(t.prisma, [episode.id], now);
    expect(first.opened).toBeGreaterThan(0);
    const before = await t.prisma.flag.findMany({ where: { episodeId: episode.id }, orderBy: { code: "asc" } });
    expect(await refreshEpisodeState(t.prisma, [episode.id], now)).toEqual({
      opened: 0,
      changed: 0,
      reopened: 0,
      resolved: 0,
    });
    expect(await t.prisma.flag.findMany({ where: { episodeId: episode.id }, orderBy: { code: "asc" } })).toEqual(
      before,
    );
  });

  it("gives the demo clinic exactly the flags the rules give for its patients", async () => {
    const seedDay = today(DEFAULT_TIME_ZONE);
    const demo = await createTestDatabase();
    try {
      await seedDemoOnce(demo.prisma, seedDay);
      const episodes = await demo.prisma.episode.findMany({ select: { id: true } });
      const snapshots = await loadEpisodeSnapshots(
        demo.prisma,
        episodes.map((e) => e.id),
      );
      const stored = await demo.prisma.flag.findMany({ where: { status: { not: "RESOLVED" } } });
      for (const episode of episodes) {
        const expected = evaluate(snapshots.get(episode.id)!.snapshot, ymd(seedDay))
          .map((f) => f.code)
          .sort();
        expect(
          stored
            .filter((f) => f.episodeId === episode.id)
            .map((f) => f.code)
            .sort(),
        ).toEqual(expected);
      }
      const codes = new Set(stored.map((f) => f.code));
      for (const code of [
        "RED_FLAG",
        "DIAGNOSIS_DOUBT",
        "WORSENING",
        "NO_IMPROVEMENT",
        "SECOND_LINE_REVIEW",
        "SURGERY_REVIEW",
        "LOW_ADHERENCE",
        "LOAD_RESPONSE",
        "BASELINE_MISSING",
        "RETURN_TO_RUN_READY",
      ]) {
        expect(codes, code).toContain(code);
      }
    } finally {
      await demo.close();
    }
  }, 300_000);
});
