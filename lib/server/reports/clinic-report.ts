// The clinic report (SPEC §7): for the episodes whose treatment started in a period, of the
// whole clinic or one clinician's caseload, how many improved by 6 and 12 weeks, how pain went
// by program week, how many recovered over time beside the expected course, adherence to HSR,
// the flags raised and the referrals made. Counts come from the stored report facts
// (report-facts.ts) in a few grouped queries; the statistics are worked out here from those
// counts by the pure modules beside this file.
import { adherenceOn, type AdherenceSummary, adherenceSummary } from "../../clinical/reports/adherence";
import { reportFactsKey } from "../../clinical/reports/episode-facts";
import { MILESTONE_WEEKS, type MilestoneWeek } from "../../clinical/reports/milestones";
import { type CurveStep, kaplanMeier, REFERENCE_POINTS, shareRecoveredBy } from "../../clinical/reports/recovery";
import { median } from "../../clinical/reports/statistics";
import { canShow, shareOf } from "../../clinical/reports/suppression";
import { painByWeek, type WeekPain } from "../../clinical/reports/weekly-pain";
import { RULE_CODES, type RuleCode } from "../../clinical/rules/case";
import { clinicRuleSettings } from "../../clinical/rules/settings";
import { Prisma } from "../../generated/prisma/client";
import type { Instrument, InterventionType } from "../../generated/prisma/enums";
import type { Actor } from "../../platform/auth/actor";
import { assertCan, can } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { queryOneClinic } from "../../platform/db/one-clinic-read";
import { AppError } from "../../platform/errors";
import { type FieldErrors, fieldErrorsOf } from "../../present/forms/form-input";
import { type ReportQuery, ZReportQuery } from "./report-query";

export type MilestoneFigures = {
  weeks: MilestoneWeek;
  /** Episodes at least this many weeks past their treatment start. */
  reached: number;
  improved: number;
  notImproved: number;
  notJudgeable: number;
  /** Improved of those judgeable (improved + not improved); null under five. */
  share: number | null;
  instruments: { instrument: Instrument; judged: number; improved: number; share: number | null }[];
};

export type ClinicReport = {
  query: ReportQuery;
  asOf: string;
  /** The clinic's threshold for "recovered", which the page states. */
  recoveredPain: number;
  /** The clinic's least days between baseline and a milestone's measurement, which the page states. */
  judgeableDays: number;
  /** Episodes whose facts are still being worked out after a change of settings; they are not counted yet. */
  pending: number;
  episodes: { started: number; active: number; paused: number; discharged: number };
  milestones: MilestoneFigures[];
  recovery: {
    followed: number;
    recovered: number;
    steps: CurveStep[];
    references: {
      key: string;
      fromWeek: number;
      toWeek: number;
      expected: number;
      atLeast: boolean;
      clinic: number | null;
    }[];
  };
  weeklyPain: WeekPain[];
  adherence: AdherenceSummary;
  flags: { code: RuleCode; raised: number; episodes: number; acknowledged: number; medianHours: number | null }[];
  interventions: { type: InterventionType; episodes: number }[];
};

export type ClinicReportResult =
  { status: "invalid"; fieldErrors: FieldErrors<keyof ReportQuery> } | { status: "ok"; report: ClinicReport };

/** The clinicians an admin can choose a report for: every clinician of the clinic, past ones too. */
export async function reportClinicians(db: Db, actor: Actor) {
  assertCan(actor, "clinic-admin");
  return db.user.findMany({
    where: { clinicId: actor.clinicId, role: "CLINICIAN" },
    select: { id: true, name: true, active: true },
    orderBy: { name: "asc" },
  });
}

/**
 * The report of the period the query asks for. It only reads, so it may be given the replica's
 * client (the entry point's reader, lib/platform/db/app-db.server.ts).
 */
