import { assessmentFindings, assessmentRedFlags } from "../clinical/red-flags";
import type { Prisma } from "../generated/prisma/client";
import { LOADING_PROGRAM_KINDS, type RuleCase } from "./case";

const ymd = (date: Date) => date.toISOString().slice(0, 10);

/** The rules' view of each episode (live rows only), read in one query per table. */
export async function loadRuleCases(db: Prisma.TransactionClient, episodeIds: string[]): Promise<Map<string, RuleCase>> {
  const where = { episodeId: { in: episodeIds } };
  const live = { ...where, deletedAt: null };
  const [episodes, assessments, outcomes, programs, sessions, interventions] = await Promise.all([
    db.episode.findMany({ where: { id: { in: episodeIds } }, select: { id: true, symptomOnset: true, treatmentStart: true, status: true } }),
    db.assessment.findMany({
      where: live,
      select: {
        episodeId: true, date: true, palpationPositive: true, windlassPositive: true, calcanealSqueezePositive: true, tinelPositive: true,
        redFlagsScreened: true, redFlags: true, findings: true, walkToleranceMin: true, walkNextMorningWorse: true,
      },
    }),
    db.outcomeMeasurement.findMany({ where: live, select: { episodeId: true, date: true, instrument: true, value: true, recordedBy: true } }),
    db.programAssignment.findMany({ where, select: { episodeId: true, kind: true, startDate: true, sessionsPerWeek: true, status: true } }),
    db.sessionLog.findMany({ where: { ...where, kind: { in: [...LOADING_PROGRAM_KINDS] } }, select: { episodeId: true, date: true, kind: true, completed: true, painDuring: true } }),
    db.intervention.findMany({ where: live, select: { episodeId: true, date: true, type: true } }),
  ]);
  const cases = new Map<string, RuleCase>();
  for (const e of episodes) {
    cases.set(e.id, {
      id: e.id,
      episode: { symptomOnset: ymd(e.symptomOnset), treatmentStart: ymd(e.treatmentStart), status: e.status.toLowerCase() as RuleCase["episode"]["status"] },
      assessments: [],
      outcomes: [],
      programs: [],
      sessions: [],
      interventions: [],
    });
  }
  const into = (episodeId: string) => cases.get(episodeId)!;
  for (const a of assessments) {
    into(a.episodeId).assessments.push({
      date: ymd(a.date), palpationPositive: a.palpationPositive, windlassPositive: a.windlassPositive, redFlagsScreened: a.redFlagsScreened,
      redFlags: assessmentRedFlags(a), findings: assessmentFindings(a), walkToleranceMin: a.walkToleranceMin, walkNextMorningWorse: a.walkNextMorningWorse,
    });
  }
  for (const o of outcomes) into(o.episodeId).outcomes.push({ date: ymd(o.date), instrument: o.instrument, value: Number(o.value), recordedBy: o.recordedBy });
  for (const p of programs) into(p.episodeId).programs.push({ kind: p.kind, start: ymd(p.startDate), sessionsPerWeek: p.sessionsPerWeek, status: p.status === "ACTIVE" ? "active" : "ended" });
  for (const s of sessions) into(s.episodeId).sessions.push({ date: ymd(s.date), kind: s.kind as RuleCase["sessions"][number]["kind"], completed: s.completed, painDuring: s.painDuring });
  for (const i of interventions) into(i.episodeId).interventions.push({ date: ymd(i.date), type: i.type });
  return cases;
}
