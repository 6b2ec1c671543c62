// After any sequence of writes through withEpisodeWrite, the stored summary equals a
// recomputation from the raw rows, done here independently in plain TypeScript.
import { randomUUID } from "node:crypto";

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_TEMPLATES } from "../../lib/clinical/programs/default-templates";
import type { Prisma } from "../../lib/generated/prisma/client";
import { addDays } from "../../lib/platform/dates";
import { withEpisodeWrite } from "../../lib/server/episodes/with-episode-write";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinicId: string;
let userId: string;
let templateId: string;
const start = new Date("2026-01-05T00:00:00.000Z");

beforeAll(async () => {
  t = await createTestDatabase();
  clinicId = (await createClinic(t.prisma)).id;
  userId = (await createUser(t.prisma, { clinicId, role: "CLINICIAN" })).id;
  templateId = (
    await t.prisma.programTemplate.create({
      data: { clinicId, key: "hsr", kind: "HSR", nameDa: "HSR", nameEn: "HSR", content: {} },
    })
  ).id;
});
afterAll(() => t.close());

type Write =
  | { kind: "pain"; day: number; value: number }
  | { kind: "otherOutcome"; day: number; value: number }
  | { kind: "deleteOutcome"; pick: number }
  | { kind: "assessment"; day: number }
  | { kind: "deleteAssessment"; pick: number }
  | { kind: "flag"; severity: "URGENT" | "HIGH" | "WARNING" | "INFO" }
  | { kind: "closeFlag"; pick: number; to: "ACKNOWLEDGED" | "RESOLVED" }
  | { kind: "assign"; programKind: "FIRST_WEEK" | "HSR" | "RETURN_TO_RUN"; day: number }
  | { kind: "endAssignment"; pick: number };

const day = fc.integer({ min: 0, max: 120 });
const pick = fc.nat(50);
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant("pain" as const), day, value: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ kind: fc.constant("otherOutcome" as const), day, value: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ kind: fc.constant("deleteOutcome" as const), pick }),
  fc.record({ kind: fc.constant("assessment" as const), day }),
  fc.record({ kind: fc.constant("deleteAssessment" as const), pick }),
  fc.record({ kind: fc.constant("flag" as const), severity: fc.constantFrom("URGENT", "HIGH", "WARNING", "INFO") }),
  fc.record({ kind: fc.constant("closeFlag" as const), pick, to: fc.constantFrom("ACKNOWLEDGED", "RESOLVED") }),
  fc.record({
    kind: fc.constant("assign" as const),
    programKind: fc.constantFrom("FIRST_WEEK", "HSR", "RETURN_TO_RUN"),
    day,
  }),
  fc.record({ kind: fc.constant("endAssignment" as const), pick }),
);

async function apply(tx: Prisma.TransactionClient, episodeId: string, w: Write) {
  const base = { clinicId, episodeId };
  const nth = <T>(rows: T[], n: number) => rows[n % Math.max(rows.length, 1)];
  switch (w.kind) {
    case "pain":
    case "otherOutcome":
      await tx.outcomeMeasurement.create({
        data: {
          ...base,
          recordedById: userId,
          recordedBy: "CLINICIAN",
          date: addDays(start, w.day),
          value: w.value,
          instrument: w.kind === "pain" ? "NRS_FIRST_STEP" : "NRS_ACTIVITY",
        },
      });
      return;
    case "deleteOutcome": {
      const row = nth(
        await tx.outcomeMeasurement.findMany({ where: { episodeId, deletedAt: null }, orderBy: { id: "asc" } }),
        w.pick,
      );
      if (row)
        await tx.outcomeMeasurement.update({
          where: { id: row.id },
          data: { deletedAt: new Date(), deleteReason: "test" },
        });
      return;
    }
    case "assessment":
      await tx.assessment.create({
        data: {
          ...base,
          recordedById: userId,
          date: addDays(start, w.day),
          redFlagsScreened: true,
          differentialsExamined: true,
        },
      });
      return;
    case "deleteAssessment": {
      const row = nth(
        await tx.assessment.findMany({ where: { episodeId, deletedAt: null }, orderBy: { id: "asc" } }),
        w.pick,
      );
      if (row)
        await tx.assessment.update({ where: { id: row.id }, data: { deletedAt: new Date(), deleteReason: "test" } });
      return;
    }
    case "flag":
      // One open flag per rule: each written flag is a rule of its own.
      await tx.flag.create({
        data: {
          ...base,
          code: `TEST_${randomUUID()}`,
          severity: w.severity,
          evidence: {},
          sources: [],
          ruleVersion: 1,
        },
      });
      return;
    case "closeFlag": {
      const row = nth(await tx.flag.findMany({ where: { episodeId, status: "OPEN" }, orderBy: { id: "asc" } }), w.pick);
      if (row) await tx.flag.update({ where: { id: row.id }, data: { status: w.to } });
      return;
    }
    case "assign":
      // As the app does: a kind already active is not assigned twice.
      if (await tx.programAssignment.count({ where: { episodeId, kind: w.programKind, status: "ACTIVE" } })) return;
      await tx.programAssignment.create({
        data: {
          ...base,
          templateId,
          kind: w.programKind,
          startDate: addDays(start, w.day),
          sessionsPerWeek: 3,
          content: DEFAULT_TEMPLATES.find((tpl) => tpl.kind === w.programKind)!.content,
        },
      });
      return;
    case "endAssignment": {
      const row = nth(
        await tx.programAssignment.findMany({ where: { episodeId, status: "ACTIVE" }, orderBy: { id: "asc" } }),
        w.pick,
      );
      if (row) await tx.programAssignment.update({ where: { id: row.id }, data: { status: "ENDED" } });
    }
  }
}

