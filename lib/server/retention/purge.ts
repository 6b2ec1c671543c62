// npm run retention:purge (SPEC §9): erases the records past their retention period, except
// those on hold, and leaves an anonymous ErasedRecord for each. The patient's rows go; the
// audit rows that named the patient stay, their ids replaced by the ErasedRecord's
// (pseudonymised: the log still shows what was done, no longer to whom). Each record is erased
// in its own transaction that checks again, under a lock, that it may go. Decision record 016.
import type { Prisma } from "../../generated/prisma/client";
import { today } from "../../platform/dates";
import type { Db } from "../../platform/db/client";
import { lastEntries, type LastEntry } from "./last-entry";
import { pastRetention } from "./retention-period";

export type PurgeReport = {
  /** Per clinic: records past retention, of them held, erased (0 on a dry run), and not erased this time because something failed. */
  clinics: { clinicId: string; clinicName: string; due: number; held: number; erased: number; failed: number }[];
};

export async function purgeExpiredRecords(
  db: Db,
  { execute, now = new Date() }: { execute: boolean; now?: Date },
): Promise<PurgeReport> {
  const clinics = await db.clinic.findMany({
    select: { id: true, name: true, timeZone: true },
    orderBy: { createdAt: "asc" },
  });
  const zone = new Map(clinics.map((clinic) => [clinic.id, clinic.timeZone]));
  const due = (await lastEntries(db)).filter((entry) => {
    const timeZone = zone.get(entry.clinicId)!;
    return pastRetention(entry.lastEntryAt, today(timeZone, now), timeZone);
  });
  const held = new Set(
    (
      await db.recordHold.findMany({
        where: { releasedAt: null, patientId: { in: due.map((entry) => entry.patientId) } },
        select: { patientId: true },
      })
    ).map((hold) => hold.patientId),
  );
  const erased = new Map<string, number>();
  const failed = new Map<string, number>();
  const count = (map: Map<string, number>, clinicId: string) => map.set(clinicId, (map.get(clinicId) ?? 0) + 1);
  if (execute) {
    for (const entry of due.filter((e) => !held.has(e.patientId))) {
      // A record that cannot be erased now (a write raced the purge) is left whole for the next run.
      const done = await eraseRecord(db, entry, zone.get(entry.clinicId)!, now).catch(() => null);
      if (done === null) count(failed, entry.clinicId);
      else if (done) count(erased, entry.clinicId);
    }
  }
  return {
    clinics: clinics
      .map((clinic) => {
        const mine = due.filter((entry) => entry.clinicId === clinic.id);
        return {
          clinicId: clinic.id,
          clinicName: clinic.name,
          due: mine.length,
          held: mine.filter((entry) => held.has(entry.patientId)).length,
          erased: erased.get(clinic.id) ?? 0,
          failed: failed.get(clinic.id) ?? 0,
        };
      })
      .filter((clinic) => clinic.due > 0),
  };
}

