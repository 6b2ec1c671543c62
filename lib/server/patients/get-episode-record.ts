import { clinicRuleSettings } from "../../clinical/rules/settings";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
import { patientWhere } from "./scope";

/**
 * Everything recorded in one episode, for the patient page: live rows only, the patient's
 * logged sessions (for the diary's weekly summary) and the clinic's rule settings (so the page
 * judges progress as the rules do). Audited.
 */
export async function getEpisodeRecord(db: Db, actor: Actor, episodeId: string) {
  assertCan(actor, "clinic-patients");
  const episode = await db.episode.findFirst({
    where: { id: requireId(episodeId), clinicId: actor.clinicId, patient: patientWhere(actor) },
    include: {
      assessments: { where: { deletedAt: null }, orderBy: { date: "desc" } },
      outcomes: { where: { deletedAt: null }, orderBy: { date: "asc" } },
      interventions: { where: { deletedAt: null }, orderBy: { date: "desc" } },
      assignments: {
        orderBy: { startDate: "asc" },
        select: { kind: true, startDate: true, endedAt: true, status: true, content: true },
      },
      sessionLogs: { orderBy: { date: "asc" }, select: { date: true, completed: true } },
      clinic: { select: { ruleSettings: true } },
    },
  });
  if (!episode) throw new AppError("NOT_FOUND");
  const recordIds = [...episode.assessments, ...episode.outcomes, ...episode.interventions].map((row) => row.id);
  const revised = await db.recordRevision.groupBy({
    by: ["entityId"],
    where: { clinicId: actor.clinicId, entityId: { in: recordIds } },
    _count: true,
  });
  await recordAuditEvent(db, actor, { action: "READ", entity: "Episode", entityId: episode.id });
  const { clinic, ...rest } = episode;
  return {
    ...rest,
    ruleSettings: clinicRuleSettings(clinic.ruleSettings),
    revisedIds: new Set(revised.map((row) => row.entityId)),
  };
}