/**
 * The summary, recomputed from the raw rows without the code under test. First-step pain is the
 * day's value: of several measurements on one date, the highest (SPEC §5).
 */
async function recompute(episodeId: string) {
  const rows = await t.prisma.outcomeMeasurement.findMany({
    where: { episodeId, instrument: "NRS_FIRST_STEP", deletedAt: null },
  });
  const dates = [...new Set(rows.map((row) => row.date.getTime()))].sort((a, b) => a - b);
  const pains = dates.map((time) => ({
    date: new Date(time),
    value: Math.max(...rows.filter((row) => row.date.getTime() === time).map((row) => Number(row.value))),
  }));
  const openFlags = await t.prisma.flag.findMany({ where: { episodeId, status: "OPEN" } });
  const count = (severity: string) => openFlags.filter((flag) => flag.severity === severity).length;
  const visits = await t.prisma.assessment.findMany({ where: { episodeId, deletedAt: null } });
  const active = await t.prisma.programAssignment.findMany({ where: { episodeId, status: "ACTIVE" } });
  const program = active.sort(
    (a, b) => Number(b.kind === "HSR") - Number(a.kind === "HSR") || b.startDate.getTime() - a.startDate.getTime(),
  )[0];
  const rank = count("URGENT") ? 4 : count("HIGH") ? 3 : count("WARNING") ? 2 : count("INFO") ? 1 : 0;
  return {
    latestPain: pains.at(-1)?.value ?? null,
    latestPainDate: pains.at(-1)?.date ?? null,
    openUrgentFlags: count("URGENT"),
    openHighFlags: count("HIGH"),
    openWarningFlags: count("WARNING"),
    openInfoFlags: count("INFO"),
    highestOpenSeverity: rank,
    lastVisit: visits.length ? new Date(Math.max(...visits.map((visit) => visit.date.getTime()))) : null,
    programKind: program?.kind ?? null,
    programStart: program?.startDate ?? null,
  };
}

async function stored(episodeId: string) {
  const e = await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } });
  return {
    latestPain: e.latestPain === null ? null : Number(e.latestPain),
    latestPainDate: e.latestPainDate,
    openUrgentFlags: e.openUrgentFlags,
    openHighFlags: e.openHighFlags,
    openWarningFlags: e.openWarningFlags,
    openInfoFlags: e.openInfoFlags,
    highestOpenSeverity: e.highestOpenSeverity,
    lastVisit: e.lastVisit,
    programKind: e.programKind,
    programStart: e.programStart,
  };
}

describe(`episode summary on ${TEST_DB_KIND}`, () => {
  it("equals a recomputation from the raw rows after any sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 12 }), async (writes) => {
        const patient = await createPatient(t.prisma, { clinicId, clinicianId: userId });
        const episode = await t.prisma.episode.create({
          data: { clinicId, patientId: patient.id, side: "LEFT", symptomOnset: start, treatmentStart: start },
        });
        for (const w of writes) await withEpisodeWrite(t.prisma, episode.id, (tx) => apply(tx, episode.id, w));
        expect(await stored(episode.id)).toEqual(await recompute(episode.id));
      }),
      { numRuns: 40, seed: 20261124 },
    );
  });

  it("keeps the summary unchanged when the write fails", async () => {
    const patient = await createPatient(t.prisma, { clinicId, clinicianId: userId });
    const episode = await t.prisma.episode.create({
      data: { clinicId, patientId: patient.id, side: "LEFT", symptomOnset: start, treatmentStart: start },
    });
    await withEpisodeWrite(t.prisma, episode.id, (tx) => apply(tx, episode.id, { kind: "pain", day: 0, value: 6 }));
    const before = await stored(episode.id);
    await expect(
      withEpisodeWrite(t.prisma, episode.id, async (tx) => {
        await apply(tx, episode.id, { kind: "pain", day: 5, value: 2 });
        throw new Error("the write fails half-way");
      }),
    ).rejects.toThrow("half-way");
    expect(await stored(episode.id)).toEqual(before);
    expect(await t.prisma.outcomeMeasurement.count({ where: { episodeId: episode.id } })).toBe(1);
  });
});
