// One snapshot of each episode's data, loaded once (one statement) and in the shape the clinical kernel reads
// (lib/clinical/rules/case.ts): calendar dates as yyyy-mm-dd, decimals as numbers, program content parsed,
// the clinic's settings read once. The write funnel, the nightly sweep, the report facts and the
// pages that show a patient's state all start from here (decision record 023), so no screen maps
// rows its own way. Not scoped: callers have checked that the actor may read these episodes.
import { ZProgramContent } from "../../clinical/programs/default-templates";
import { assessmentFindings, assessmentRedFlags, type RecordedTests } from "../../clinical/red-flags";
import {
  type CaseAssessment,
  type CaseProgram,
  type CaseSession,
  RULE_CODES,
  type RuleCase,
} from "../../clinical/rules/case";
import { clinicRuleSettings, type RuleSettings } from "../../clinical/rules/settings";
import { Prisma } from "../../generated/prisma/client";
import type {
  AssignmentStatus,
  EpisodeStatus,
  FlagSeverity,
  FlagStatus,
  Instrument,
  PlanStatus,
  RecordedBy,
} from "../../generated/prisma/enums";

export type EpisodeSnapshot = {
  snapshot: RuleCase;
  clinicId: string;
  patientId: string;
  settings: RuleSettings;
  /** What is stored now: the summary's plan status (to see a plan go on hold), and the unresolved rule flags the sync compares. */
  stored: { planStatus: PlanStatus | null; flags: StoredFlag[] };
};

/** An unresolved flag of one of the rules, as stored. */
export type StoredFlag = {
  id: string;
  code: string;
  severity: FlagSeverity;
  status: FlagStatus;
  evidence: unknown;
  ruleVersion: number;
};

/** One row per episode; each list a JSON array of its rows in the order they were made. */
type EpisodeRow = {
  id: string;
  clinicId: string;
  patientId: string;
  symptomOnset: string;
  treatmentStart: string;
  status: EpisodeStatus;
  dischargedAt: string | null;
  planStatus: PlanStatus | null;
  ruleSettings: unknown;
  assessments: (Omit<CaseAssessment, "redFlags" | "findings"> & RecordedTests)[];
  /** [date, instrument, value, recordedBy]: arrays, not objects, as an episode may hold thousands. */
  outcomes: [string, Instrument, number, RecordedBy][];
  programs: (Omit<CaseProgram, "content" | "status" | "overrides"> & {
    status: AssignmentStatus;
    content: unknown;
    overrides: { date: string; phase: number | null; loadKg: number | null }[];
  })[];
  /** [date, assignment, kind, completed, painDuring, sets, reps, loadKg, effort] */
  sessions: [
    string,
    string,
    CaseSession["kind"],
    boolean,
    number | null,
    number | null,
    number | null,
    number | null,
    CaseSession["effort"],
  ][];
  interventions: RuleCase["interventions"];
  flags: StoredFlag[];
};

// Every list is built in the database as JSON (dates as text, decimals as numbers), so one
// statement reads an episode however much it holds: the write funnel runs it on every write,
// and the nightly sweep for a thousand episodes at a time (about 900,000 rows in the
// benchmark clinic), where a Date and a Decimal built per value cost more than the query.
const EPISODE_ROWS = Prisma.sql`
  SELECT e.id::text AS id, e."clinicId"::text AS "clinicId", e."patientId"::text AS "patientId",
    e."symptomOnset"::text AS "symptomOnset", e."treatmentStart"::text AS "treatmentStart", e.status::text AS status,
    e."dischargedAt"::text AS "dischargedAt", e."planStatus"::text AS "planStatus", c."ruleSettings",
    coalesce((
      SELECT json_agg(json_build_object(
        'date', a.date::text, 'palpationPositive', a."palpationPositive", 'windlassPositive', a."windlassPositive",
        'calcanealSqueezePositive', a."calcanealSqueezePositive", 'tinelPositive', a."tinelPositive",
        'redFlagsScreened', a."redFlagsScreened", 'redFlags', a."redFlags",
        'differentialsExamined', a."differentialsExamined", 'findings', a.findings,
        'walkToleranceMin', a."walkToleranceMin", 'walkNextMorningWorse', a."walkNextMorningWorse"
      ) ORDER BY a.date, a."createdAt")
      FROM "Assessment" a WHERE a."episodeId" = e.id AND a."deletedAt" IS NULL), '[]') AS assessments,
    coalesce((
      SELECT json_agg(json_build_array(o.date::text, o.instrument, o.value::float8, o."recordedBy") ORDER BY o.date, o."createdAt")
      FROM "OutcomeMeasurement" o WHERE o."episodeId" = e.id AND o."deletedAt" IS NULL), '[]') AS outcomes,
    coalesce((
      SELECT json_agg(json_build_object(
        'id', p.id::text, 'kind', p.kind, 'template', t.key, 'start', p."startDate"::text,
        'sessionsPerWeek', p."sessionsPerWeek", 'status', p.status, 'startingLoadKg', p."startingLoadKg"::float8,
        'content', p.content, 'endedAt', p."endedAt"::text,
        'overrides', coalesce((
          SELECT json_agg(json_build_object('date', v.date::text, 'phase', v.phase, 'loadKg', v."loadKg"::float8) ORDER BY v.date, v."createdAt")
          FROM "ProgramOverride" v WHERE v."assignmentId" = p.id), '[]')
      ) ORDER BY p."startDate", p."createdAt")
      FROM "ProgramAssignment" p JOIN "ProgramTemplate" t ON t.id = p."templateId" WHERE p."episodeId" = e.id), '[]') AS programs,
    coalesce((
      SELECT json_agg(json_build_array(s.date::text, s."assignmentId"::text, s.kind, s.completed, s."painDuring", s.sets, s.reps, s."loadKg"::float8, s.effort) ORDER BY s.date, s."createdAt")
      FROM "SessionLog" s WHERE s."episodeId" = e.id), '[]') AS sessions,
    coalesce((
      SELECT json_agg(json_build_object('date', i.date::text, 'type', i.type) ORDER BY i.date, i."createdAt")
      FROM "Intervention" i WHERE i."episodeId" = e.id AND i."deletedAt" IS NULL), '[]') AS interventions,
    coalesce((
      SELECT json_agg(json_build_object('id', f.id::text, 'code', f.code, 'severity', f.severity, 'status', f.status, 'evidence', f.evidence, 'ruleVersion', f."ruleVersion"))
      FROM "Flag" f WHERE f."episodeId" = e.id AND f.status <> 'RESOLVED' AND f.code IN (${Prisma.join(RULE_CODES)})), '[]') AS flags
  FROM "Episode" e JOIN "Clinic" c ON c.id = e."clinicId"`;

