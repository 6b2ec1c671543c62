// Holds on a patient's record (SPEC §9): while a complaint, supervision or compensation case
// is open, the record outlives its retention period. An admin places and releases them.
import { z } from "zod";

import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
import { type FieldErrors, fieldErrorsOf } from "../../present/forms/form-input";
import { patientWhere } from "../patients/scope";

export const HOLD_KINDS = ["COMPLAINT", "SUPERVISION", "COMPENSATION"] as const;
const ZHoldInput = z.object({
  kind: z.enum(HOLD_KINDS, {
    error: (issue) => (issue.input === undefined || issue.input === "" ? "required" : "invalidChoice"),
  }),
});

export type PlaceHoldResult =
  { status: "placed"; holdId: string } | { status: "invalid"; fieldErrors: FieldErrors<"kind"> };

export async function placeHold(
  db: Db,
  actor: Actor,
  patientId: string,
  raw: Record<string, unknown>,
): Promise<PlaceHoldResult> {
  assertCan(actor, "clinic-admin");
  const patient = await db.patient.findFirst({
    where: { id: requireId(patientId), ...patientWhere(actor) },
    select: { id: true },
  });
  if (!patient) throw new AppError("NOT_FOUND");
  const parsed = ZHoldInput.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  return db.$transaction(async (tx) => {
    const hold = await tx.recordHold.create({
      data: { clinicId: actor.clinicId, patientId: patient.id, kind: parsed.data.kind, placedById: actor.userId },
    });
    await recordAuditEvent(tx, actor, { action: "CREATE", entity: "RecordHold", entityId: hold.id });
    return { status: "placed", holdId: hold.id };
  });
}

/** Releases an open hold when its case is closed; CONFLICT if it was released meanwhile. */
export async function releaseHold(db: Db, actor: Actor, holdId: string, now = new Date()): Promise<void> {
  assertCan(actor, "clinic-admin");
  await db.$transaction(async (tx) => {
    const hold = await tx.recordHold.findFirst({
      where: { id: requireId(holdId), clinicId: actor.clinicId },
      select: { id: true, releasedAt: true },
    });
    if (!hold) throw new AppError("NOT_FOUND");
    const { count } = await tx.recordHold.updateMany({
      where: { id: hold.id, releasedAt: null },
      data: { releasedAt: now, releasedById: actor.userId },
    });
    if (count === 0) throw new AppError("CONFLICT");
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "RecordHold", entityId: hold.id });
  });
}
