// The clinic report's numbers for the demo clinic against a recomputation from the raw rows
// written here without the report's modules: its own per-day values, MCID check, medians and
// Kaplan–Meier. The report reads stored facts; this reads the measurements themselves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { RULE_CODES } from "../../lib/clinical/rules/case";
import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, isoDate } from "../../lib/platform/dates";
import { getMessages } from "../../lib/present/i18n";
import { type ClinicReport, clinicReport } from "../../lib/server/reports/clinic-report";
import { outdatedReportFacts, refreshOutdatedReportFacts } from "../../lib/server/reports/report-facts";
import { seedDemoOnce } from "../../lib/server/seed/demo";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const seedDay = new Date("2026-06-01T00:00:00.000Z");
const asOf = isoDate(seedDay);
const period = { from: isoDate(addDays(seedDay, -730)), to: asOf };
let admin: Actor;
let clinician: Actor;
let clinicId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoOnce(t.prisma, seedDay);
  const user = (email: string) => t.prisma.user.findUniqueOrThrow({ where: { email } });
  admin = actorOf(await user("admin@demo.dk"));
  clinician = actorOf(await user("fysio@demo.dk"));
  clinicId = admin.clinicId;
}, 300_000);
afterAll(() => t.close());

async function report(actor: Actor, query: Record<string, unknown>): Promise<ClinicReport> {
  const result = await clinicReport(t.prisma, actor, query, asOf);
  if (result.status !== "ok") throw new Error(`invalid query: ${JSON.stringify(result.fieldErrors)}`);
  return result.report;
}

// ---- the recomputation, from raw rows ----

const DAY = 86_400_000;
const dayOf = (d: Date) => Math.round(d.getTime() / DAY);
const mid = (sorted: number[]) =>
  sorted.length % 2
    ? sorted[(sorted.length - 1) / 2]!
    : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
const medianOf = (values: number[]) => mid([...values].sort((a, b) => a - b));
const LOWER_IS_BETTER = new Set(["NRS_FIRST_STEP", "NRS_ACTIVITY", "FFI"]);
const MCID_POINTS: Record<string, number> = {
  NRS_FIRST_STEP: 2,
  NRS_ACTIVITY: 2,
  FAAM_ADL: 8,
  FAAM_SPORT: 9,
  FFI: 7,
  FHSQ_PAIN: 13,
  FHSQ_FUNCTION: 7,
  PSFS: 2,
  LEFS: 9,
};

function improvedBy(instrument: string, baseline: number, latest: number) {
  const nrs = instrument.startsWith("NRS_");
  const mcid = nrs && baseline > 0 ? Math.min(2, 0.3 * baseline) : MCID_POINTS[instrument]!;
  const gain = LOWER_IS_BETTER.has(instrument) ? baseline - latest : latest - baseline;
  return gain >= mcid - 1e-9;
}

/** Day → highest value of one instrument. */
function perDay(outcomes: { date: Date; instrument: string; value: number }[], instrument: string) {
  const days = new Map<number, number>();
  for (const o of outcomes)
    if (o.instrument === instrument) days.set(dayOf(o.date), Math.max(days.get(dayOf(o.date)) ?? -Infinity, o.value));
  return [...days].sort((a, b) => a[0] - b[0]);
}