/** The snapshots of the given episodes, in one statement whatever their number. */
export async function loadEpisodeSnapshots(
  db: Prisma.TransactionClient,
  episodeIds: string[],
): Promise<Map<string, EpisodeSnapshot>> {
  if (episodeIds.length === 0) return new Map();
  const rows = await db.$queryRaw<EpisodeRow[]>`${EPISODE_ROWS} WHERE e.id = ANY(${episodeIds}::uuid[])`;
  return new Map(rows.map((row) => [row.id, snapshotOf(row)]));
}

function snapshotOf(row: EpisodeRow): EpisodeSnapshot {
  // Content not in the current shape (a hand-made row) is left out rather than failing a write.
  const programs = row.programs.flatMap((p): CaseProgram[] => {
    const content = ZProgramContent.safeParse(p.content);
    if (!content.success) return [];
    return [
      {
        id: p.id,
        kind: p.kind,
        template: p.template,
        start: p.start,
        sessionsPerWeek: p.sessionsPerWeek,
        status: p.status === "ACTIVE" ? "active" : "ended",
        startingLoadKg: p.startingLoadKg,
        content: content.data,
        overrides: p.overrides.map((o) => ({
          date: o.date,
          ...(o.phase !== null && { phase: o.phase }),
          ...(o.loadKg !== null && { loadKg: o.loadKg }),
        })),
        endedAt: p.endedAt,
      },
    ];
  });
  const known = new Set(programs.map((p) => p.id));
  return {
    clinicId: row.clinicId,
    patientId: row.patientId,
    settings: clinicRuleSettings(row.ruleSettings),
    stored: { planStatus: row.planStatus, flags: row.flags },
    snapshot: {
      id: row.id,
      episode: {
        symptomOnset: row.symptomOnset,
        treatmentStart: row.treatmentStart,
        status: row.status.toLowerCase() as RuleCase["episode"]["status"],
        dischargedAt: row.dischargedAt,
      },
      assessments: row.assessments.map((a) => ({
        date: a.date,
        palpationPositive: a.palpationPositive,
        windlassPositive: a.windlassPositive,
        redFlagsScreened: a.redFlagsScreened,
        redFlags: assessmentRedFlags(a),
        differentialsExamined: a.differentialsExamined,
        findings: assessmentFindings(a),
        walkToleranceMin: a.walkToleranceMin,
        walkNextMorningWorse: a.walkNextMorningWorse,
      })),
      outcomes: row.outcomes.map(([date, instrument, value, recordedBy]) => ({ date, instrument, value, recordedBy })),
      programs,
      sessions: row.sessions.map(([date, assignmentId, kind, completed, painDuring, sets, reps, loadKg, effort]) => ({
        date,
        kind,
        programId: known.has(assignmentId) ? assignmentId : null,
        completed,
        painDuring,
        sets,
        reps,
        loadKg,
        effort,
      })),
      interventions: row.interventions,
    },
  };
}
