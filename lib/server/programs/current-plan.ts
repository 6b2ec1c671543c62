import type { Plan, ProgramState } from "../../clinical/episode-state";
import type { InstrumentJudgement } from "../../clinical/rules/instrument-judgement";
import { DEFAULT_RULE_SETTINGS } from "../../clinical/rules/settings";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { isoDate } from "../../platform/dates";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
import { templateName } from "../../present/programs/template-name";
import { readEpisodeState } from "../episodes/episode-state";
import { patientWhere } from "../patients/scope";
import { LOGGED_SESSION_SELECT, loggedSession } from "./logged-session";

/**
 * An episode's plan on `on`, as the patient page, the handout and the portal show it: the
 * plan's status with its reasons, each active program with today's prescription, and each
 * instrument from baseline to latest, all from the episode's one derived state
 * (lib/server/episodes/episode-state.ts), so a page cannot show a dose the caseload has on hold.
 * Clinicians see their clinic's episodes, a patient only their own (patientWhere); anything
 * else is NOT_FOUND. Audited per program.
 */
export async function getCurrentPlan(db: Db, actor: Actor, episodeId: string, on: Date) {
  const episode = await db.episode.findFirst({
    where: { id: requireId(episodeId), clinicId: actor.clinicId, patient: patientWhere(actor) },
    select: { id: true },
  });
  if (!episode) throw new AppError("NOT_FOUND");
  const [read, assignments, sessions] = await Promise.all([
    readEpisodeState(db, episode.id, on),
    db.programAssignment.findMany({
      where: { episodeId: episode.id, status: "ACTIVE" },
      select: {
        id: true,
        kind: true,
        startDate: true,
        maintenanceSince: true,
        sessionsPerWeek: true,
        startingLoadKg: true,
        template: { select: { nameDa: true, nameEn: true, version: true } },
        overrides: {
          orderBy: [{ date: "asc" }, { createdAt: "asc" }],
          select: {
            id: true,
            date: true,
            phase: true,
            loadKg: true,
            reason: true,
            createdBy: { select: { name: true } },
          },
        },
      },
    }),
    // Each program's logged sessions as its page lists them, newest first.
    db.sessionLog.findMany({
      where: { episodeId: episode.id, assignment: { status: "ACTIVE" } },
      select: LOGGED_SESSION_SELECT,
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    }),
  ]);
  const state = read?.state;
  for (const assignment of assignments) {
    await recordAuditEvent(db, actor, { action: "READ", entity: "ProgramAssignment", entityId: assignment.id });
  }
  const byId = new Map(assignments.map((a) => [a.id, a]));
  // In the derived state's order, which is the order programs were started.
  const programs = (state?.programs ?? []).flatMap(({ program, prescription }: ProgramState) => {
    const assignment = byId.get(program.id);
    if (!assignment) return [];
    return [
      {
        id: assignment.id,
        kind: assignment.kind,
        templateName: templateName(assignment.template, actor.locale),
        templateVersion: assignment.template.version,
        startDate: assignment.startDate,
        maintenanceSince: assignment.maintenanceSince,
        sessionsPerWeek: assignment.sessionsPerWeek,
        startingLoadKg: Number(assignment.startingLoadKg),
        content: program.content,
        overrides: assignment.overrides.map((o) => ({
          id: o.id,
          date: isoDate(o.date),
          phase: o.phase ?? undefined,
          loadKg: o.loadKg === null ? undefined : Number(o.loadKg),
          reason: o.reason,
          by: o.createdBy.name,
        })),
        /** Logged sessions, newest first. */
        sessions: sessions.filter((s) => s.assignmentId === assignment.id).map(loggedSession),
        prescription,
      },
    ];
  });
  // A plan has a status once a program is running (as the caseload's summary stores it).
  const plan: Plan | null = state && programs.some((p) => p.prescription !== null) ? state.plan : null;
  const judged: InstrumentJudgement[] = state?.judged ?? [];
  /** The pain limit every sentence of the plan states: the clinic's loadResponseMaxPain. */
  const painLimit = read?.snapshot.settings.loadResponseMaxPain ?? DEFAULT_RULE_SETTINGS.loadResponseMaxPain;
  return { plan, programs, judged, painLimit };
}

export type CurrentPlan = Awaited<ReturnType<typeof getCurrentPlan>>;
export type ActiveProgram = CurrentPlan["programs"][number];