async function recompute(clinicianId: string | null, recoveredPain = 2) {
  const episodes = await t.prisma.episode.findMany({
    where: {
      clinicId,
      treatmentStart: { gte: new Date(period.from), lte: new Date(period.to) },
      patient: { processingStoppedAt: null, ...(clinicianId ? { clinicianId } : {}) },
    },
    include: {
      outcomes: { where: { deletedAt: null } },
      assignments: { where: { kind: "HSR" }, include: { sessionLogs: true }, orderBy: { startDate: "asc" } },
      flags: { include: { events: true } },
      interventions: { where: { deletedAt: null } },
    },
  });
  const now = dayOf(seedDay);
  const milestones = [6, 12].map((weeks) => {
    const byInstrument = new Map<string, { judged: number; improved: number }>();
    let improved = 0,
      notImproved = 0,
      notJudgeable = 0,
      reached = 0;
    for (const e of episodes) {
      const milestone = dayOf(e.treatmentStart) + weeks * 7;
      if (milestone > now) continue;
      reached += 1;
      const outcomes = e.outcomes
        .filter((o) => dayOf(o.date) <= milestone)
        .map((o) => ({ ...o, value: Number(o.value) }));
      let anyJudged = false,
        anyImproved = false;
      for (const instrument of Object.keys(MCID_POINTS)) {
        const days = perDay(outcomes, instrument);
        if (days.length === 0 || days.at(-1)![0] - days[0]![0] < 14) continue;
        anyJudged = true;
        const better = improvedBy(instrument, days[0]![1], days.at(-1)![1]);
        anyImproved ||= better;
        const counts = byInstrument.get(instrument) ?? { judged: 0, improved: 0 };
        byInstrument.set(instrument, { judged: counts.judged + 1, improved: counts.improved + (better ? 1 : 0) });
      }
      if (!anyJudged) notJudgeable += 1;
      else if (anyImproved) improved += 1;
      else notImproved += 1;
    }
    return { weeks, reached, improved, notImproved, notJudgeable, byInstrument };
  });

  // Recovery: first day at or under the threshold with the MCID met, else censored at the last measurement (to discharge).
  const times = episodes.flatMap((e) => {
    const end = e.dischargedAt ? dayOf(e.dischargedAt) : Infinity;
    const days = perDay(
      e.outcomes.filter((o) => dayOf(o.date) <= end).map((o) => ({ ...o, value: Number(o.value) })),
      "NRS_FIRST_STEP",
    );
    if (days.length === 0) return [];
    const week = (day: number) => Math.max(0, Math.floor((day - dayOf(e.treatmentStart)) / 7));
    const hit = days.find(([, value]) => value <= recoveredPain && improvedBy("NRS_FIRST_STEP", days[0]![1], value));
    return [hit ? { week: week(hit[0]), event: true } : { week: week(days.at(-1)![0]), event: false }];
  });
  const curve: { week: number; atRisk: number; share: number }[] = [];
  let survival = 1;
  for (const week of [...new Set(times.map((x) => x.week))].sort((a, b) => a - b)) {
    const atRisk = times.filter((x) => x.week >= week).length;
    const events = times.filter((x) => x.week === week && x.event).length;
    survival *= 1 - events / atRisk;
    curve.push({ week, atRisk, share: 1 - survival });
  }

  // Weekly pain of the first HSR program: each episode's median for the week, then the median across episodes.
  const weekly = new Map<number, number[]>();
  for (const e of episodes) {
    const program = e.assignments[0];
    if (!program) continue;
    const start = dayOf(program.startDate);
    const perWeek = new Map<number, number[]>();
    for (const [day, value] of perDay(
      e.outcomes.map((o) => ({ ...o, value: Number(o.value) })),
      "NRS_FIRST_STEP",
    )) {
      const week = Math.floor((day - start) / 7) + 1;
      if (week >= 0 && week <= 12) perWeek.set(week, [...(perWeek.get(week) ?? []), value]);
    }
    for (const [week, values] of perWeek) weekly.set(week, [...(weekly.get(week) ?? []), medianOf(values)]);
  }

  // Adherence: completed sessions in the first program's whole weeks passed (to its end or discharge).
  const adherence = episodes.flatMap((e) => {
    const program = e.assignments[0];
    if (!program) return [];
    const start = dayOf(program.startDate);
    const ends = [program.endedAt, e.dischargedAt].filter((d): d is Date => d !== null).map(dayOf);
    const ranWeeks = ends.length ? Math.floor((Math.min(...ends) + 1 - start) / 7) : 12;
    const weeks = Math.min(12, ranWeeks, Math.floor((now + 1 - start) / 7));
    if (weeks <= 0) return [];
    const done = program.sessionLogs.filter(
      (s) => s.completed && dayOf(s.date) >= start && dayOf(s.date) < start + weeks * 7,
    ).length;
    return [done / (weeks * program.sessionsPerWeek)];
  });

  const flags = RULE_CODES.map((code) => {
    const raised = episodes.flatMap((e) => e.flags.filter((f) => f.code === code));
    const hours = raised.flatMap((f) => {
      const acks = f.events.filter((ev) => ev.type === "ACKNOWLEDGED").map((ev) => ev.at.getTime());
      return acks.length ? [(Math.min(...acks) - f.openedAt.getTime()) / 3_600_000] : [];
    });
    return {
      code,
      raised: raised.length,
      episodes: new Set(raised.map((f) => f.episodeId)).size,
      acknowledged: hours.length,
      hours,
    };
  });
  const interventionTypes = [...new Set(episodes.flatMap((e) => e.interventions.map((i) => i.type)))].sort();
  const interventions = interventionTypes.map((type) => ({
    type,
    episodes: episodes.filter((e) => e.interventions.some((i) => i.type === type)).length,
  }));

  return {
    started: episodes.length,
    byStatus: (status: string) => episodes.filter((e) => e.status === status).length,
    milestones,
    times,
    curve,
    weekly,
    adherence,
    flags,
    interventions,
  };
}

