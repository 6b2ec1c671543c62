// Writing the clinical records of an episode (assessments, outcomes, interventions): create,
// correct and soft-delete. A correction or deletion keeps the earlier version as a
// RecordRevision; every write is audited and refreshes the episode summary in the same
// transaction. Each kind brings only its zod schema (see lib/server/records/kinds, lib/server/records/kinds,
// lib/server/records/kinds).
import type { z } from "zod";

import { textLimit } from "../../clinical/field-limits";
import type { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { idempotencyKeyOf, writeOnce } from "../../platform/db/idempotency";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
import { type FieldErrors, fieldErrorsOf, zRequiredText } from "../../present/forms/form-input";
import { withEpisodeWrite } from "../episodes/with-episode-write";
import { patientWhere } from "../patients/scope";
import { keepRevision } from "./keep-revision";
import { syncVisitPain } from "./kinds/visit-pain";

export type RecordKind = "Assessment" | "OutcomeMeasurement" | "Intervention";
export type EpisodeBounds = { treatmentStart: Date };
/** `planWentOnHold`: the write put the patient's plan on hold (a red flag), so the clinician is told it was. */
export type SaveRecordResult =
  { status: "saved"; id: string; planWentOnHold: boolean } | { status: "invalid"; fieldErrors: FieldErrors };

type Row = { id: string; episodeId: string } & Record<string, unknown>;
type VisitFields = { date: Date; firstStepPain: number | null };

/** A measurement that is a visit's first-step pain changes only with its visit. */
const isVisitPain = (row: Row) => typeof row.assessmentId === "string";
/** The part of a Prisma delegate used here; the three record kinds share it. */
type RecordDelegate = {
  findFirst(args: { where: object }): Promise<Row | null>;
  create(args: { data: object }): Promise<Row>;
  update(args: { where: { id: string }; data: object }): Promise<Row>;
};

function delegate(tx: Prisma.TransactionClient, kind: RecordKind): RecordDelegate {
  const delegates = {
    Assessment: tx.assessment,
    OutcomeMeasurement: tx.outcomeMeasurement,
    Intervention: tx.intervention,
  };
  return delegates[kind] as unknown as RecordDelegate;
}

/** An episode of a patient the actor may change (not archived), or NOT_FOUND. */
export async function findEpisode(db: Db, actor: Actor, episodeId: string) {
  const episode = await db.episode.findFirst({
    where: {
      id: requireId(episodeId),
      clinicId: actor.clinicId,
      patient: { ...patientWhere(actor), archivedAt: null },
    },
    select: { id: true, treatmentStart: true, planStatus: true },
  });
  if (!episode) throw new AppError("NOT_FOUND");
  return episode;
}

async function findRecord(db: Db, actor: Actor, kind: RecordKind, recordId: string) {
  const record = await delegate(db, kind).findFirst({
    where: {
      id: requireId(recordId),
      clinicId: actor.clinicId,
      deletedAt: null,
      episode: { patient: { ...patientWhere(actor), archivedAt: null } },
    },
  });
  if (!record) throw new AppError("NOT_FOUND");
  return record;
}

/**
 * Creates a record (recordId null) or corrects one, keeping the version it replaces.
 * `schema` is built for the episode, so dates can be checked against its start.
 */
export async function saveClinicalRecord<T extends object>(
  db: Db,
  actor: Actor,
  options: {
    kind: RecordKind;
    episodeId: string;
    recordId: string | null;
    schema: (episode: EpisodeBounds) => z.ZodType<T>;
    raw: unknown;
    /** Columns set on creation only (e.g. who recorded an outcome). */
    createData?: object;
  },
): Promise<SaveRecordResult> {
  assertCan(actor, "clinic-patients");
  const { kind, recordId } = options;
  const existing = recordId ? await findRecord(db, actor, kind, recordId) : null;
  if (existing && isVisitPain(existing)) return { status: "invalid", fieldErrors: { form: "linkedToVisit" } };
  const episode = await findEpisode(db, actor, existing?.episodeId ?? options.episodeId);
  const parsed = options.schema(episode).safeParse(options.raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };

  // Save pressed again after a lost answer: the first submit's row, not a second one.
  const key = idempotencyKeyOf(options.raw);
  const saved = await withEpisodeWrite(db, episode.id, (tx) =>
    writeOnce(tx, actor, key, kind, async () => {
      const records = delegate(tx, kind);
      if (existing) {
        await keepRevision(tx, actor, kind, existing, "UPDATE", null);
        const row = await records.update({ where: { id: existing.id }, data: parsed.data });
        await recordAuditEvent(tx, actor, { action: "UPDATE", entity: kind, entityId: row.id });
        if (kind === "Assessment") await syncVisitPain(tx, actor, row as Row & VisitFields);
        return row.id;
      }
      const row = await records.create({
        data: {
          ...parsed.data,
          ...options.createData,
          clinicId: actor.clinicId,
          episodeId: episode.id,
          recordedById: actor.userId,
        },
      });
      await recordAuditEvent(tx, actor, { action: "CREATE", entity: kind, entityId: row.id });
      if (kind === "Assessment") await syncVisitPain(tx, actor, row as Row & VisitFields);
      return row.id;
    }),
  );
  return savedResult(db, episode, saved.id);
}

/** A saved write's answer: whether it put the plan on hold is read after the write's derivation. */
export async function savedResult(
  db: Db,
  episode: { id: string; planStatus: string | null },
  id: string,
): Promise<SaveRecordResult> {
  const after = await db.episode.findUniqueOrThrow({ where: { id: episode.id }, select: { planStatus: true } });
  return { status: "saved", id, planWentOnHold: episode.planStatus !== "ON_HOLD" && after.planStatus === "ON_HOLD" };
}

export const DELETE_FIELDS = { reason: textLimit(500) };
const zReason = zRequiredText(DELETE_FIELDS.reason);

/** Soft-deletes a record with a reason; the record and its history stay. */
export async function deleteClinicalRecord(
  db: Db,
  actor: Actor,
  kind: RecordKind,
  recordId: string,
  reason: unknown,
): Promise<{ status: "deleted" } | { status: "invalid"; fieldErrors: FieldErrors }> {
  assertCan(actor, "clinic-patients");
  const existing = await findRecord(db, actor, kind, recordId);
  if (isVisitPain(existing)) return { status: "invalid", fieldErrors: { form: "linkedToVisit" } };
  const parsed = zReason.safeParse(reason);
  if (!parsed.success)
    return { status: "invalid", fieldErrors: { reason: fieldErrorsOf(parsed.error).form ?? "required" } };
  await withEpisodeWrite(db, existing.episodeId, async (tx) => {
    await keepRevision(tx, actor, kind, existing, "DELETE", parsed.data);
    await delegate(tx, kind).update({
      where: { id: existing.id },
      data: { deletedAt: new Date(), deleteReason: parsed.data },
    });
    await recordAuditEvent(tx, actor, { action: "DELETE", entity: kind, entityId: existing.id });
    if (kind === "Assessment") await syncVisitPain(tx, actor, existing as Row & VisitFields, parsed.data);
  });
  return { status: "deleted" };
}

/** The earlier versions of a record, newest first, with who replaced each. Audited as a read. */
export async function listRevisions(db: Db, actor: Actor, kind: RecordKind, recordId: string) {
  assertCan(actor, "clinic-patients");
  const record = await delegate(db, kind).findFirst({
    where: { id: requireId(recordId), clinicId: actor.clinicId, episode: { patient: patientWhere(actor) } },
  });
  if (!record) throw new AppError("NOT_FOUND");
  const revisions = await db.recordRevision.findMany({
    where: { clinicId: actor.clinicId, entity: kind, entityId: recordId },
    orderBy: { changedAt: "desc" },
  });
  const users = await db.user.findMany({
    where: { id: { in: revisions.map((r) => r.changedById) } },
    select: { id: true, name: true },
  });
  await recordAuditEvent(db, actor, { action: "READ", entity: kind, entityId: recordId });
  return revisions.map((revision) => ({
    ...revision,
    changedByName: users.find((u) => u.id === revision.changedById)?.name ?? "",
  }));
}

/** One live record the actor may see, for correcting it. Audited as a read. */
export async function getClinicalRecord(db: Db, actor: Actor, kind: RecordKind, recordId: string) {
  assertCan(actor, "clinic-patients");
  const record = await findRecord(db, actor, kind, recordId);
  await recordAuditEvent(db, actor, { action: "READ", entity: kind, entityId: record.id });
  return record;
}
