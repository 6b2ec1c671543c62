// A first-step pain recorded at a visit is also that visit's NRS_FIRST_STEP measurement
// (SPEC §3): on the chart, counted as baseline, corrected and deleted with the visit. The
// measurement is linked to the visit (OutcomeMeasurement.assessmentId) and kept equal to it
// here, inside the visit's own write.
import type { Prisma } from "../../../generated/prisma/client";
import { recordAuditEvent } from "../../../platform/audit/record-audit-event";
import type { Actor } from "../../../platform/auth/actor";
import { keepRevision } from "../keep-revision";

type Visit = { id: string; episodeId: string; date: Date; firstStepPain: number | null };

/** Creates, updates or soft-deletes the visit's measurement so it matches the visit. */
export async function syncVisitPain(
  tx: Prisma.TransactionClient,
  actor: Actor,
  visit: Visit,
  deleteReason: string | null = null,
) {
  const linked = await tx.outcomeMeasurement.findUnique({ where: { assessmentId: visit.id } });
  const wanted = deleteReason === null ? visit.firstStepPain : null;
  if (wanted === null) {
    if (!linked || linked.deletedAt) return;
    await keepRevision(tx, actor, "OutcomeMeasurement", linked, "DELETE", deleteReason);
    await tx.outcomeMeasurement.update({ where: { id: linked.id }, data: { deletedAt: new Date(), deleteReason } });
    await recordAuditEvent(tx, actor, { action: "DELETE", entity: "OutcomeMeasurement", entityId: linked.id });
    return;
  }
  if (!linked) {
    const created = await tx.outcomeMeasurement.create({
      data: {
        clinicId: actor.clinicId,
        episodeId: visit.episodeId,
        recordedById: actor.userId,
        recordedBy: "CLINICIAN",
        date: visit.date,
        instrument: "NRS_FIRST_STEP",
        value: wanted,
        assessmentId: visit.id,
      },
    });
    await recordAuditEvent(tx, actor, { action: "CREATE", entity: "OutcomeMeasurement", entityId: created.id });
    return;
  }
  if (!linked.deletedAt && Number(linked.value) === wanted && linked.date.getTime() === visit.date.getTime()) return;
  await keepRevision(tx, actor, "OutcomeMeasurement", linked, "UPDATE", null);
  await tx.outcomeMeasurement.update({
    where: { id: linked.id },
    data: { date: visit.date, value: wanted, deletedAt: null, deleteReason: null },
  });
  await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "OutcomeMeasurement", entityId: linked.id });
}
