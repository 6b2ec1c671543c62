import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { requireId } from "../db/require-id";
import { isoDate } from "../dates";
import { patientWhere } from "../patients/scope";
import { clinicRuleSettings } from "../rules/settings";
import { prescriptionFor } from "./progression";
import { OVERRIDE_ORDER, progressionInput } from "./progression-input";
import { LOGGED_SESSION_SELECT, loggedSession } from "./logged-session";
import { templateName } from "./template-name";

/**
 * The episode's active programs, each with the prescription for `on` from the progression
 * engine, its overrides and who made them. Clinicians see their clinic's episodes, a patient
 * only their own (patientWhere); anything else is an empty list. Audited.
 */
export async function listActivePrograms(db: Db, actor: Actor, episodeId: string, on: Date) {
  const assignments = await db.programAssignment.findMany({
    where: { episodeId: requireId(episodeId), clinicId: actor.clinicId, status: "ACTIVE", episode: { patient: patientWhere(actor) } },
    include: {
      template: { select: { nameDa: true, nameEn: true, version: true } },
      overrides: { orderBy: OVERRIDE_ORDER, include: { createdBy: { select: { name: true } } } },
    },
    orderBy: [{ kind: "asc" }, { startDate: "asc" }],
  });
  if (assignments.length === 0) return [];
  const [sessions, morningPain, clinic] = await Promise.all([
    db.sessionLog.findMany({
      where: { assignmentId: { in: assignments.map((a) => a.id) } },
      select: LOGGED_SESSION_SELECT,
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    }),
    db.outcomeMeasurement.findMany({ where: { episodeId, instrument: "NRS_FIRST_STEP", deletedAt: null }, select: { date: true, value: true } }),
    db.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { ruleSettings: true } }),
  ]);
  const { morningRise } = clinicRuleSettings(clinic.ruleSettings);
  for (const assignment of assignments) {
    await recordAuditEvent(db, actor, { action: "READ", entity: "ProgramAssignment", entityId: assignment.id });
  }
  return assignments.map((assignment) => {
    const own = sessions.filter((s) => s.assignmentId === assignment.id);
    const input = progressionInput(assignment, own, morningPain, assignment.overrides, morningRise);
    const prescription = prescriptionFor(input, isoDate(on));
    return {
      id: assignment.id,
      kind: assignment.kind,
      templateName: templateName(assignment.template, actor.locale),
      templateVersion: assignment.template.version,
      startDate: assignment.startDate,
      maintenanceSince: assignment.maintenanceSince,
      sessionsPerWeek: assignment.sessionsPerWeek,
      startingLoadKg: Number(assignment.startingLoadKg),
      content: input.content,
      overrides: assignment.overrides.map((o) => ({
        id: o.id, date: isoDate(o.date), phase: o.phase ?? undefined, loadKg: o.loadKg === null ? undefined : Number(o.loadKg), reason: o.reason, by: o.createdBy.name,
      })),
      /** Logged sessions, newest first. */
      sessions: own.map(loggedSession),
      prescription,
    };
  });
}

export type ActiveProgram = Awaited<ReturnType<typeof listActivePrograms>>[number];