/** The report's figures beside the recomputation's, with suppression applied to the latter. */
function expectSame(r: ClinicReport, x: Awaited<ReturnType<typeof recompute>>) {
  expect(r.pending).toBe(0);
  expect(r.episodes).toEqual({
    started: x.started,
    active: x.byStatus("ACTIVE"),
    paused: x.byStatus("PAUSED"),
    discharged: x.byStatus("DISCHARGED"),
  });
  for (const m of x.milestones) {
    const figures = r.milestones.find((f) => f.weeks === m.weeks)!;
    const judgeable = m.improved + m.notImproved;
    expect(figures).toMatchObject({
      reached: m.reached,
      improved: m.improved,
      notImproved: m.notImproved,
      notJudgeable: m.notJudgeable,
    });
    expect(figures.share).toEqual(judgeable >= 5 ? m.improved / judgeable : null);
    expect(
      Object.fromEntries(figures.instruments.map((i) => [i.instrument, { judged: i.judged, improved: i.improved }])),
    ).toEqual(Object.fromEntries(m.byInstrument));
  }
  expect(r.recovery.followed).toBe(x.times.length);
  expect(r.recovery.recovered).toBe(x.times.filter((time) => time.event).length);
  expect(
    r.recovery.steps.map((s) => ({
      week: s.week,
      atRisk: s.atRisk,
      share: s.share === null ? null : Number(s.share.toFixed(9)),
    })),
  ).toEqual(
    x.curve.map((c) => ({ week: c.week, atRisk: c.atRisk, share: c.atRisk >= 5 ? Number(c.share.toFixed(9)) : null })),
  );
  expect(r.weeklyPain.map((w) => ({ week: w.week, episodes: w.episodes, median: w.median }))).toEqual(
    [...x.weekly]
      .sort((a, b) => a[0] - b[0])
      .map(([week, medians]) => ({
        week,
        episodes: medians.length,
        median: medians.length >= 5 ? medianOf(medians) : null,
      })),
  );
  expect(r.adherence.episodes).toBe(x.adherence.length);
  expect(r.adherence.median).toBeCloseTo(medianOf(x.adherence), 9);
  const bands = [0, 0.25, 0.5, 0.75, 1].map(
    (lower, i, all) => x.adherence.filter((a) => a >= lower && (i === all.length - 1 || a < all[i + 1]!)).length,
  );
  expect(r.adherence.bands).toEqual(bands);
  expect(
    r.flags.map((f) => ({ ...f, medianHours: f.medianHours === null ? null : Number(f.medianHours.toFixed(6)) })),
  ).toEqual(
    x.flags.map(({ hours, ...f }) => ({
      ...f,
      medianHours: hours.length >= 5 ? Number(medianOf(hours).toFixed(6)) : null,
    })),
  );
  // The report lists them in the order of the intervention types.
  expect([...r.interventions].sort((a, b) => a.type.localeCompare(b.type))).toEqual(x.interventions);
}