export async function clinicReport(
  db: Db,
  actor: Actor,
  raw: Record<string, unknown>,
  asOf: string,
): Promise<ClinicReportResult> {
  assertCan(actor, "clinic-patients");
  const parsed = ZReportQuery.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const query = parsed.data;
  // A clinician's report is their own caseload; another's is not theirs to read.
  const ownCaseload = can(actor, "own-caseload");
  if (ownCaseload && query.clinician && query.clinician !== actor.userId) throw new AppError("NOT_FOUND");
  const clinicianId = ownCaseload ? actor.userId : query.clinician || null;
  if (
    clinicianId &&
    !ownCaseload &&
    !(await db.user.count({ where: { id: clinicianId, clinicId: actor.clinicId, role: "CLINICIAN" } }))
  ) {
    return { status: "invalid", fieldErrors: { clinician: "invalidChoice" } };
  }
  const clinic = await db.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { ruleSettings: true } });
  const settings = clinicRuleSettings(clinic.ruleSettings);
  const key = reportFactsKey(settings);
  const chosen = chosenEpisodes(actor.clinicId, query, clinicianId, key);
  const [counts, instruments, recovery, pain, programs, flags, interventions] = await Promise.all([
    countEpisodes(db, chosen, asOf),
    instrumentCounts(db, chosen, asOf),
    queryOneClinic<{ week: number; recovered: number; censored: number }[]>(
      db,
      Prisma.sql`${chosen}
      SELECT "recoveryWeek" AS week, count(*) FILTER (WHERE recovered)::int AS recovered, count(*) FILTER (WHERE NOT recovered)::int AS censored
      FROM chosen WHERE current AND "recoveryWeek" IS NOT NULL GROUP BY 1`,
    ),
    queryOneClinic<{ week: number; value: number; count: number }[]>(
      db,
      Prisma.sql`${chosen}
      SELECT (w.ord - 1)::int AS week, (w.value #>> '{}')::float8 AS value, count(*)::int AS count
      FROM chosen, jsonb_array_elements(chosen."weeklyPain") WITH ORDINALITY AS w(value, ord)
      WHERE current AND jsonb_typeof(w.value) = 'number' GROUP BY 1, 2`,
    ),
    // Episodes alike are counted once; the sessions travel as text, which reads far faster
    // than thousands of PostgreSQL arrays.
    queryOneClinic<{ start: Date; sessionsPerWeek: number; weeklyCompleted: string; count: number }[]>(
      db,
      Prisma.sql`${chosen}
      SELECT "programStart" AS start, "sessionsPerWeek", array_to_string("weeklyCompleted", ',') AS "weeklyCompleted", count(*)::int AS count
      FROM chosen WHERE current AND "programStart" IS NOT NULL GROUP BY 1, 2, 3`,
    ),
    flagCounts(db, chosen, actor.clinicId),
    queryOneClinic<{ type: InterventionType; episodes: number }[]>(
      db,
      Prisma.sql`${chosen}
      SELECT i.type, count(DISTINCT i."episodeId")::int AS episodes
      FROM chosen JOIN "Intervention" i ON i."episodeId" = chosen.id AND i."clinicId" = ${actor.clinicId}::uuid AND i."deletedAt" IS NULL
      GROUP BY i.type ORDER BY i.type`,
    ),
  ]);
  const steps = kaplanMeier(recovery);
  const weeks = [...new Set(pain.map((row) => row.week))];
  return {
    status: "ok",
    report: {
      query,
      asOf,
      recoveredPain: settings.recoveredPain,
      judgeableDays: settings.judgeableDays,
      pending: counts.pending,
      episodes: {
        started: counts.started,
        active: counts.active,
        paused: counts.paused,
        discharged: counts.discharged,
      },
      milestones: MILESTONE_WEEKS.map((weeks) => {
        const improved = counts[`improved${weeks}`];
        const notImproved = counts[`notImproved${weeks}`];
        return {
          weeks,
          reached: counts[`reached${weeks}`],
          improved,
          notImproved,
          notJudgeable: counts[`notJudgeable${weeks}`],
          share: shareOf(improved, improved + notImproved),
          instruments: instruments
            .filter((row) => row.weeks === weeks)
            .map((row) => ({ ...row, share: shareOf(row.improved, row.judged) })),
        };
      }),
      recovery: {
        followed: recovery.reduce((sum, row) => sum + row.recovered + row.censored, 0),
        recovered: recovery.reduce((sum, row) => sum + row.recovered, 0),
        steps,
        references: REFERENCE_POINTS.map((point) => ({
          key: point.key,
          fromWeek: point.fromWeek,
          toWeek: point.toWeek,
          expected: point.share,
          atLeast: point.atLeast,
          clinic: shareRecoveredBy(steps, point.toWeek),
        })),
      },
      weeklyPain: painByWeek(weeks.map((week) => ({ week, medians: pain.filter((row) => row.week === week) }))),
      adherence: adherenceSummary(
        programs.flatMap((p) => {
          const weeklyCompleted = p.weeklyCompleted === "" ? [] : p.weeklyCompleted.split(",").map(Number);
          const judged = adherenceOn(
            { start: p.start.toISOString().slice(0, 10), sessionsPerWeek: p.sessionsPerWeek, weeklyCompleted },
            asOf,
          );
          return judged ? [{ ...judged, count: p.count }] : [];
        }),
      ),
      flags: flags.map(({ hours, ...row }) => ({ ...row, medianHours: canShow(hours.length) ? median(hours) : null })),
      interventions,
    },
  };
}

