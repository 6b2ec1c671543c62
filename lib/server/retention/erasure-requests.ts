// Requests to be erased (SPEC §9). Inside the retention period (always, for a record with a
// recent entry) a request is answered at once: the record is kept until the period ends, but
// processing stops (no more writes, no rule evaluation, no e-mail but the receipt), the portal
// account is closed and its sessions end, and the patient is told why, on the page and by
// e-mail where there is an address. npm run retention:purge erases the record later.
import type { ErasureChannel } from "../../generated/prisma/enums";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
import { formatDate } from "../../present/i18n/format";
import { CLINIC_CONTACT_SELECT } from "../clinics/clinic-profile";
import { queueEmail } from "../email/outbox";
import { patientWhere } from "../patients/scope";
import { lastEntries } from "./last-entry";
import { retainUntil } from "./retention-period";

/** What the patient is told: when the request was recorded, until when the record is kept, and whether a receipt was e-mailed. */
export type ErasureReceipt = { requestedAt: Date; retainUntil: Date; emailed: boolean };

/** A patient's own request, from the portal. Their session ends with it. */
export async function requestOwnErasure(db: Db, actor: Actor, now = new Date()): Promise<ErasureReceipt> {
  assertCan(actor, "own-record");
  const patient = await db.patient.findFirst({ where: patientWhere(actor), select: { id: true } });
  if (!patient) throw new AppError("NOT_FOUND");
  return stopProcessing(db, actor, patient.id, "PORTAL", now);
}

/** A request the patient made to the clinic (at the desk, by letter), recorded by staff. */
export async function recordErasureRequest(
  db: Db,
  actor: Actor,
  patientId: string,
  now = new Date(),
): Promise<ErasureReceipt> {
  assertCan(actor, "clinic-patients");
  const patient = await db.patient.findFirst({
    where: { id: requireId(patientId), ...patientWhere(actor) },
    select: { id: true },
  });
  if (!patient) throw new AppError("NOT_FOUND");
  return stopProcessing(db, actor, patient.id, "CLINIC", now);
}

async function stopProcessing(
  db: Db,
  actor: Actor,
  patientId: string,
  channel: ErasureChannel,
  now: Date,
): Promise<ErasureReceipt> {
  return db.$transaction(async (tx) => {
    // Under the locks of the patient and its episodes (the lock every clinical write takes,
    // lib/server/episodes/with-episode-write.ts): a write in progress finishes first and counts in the
    // last entry; a write that comes after sees the stop.
    await tx.$executeRaw`SELECT 1 FROM "Patient" WHERE id = ${patientId}::uuid FOR UPDATE`;
    await tx.$executeRaw`SELECT 1 FROM "Episode" WHERE "patientId" = ${patientId}::uuid FOR UPDATE`;
    const patient = await tx.patient.findUniqueOrThrow({
      where: { id: patientId },
      select: {
        name: true,
        email: true,
        processingStoppedAt: true,
        clinic: { select: { ...CLINIC_CONTACT_SELECT, timeZone: true } },
        portalUser: { select: { id: true, email: true, locale: true } },
      },
    });
    const [entry] = await lastEntries(tx, [patientId]);
    const keptUntil = retainUntil(entry!.lastEntryAt, patient.clinic.timeZone);
    const request = await tx.erasureRequest.create({
      data: {
        clinicId: actor.clinicId,
        patientId,
        channel,
        recordedById: channel === "CLINIC" ? actor.userId : null,
        requestedAt: now,
        outcome: "RESTRICTED",
        retainUntil: keptUntil,
      },
    });
    if (!patient.processingStoppedAt)
      await tx.patient.update({ where: { id: patientId }, data: { processingStoppedAt: now } });
    await tx.invite.updateMany({ where: { patientId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    if (patient.portalUser) {
      await tx.user.update({ where: { id: patient.portalUser.id }, data: { active: false } });
      await tx.userSession.deleteMany({ where: { userId: patient.portalUser.id } });
    }
    const to = patient.portalUser?.email ?? patient.email;
    if (to) {
      const locale = patient.portalUser?.locale ?? "da";
      await queueEmail(tx, {
        clinicId: actor.clinicId,
        kind: "ERASURE_RECEIPT",
        to,
        locale,
        recipientName: patient.name,
        clinic: patient.clinic,
        keptUntil: formatDate(keptUntil, locale),
      });
    }
    await recordAuditEvent(tx, actor, { action: "CREATE", entity: "ErasureRequest", entityId: request.id });
    return { requestedAt: now, retainUntil: keptUntil, emailed: Boolean(to) };
  });
}
