// One snapshot of each episode's data, loaded once and in the shape the clinical kernel reads
// (lib/rules/case.ts): calendar dates as yyyy-mm-dd, decimals as numbers, program content parsed,
// the clinic's settings read once. The write funnel, the nightly sweep, the report facts and the
// pages that show a patient's state all start from here (decision record 023), so no screen maps
// rows its own way. Not scoped: callers have checked that the actor may read these episodes.
import { assessmentFindings, assessmentRedFlags } from "../clinical/red-flags";
import type { Prisma } from "../generated/prisma/client";
import type { Instrument, PlanStatus, RecordedBy } from "../generated/prisma/enums";
import { ZProgramContent } from "../programs/default-templates";
import type { CaseProgram, CaseSession, RuleCase } from "../rules/case";
import { clinicRuleSettings, type RuleSettings } from "../rules/settings";

export type EpisodeSnapshot = {
  snapshot: RuleCase;
  clinicId: string;
  patientId: string;
  settings: RuleSettings;
  /** What the summary holds now, to write only what changed and to see a plan go on hold. */
  stored: { planStatus: PlanStatus | null };
};

const ymd = (date: Date) => date.toISOString().slice(0, 10);

type OutcomeRow = { episodeId: string; date: string; instrument: Instrument; value: number; recordedBy: RecordedBy };
type SessionRow = Omit<CaseSession, "programId"> & { episodeId: string; assignmentId: string };

/** The snapshots of the given episodes, one query per table whatever their number. */
export async function loadEpisodeSnapshots(
  db: Prisma.TransactionClient,
  episodeIds: string[],
): Promise<Map<string, EpisodeSnapshot>> {
  if (episodeIds.length === 0) return new Map();
  const where = { episodeId: { in: episodeIds } };
  const live = { ...where, deletedAt: null };
  // Outcomes and sessions in plain SQL with dates as text and decimals as numbers: the nightly
  // sweep reads every open episode's logs (about 900,000 rows in the benchmark clinic), and
  // Prisma's findMany spent longer building a Date and a Decimal per value than the query took.
  const [episodes, assessments, outcomes, programs, sessions, interventions] = await Promise.all([
    db.episode.findMany({
      where: { id: { in: episodeIds } },
      select: {
        id: true,
        clinicId: true,
        patientId: true,
        symptomOnset: true,
        treatmentStart: true,
        status: true,
        dischargedAt: true,
        planStatus: true,
        clinic: { select: { ruleSettings: true } },
      },
    }),
    db.assessment.findMany({
      where: live,
      orderBy: [{ date: "asc" }, { createdAt: "asc" }],
      select: {
        episodeId: true,
        date: true,
        palpationPositive: true,
        windlassPositive: true,
        calcanealSqueezePositive: true,
        tinelPositive: true,
        redFlagsScreened: true,
        redFlags: true,
        differentialsExamined: true,
        findings: true,
        walkToleranceMin: true,
        walkNextMorningWorse: true,
      },
    }),
    db.$queryRaw<OutcomeRow[]>`
      SELECT "episodeId"::text, date::text AS date, instrument, value::float8 AS value, "recordedBy"
      FROM "OutcomeMeasurement" WHERE "episodeId" = ANY(${episodeIds}::uuid[]) AND "deletedAt" IS NULL
      ORDER BY date, "createdAt"`,
    db.programAssignment.findMany({
      where,
      orderBy: [{ startDate: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        episodeId: true,
        kind: true,
        startDate: true,
        sessionsPerWeek: true,
        status: true,
        startingLoadKg: true,
        content: true,
        endedAt: true,
        template: { select: { key: true } },
        overrides: {
          orderBy: [{ date: "asc" }, { createdAt: "asc" }],
          select: { date: true, phase: true, loadKg: true },
        },
      },
    }),
    db.$queryRaw<SessionRow[]>`
      SELECT "episodeId"::text, "assignmentId"::text, date::text AS date, kind, completed, "painDuring", sets, reps, "loadKg"::float8 AS "loadKg", effort
      FROM "SessionLog" WHERE "episodeId" = ANY(${episodeIds}::uuid[])
      ORDER BY date, "createdAt"`,
    db.intervention.findMany({
      where: live,
      orderBy: [{ date: "asc" }, { createdAt: "asc" }],
      select: { episodeId: true, date: true, type: true },
    }),
  ]);

  const snapshots = new Map<string, EpisodeSnapshot>();
  for (const e of episodes) {
    snapshots.set(e.id, {
      clinicId: e.clinicId,
      patientId: e.patientId,
      settings: clinicRuleSettings(e.clinic.ruleSettings),
      stored: { planStatus: e.planStatus },
      snapshot: {
        id: e.id,
        episode: {
          symptomOnset: ymd(e.symptomOnset),
          treatmentStart: ymd(e.treatmentStart),
          status: e.status.toLowerCase() as RuleCase["episode"]["status"],
          dischargedAt: e.dischargedAt && ymd(e.dischargedAt),
        },
        assessments: [],
        outcomes: [],
        programs: [],
        sessions: [],
        interventions: [],
      },
    });
  }
  const into = (episodeId: string) => snapshots.get(episodeId)!.snapshot;
  for (const a of assessments) {
    into(a.episodeId).assessments.push({
      date: ymd(a.date),
      palpationPositive: a.palpationPositive,
      windlassPositive: a.windlassPositive,
      redFlagsScreened: a.redFlagsScreened,
      redFlags: assessmentRedFlags(a),
      differentialsExamined: a.differentialsExamined,
      findings: assessmentFindings(a),
      walkToleranceMin: a.walkToleranceMin,
      walkNextMorningWorse: a.walkNextMorningWorse,
    });
  }
  for (const o of outcomes)
    into(o.episodeId).outcomes.push({
      date: o.date,
      instrument: o.instrument,
      value: o.value,
      recordedBy: o.recordedBy,
    });
  const known = new Set<string>();
  for (const p of programs) {
    // Content not in the current shape (a hand-made row) is left out rather than failing a write.
    const content = ZProgramContent.safeParse(p.content);
    if (!content.success) continue;
    known.add(p.id);
    const program: CaseProgram = {
      id: p.id,
      kind: p.kind,
      template: p.template.key,
      start: ymd(p.startDate),
      sessionsPerWeek: p.sessionsPerWeek,
      status: p.status === "ACTIVE" ? "active" : "ended",
      startingLoadKg: Number(p.startingLoadKg),
      content: content.data,
      overrides: p.overrides.map((o) => ({
        date: ymd(o.date),
        ...(o.phase !== null && { phase: o.phase }),
        ...(o.loadKg !== null && { loadKg: Number(o.loadKg) }),
      })),
      endedAt: p.endedAt && ymd(p.endedAt),
    };
    into(p.episodeId).programs.push(program);
  }
  for (const s of sessions) {
    into(s.episodeId).sessions.push({
      date: s.date,
      kind: s.kind,
      programId: known.has(s.assignmentId) ? s.assignmentId : null,
      completed: s.completed,
      painDuring: s.painDuring,
      sets: s.sets,
      reps: s.reps,
      loadKg: s.loadKg,
      effort: s.effort,
    });
  }
  for (const i of interventions) into(i.episodeId).interventions.push({ date: ymd(i.date), type: i.type });
  return snapshots;
}