/**
 * The chosen episodes as a CTE: of the clinic, started in the period, of the clinician's
 * patients if one is chosen, without patients who asked to be erased (their data may only be
 * kept, SPEC §9). `current` says the facts were made with the clinic's settings of now.
 */
function chosenEpisodes(clinicId: string, query: ReportQuery, clinicianId: string | null, key: string) {
  // The patient is asked about in subqueries rather than joined: PostgreSQL, told the clinic of
  // both the episode and the patient, counts it twice and expects a tenth of the rows, then
  // looks up each episode's facts one by one (decision record 018). The erased are few and
  // found once (a partial index), then looked up in a hash; NOT IN is safe as ids are never null.
  return Prisma.sql`
    WITH chosen AS (
      SELECT e.id, e.status, e."treatmentStart", f."computedWith" IS NOT DISTINCT FROM ${key} AS current,
             f.week6, f.week12, f."week6Judged", f."week6Improved", f."week12Judged", f."week12Improved",
             f."recoveryWeek", f.recovered, f."programStart", f."weeklyPain", f."sessionsPerWeek", f."weeklyCompleted"
      FROM "Episode" e
      -- Every table named by the clinic: PostgreSQL then reads each through its clinic index
      -- rather than every clinic's rows (decision record 018).
      LEFT JOIN "EpisodeReportFacts" f ON f."episodeId" = e.id AND f."clinicId" = ${clinicId}::uuid
      WHERE e."clinicId" = ${clinicId}::uuid AND e."treatmentStart" BETWEEN ${query.from}::date AND ${query.to}::date
        AND e."patientId" NOT IN (SELECT p.id FROM "Patient" p WHERE p."clinicId" = ${clinicId}::uuid AND p."processingStoppedAt" IS NOT NULL)
        ${clinicianId ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Patient" p WHERE p.id = e."patientId" AND p."clinicId" = ${clinicId}::uuid AND p."clinicianId" = ${clinicianId}::uuid)` : Prisma.empty}
    )`;
}

/** Whether the milestone `weeks` has passed by `asOf` for an episode of the CTE. */
const reached = (weeks: MilestoneWeek, asOf: string) =>
  Prisma.sql`current AND "treatmentStart" + ${weeks * 7}::int <= ${asOf}::date`;

type Counts = Record<
  | "started"
  | "active"
  | "paused"
  | "discharged"
  | "pending"
  | `${"reached" | "improved" | "notImproved" | "notJudgeable"}${MilestoneWeek}`,
  number
>;

async function countEpisodes(db: Db, chosen: Prisma.Sql, asOf: string): Promise<Counts> {
  const milestone = (weeks: MilestoneWeek) => {
    const column = Prisma.raw(`week${weeks}`);
    return Prisma.sql`
      count(*) FILTER (WHERE ${reached(weeks, asOf)})::int AS ${Prisma.raw(`"reached${weeks}"`)},
      count(*) FILTER (WHERE ${reached(weeks, asOf)} AND ${column} = 'IMPROVED')::int AS ${Prisma.raw(`"improved${weeks}"`)},
      count(*) FILTER (WHERE ${reached(weeks, asOf)} AND ${column} = 'NOT_IMPROVED')::int AS ${Prisma.raw(`"notImproved${weeks}"`)},
      count(*) FILTER (WHERE ${reached(weeks, asOf)} AND ${column} = 'NOT_JUDGEABLE')::int AS ${Prisma.raw(`"notJudgeable${weeks}"`)}`;
  };
  const [row] = await queryOneClinic<Counts[]>(
    db,
    Prisma.sql`${chosen}
    SELECT count(*)::int AS started,
           count(*) FILTER (WHERE status = 'ACTIVE')::int AS active,
           count(*) FILTER (WHERE status = 'PAUSED')::int AS paused,
           count(*) FILTER (WHERE status = 'DISCHARGED')::int AS discharged,
           count(*) FILTER (WHERE NOT current)::int AS pending,
           ${Prisma.join(MILESTONE_WEEKS.map(milestone), ",")}
    FROM chosen`,
  );
  return row!;
}

async function instrumentCounts(db: Db, chosen: Prisma.Sql, asOf: string) {
  const perMilestone = (weeks: MilestoneWeek) => Prisma.sql`
    SELECT ${weeks}::int AS weeks, i AS instrument, count(*)::int AS judged,
           count(*) FILTER (WHERE i = ANY(${Prisma.raw(`"week${weeks}Improved"`)}))::int AS improved
    FROM chosen CROSS JOIN LATERAL unnest(${Prisma.raw(`"week${weeks}Judged"`)}) AS i
    WHERE ${reached(weeks, asOf)} GROUP BY i`;
  return queryOneClinic<{ weeks: MilestoneWeek; instrument: Instrument; judged: number; improved: number }[]>(
    db,
    Prisma.sql`${chosen}
    ${Prisma.join(MILESTONE_WEEKS.map(perMilestone), " UNION ALL ")} ORDER BY 1, 2`,
  );
}

/**
 * Flags of the chosen episodes by rule: how many were raised, on how many episodes, how many
 * were acknowledged and the hours from raising to the first acknowledgement.
 */
async function flagCounts(db: Db, chosen: Prisma.Sql, clinicId: string) {
  const rows = await queryOneClinic<
    { code: RuleCode; raised: number; episodes: number; acknowledged: number; hours: number[] | null }[]
  >(
    db,
    Prisma.sql`${chosen}
    SELECT fl.code, count(*)::int AS raised, count(DISTINCT fl."episodeId")::int AS episodes, count(ack.at)::int AS acknowledged,
           array_agg(extract(epoch FROM ack.at - fl."openedAt")::float8 / 3600) FILTER (WHERE ack.at IS NOT NULL) AS hours
    FROM chosen JOIN "Flag" fl ON fl."episodeId" = chosen.id AND fl."clinicId" = ${clinicId}::uuid
    -- Acknowledgements are few: the clinic's gathered once and joined, rather than looked up flag by flag.
    LEFT JOIN (
      SELECT ev."flagId", min(ev.at) AS at FROM "FlagEvent" ev JOIN "Flag" acked ON acked.id = ev."flagId" AND acked."clinicId" = ${clinicId}::uuid
      WHERE ev.type = 'ACKNOWLEDGED' GROUP BY ev."flagId"
    ) ack ON ack."flagId" = fl.id
    WHERE fl.code = ANY(${[...RULE_CODES]}::text[])
    GROUP BY fl.code`,
  );
  const byCode = new Map(rows.map((row) => [row.code, { ...row, hours: row.hours ?? [] }]));
  // In the order of the rules, every rule listed, raised or not.
  return RULE_CODES.map((code) => byCode.get(code) ?? { code, raised: 0, episodes: 0, acknowledged: 0, hours: [] });
}