/** Erases one record if, under its lock, it is still past retention and not held; whether it did. */
async function eraseRecord(db: Db, candidate: LastEntry, timeZone: string, now: Date): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const patientId = candidate.patientId;
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "Patient" WHERE id = ${patientId}::uuid FOR UPDATE`;
      if (locked.length === 0) return false;
      const [entry] = await lastEntries(tx, [patientId]);
      if (!entry || !pastRetention(entry.lastEntryAt, today(timeZone, now), timeZone)) return false;
      if ((await tx.recordHold.count({ where: { patientId, releasedAt: null } })) > 0) return false;

      const patient = await tx.patient.findUniqueOrThrow({
        where: { id: patientId },
        select: { clinicId: true, email: true, portalUser: { select: { id: true, email: true } } },
      });
      const ids = await recordIds(tx, patientId);
      const portalUserId = patient.portalUser?.id ?? null;
      const requested = (await tx.erasureRequest.count({ where: { patientId } })) > 0;
      const tombstone = await tx.erasedRecord.create({
        data: { clinicId: patient.clinicId, lastEntryAt: entry.lastEntryAt, erasedAt: now, requested },
      });
      await tx.erasureRequest.updateMany({
        where: { patientId },
        data: { outcome: "ERASED", erasedAt: now, erasedRecordId: tombstone.id },
      });

      // The audit log keeps every event, naming the tombstone instead of the patient.
      const named = [patientId, ...ids.all, ...(portalUserId ? [portalUserId] : [])];
      await tx.auditEvent.updateMany({ where: { entityId: { in: named } }, data: { entityId: tombstone.id } });
      if (portalUserId)
        await tx.auditEvent.updateMany({ where: { actorId: portalUserId }, data: { actorId: tombstone.id } });

      await tx.patient.update({ where: { id: patientId }, data: { currentEpisodeId: null } });
      await tx.flagEvent.deleteMany({ where: { flagId: { in: ids.flags } } });
      await tx.flag.deleteMany({ where: { id: { in: ids.flags } } });
      await tx.sessionLog.deleteMany({ where: { episodeId: { in: ids.episodes } } });
      await tx.programOverride.deleteMany({ where: { assignmentId: { in: ids.assignments } } });
      await tx.programAssignment.deleteMany({ where: { id: { in: ids.assignments } } });
      await tx.outcomeMeasurement.deleteMany({ where: { episodeId: { in: ids.episodes } } });
      await tx.assessment.deleteMany({ where: { episodeId: { in: ids.episodes } } });
      await tx.intervention.deleteMany({ where: { episodeId: { in: ids.episodes } } });
      await tx.episodeReportFacts.deleteMany({ where: { episodeId: { in: ids.episodes } } });
      await tx.dischargeLetter.deleteMany({ where: { episodeId: { in: ids.episodes } } });
      await tx.referral.deleteMany({ where: { episodeId: { in: ids.episodes } } });
      await tx.episode.deleteMany({ where: { id: { in: ids.episodes } } });
      await tx.recordRevision.deleteMany({ where: { entityId: { in: ids.all } } });
      await tx.idempotencyKey.deleteMany({
        where: { OR: [{ entityId: { in: named } }, ...(portalUserId ? [{ userId: portalUserId }] : [])] },
      });
      // Every address the patient was written to: their own, their portal account's and any an invitation went to.
      const invited = await tx.invite.findMany({ where: { patientId, email: { not: null } }, select: { email: true } });
      const addresses = [patient.email, patient.portalUser?.email, ...invited.map((invite) => invite.email)].filter(
        (address): address is string => Boolean(address),
      );
      await tx.emailMessage.deleteMany({
        where: {
          clinicId: patient.clinicId,
          OR: addresses.map((address) => ({ to: { equals: address, mode: "insensitive" as const } })),
        },
      });
      await tx.invite.deleteMany({
        where: { OR: [{ patientId }, ...(portalUserId ? [{ userId: portalUserId }] : [])] },
      });
      // Holds (all released) go with the patient; erasure requests stay, pointing at the tombstone.
      await tx.patient.delete({ where: { id: patientId } });
      if (portalUserId) await tx.user.delete({ where: { id: portalUserId } });
      await tx.auditEvent.create({
        data: {
          clinicId: patient.clinicId,
          actorId: null,
          action: "DELETE",
          entity: "ErasedRecord",
          entityId: tombstone.id,
        },
      });
      return true;
    },
    { timeout: 60_000 },
  );
}

/** The ids of every row of the patient's record, by kind. */
async function recordIds(tx: Prisma.TransactionClient, patientId: string) {
  const episodes = (await tx.episode.findMany({ where: { patientId }, select: { id: true } })).map((row) => row.id);
  const inEpisodes = { where: { episodeId: { in: episodes } }, select: { id: true } };
  const [assignments, flags, assessments, outcomes, interventions, sessions, referrals, letters] = await Promise.all([
    tx.programAssignment.findMany(inEpisodes),
    tx.flag.findMany(inEpisodes),
    tx.assessment.findMany(inEpisodes),
    tx.outcomeMeasurement.findMany(inEpisodes),
    tx.intervention.findMany(inEpisodes),
    tx.sessionLog.findMany(inEpisodes),
    tx.referral.findMany(inEpisodes),
    tx.dischargeLetter.findMany(inEpisodes),
  ]);
  const overrides = await tx.programOverride.findMany({
    where: { assignmentId: { in: assignments.map((row) => row.id) } },
    select: { id: true },
  });
  const id = (rows: { id: string }[]) => rows.map((row) => row.id);
  return {
    episodes,
    assignments: id(assignments),
    flags: id(flags),
    all: [
      ...episodes,
      ...[assignments, flags, assessments, outcomes, interventions, sessions, referrals, overrides, letters].flatMap(
        id,
      ),
    ],
  };
}