describe(`clinic report on ${TEST_DB_KIND}`, () => {
  it("equals a recomputation from the raw rows, for the whole clinic", async () => {
    const r = await report(admin, period);
    const x = await recompute(null);
    // The demo has enough episodes for the headline figures to show.
    // 42 scenario patients and the discharge letter's (lib/server/seed/demo.ts).
    expect(x.started).toBe(43);
    expect(r.milestones[0]!.share).not.toBeNull();
    expect(r.recovery.recovered).toBeGreaterThan(0);
    expect(r.adherence.median).not.toBeNull();
    expectSame(r, x);
  });

  it("equals it for one clinician, chosen by an admin, and as that clinician's own report", async () => {
    const x = await recompute(clinician.userId);
    expect(x.started).toBeLessThan(43);
    expectSame(await report(admin, { ...period, clinician: clinician.userId }), x);
    expectSame(await report(clinician, period), x);
  });

  it("a clinician cannot read a colleague's report, and a bad period answers with field errors", async () => {
    const colleague = await t.prisma.user.findUniqueOrThrow({ where: { email: "fysio2@demo.dk" } });
    await expect(clinicReport(t.prisma, clinician, { ...period, clinician: colleague.id }, asOf)).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    expect(await clinicReport(t.prisma, admin, { from: "2026-02-30", to: "x" }, asOf)).toEqual({
      status: "invalid",
      fieldErrors: { from: "invalidDate", to: "invalidDate" },
    });
    expect(await clinicReport(t.prisma, admin, { from: asOf, to: period.from }, asOf)).toEqual({
      status: "invalid",
      fieldErrors: { to: "periodOrder" },
    });
    expect(await clinicReport(t.prisma, admin, { from: "2010-01-01", to: asOf }, asOf)).toEqual({
      status: "invalid",
      fieldErrors: { to: "periodTooLong" },
    });
    expect(await clinicReport(t.prisma, admin, { ...period, clinician: admin.userId }, asOf)).toEqual({
      status: "invalid",
      fieldErrors: { clinician: "invalidChoice" },
    });
  });

  it("after a change of the recovery threshold the facts are out of date until worked out again, then follow it", async () => {
    const clinic = await t.prisma.clinic.findUniqueOrThrow({ where: { id: clinicId } });
    await t.prisma.clinic.update({ where: { id: clinicId }, data: { ruleSettings: { recoveredPain: 3 } } });
    try {
      expect(await outdatedReportFacts(t.prisma, clinicId)).toBe(43);
      expect((await report(admin, period)).pending).toBe(43);
      expect(await refreshOutdatedReportFacts(t.prisma, clinicId, { batchSize: 10 })).toBe(43);
      expect(await outdatedReportFacts(t.prisma, clinicId)).toBe(0);
      const x = await recompute(null, 3);
      expectSame(await report(admin, period), x);
      expect(x.times.filter((time) => time.event).length).toBeGreaterThan(
        (await recompute(null, 2)).times.filter((time) => time.event).length,
      );
    } finally {
      await t.prisma.clinic.update({ where: { id: clinicId }, data: { ruleSettings: clinic.ruleSettings ?? {} } });
      await refreshOutdatedReportFacts(t.prisma, clinicId);
    }
  });

  it("states the clinic's own days between baseline and milestone, which its sentence quotes", async () => {
    const clinic = await t.prisma.clinic.findUniqueOrThrow({ where: { id: clinicId } });
    expect((await report(admin, period)).judgeableDays).toBe(14);
    await t.prisma.clinic.update({ where: { id: clinicId }, data: { ruleSettings: { judgeableDays: 21 } } });
    try {
      const judgeableDays = (await report(admin, period)).judgeableDays;
      expect(judgeableDays).toBe(21);
      expect(getMessages("da").reports.improvement.about(String(judgeableDays))).toContain("mindst 21 dage før");
    } finally {
      await t.prisma.clinic.update({ where: { id: clinicId }, data: { ruleSettings: clinic.ruleSettings ?? {} } });
      await refreshOutdatedReportFacts(t.prisma, clinicId);
    }
  });

  it("leaves out the patients who asked to be erased", async () => {
    const before = await report(admin, period);
    const patient = await t.prisma.patient.findFirstOrThrow({ where: { clinicId, name: "Peter Patient" } });
    await t.prisma.patient.update({ where: { id: patient.id }, data: { processingStoppedAt: new Date() } });
    try {
      const after = await report(admin, period);
      expect(after.episodes.started).toBe(before.episodes.started - 1);
      expectSame(after, await recompute(null));
    } finally {
      await t.prisma.patient.update({ where: { id: patient.id }, data: { processingStoppedAt: null } });
    }
  });
});
