import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import type { Db } from "../db/client";
import { patientWhere } from "../patients/scope";
import { ZProgramContent } from "./default-templates";
import { prescriptionFor } from "./progression";

const ymd = (date: Date) => date.toISOString().slice(0, 10);

/** Today's prescription of the episode's active HSR program, or null if there is none. Audited. */
export async function getCurrentPrescription(db: Db, actor: Actor, episodeId: string, on: Date) {
  assertCan(actor, "clinic-patients");
  const assignment = await db.programAssignment.findFirst({
    where: { episodeId, clinicId: actor.clinicId, kind: "HSR", status: "ACTIVE", episode: { patient: patientWhere(actor) } },
    orderBy: { startDate: "desc" },
  });
  const content = assignment && ZProgramContent.safeParse(assignment.content);
  if (!assignment || !content?.success) return null;
  const [sessions, morningPain] = await Promise.all([
    db.sessionLog.findMany({ where: { assignmentId: assignment.id }, select: { date: true, completed: true, painDuring: true, loadKg: true } }),
    db.outcomeMeasurement.findMany({ where: { episodeId, instrument: "NRS_FIRST_STEP", deletedAt: null }, select: { date: true, value: true } }),
  ]);
  await recordAuditEvent(db, actor, { action: "READ", entity: "ProgramAssignment", entityId: assignment.id });
  return prescriptionFor(
    {
      startDate: ymd(assignment.startDate),
      sessionsPerWeek: assignment.sessionsPerWeek,
      startingLoadKg: Number(assignment.startingLoadKg),
      content: content.data,
      sessions: sessions.map((s) => ({ date: ymd(s.date), completed: s.completed, painDuring: s.painDuring, loadKg: s.loadKg === null ? null : Number(s.loadKg) })),
      morningPain: morningPain.map((p) => ({ date: ymd(p.date), value: Number(p.value) })),
      overrides: [],
    },
    ymd(on),
  );
}
