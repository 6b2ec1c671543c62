import { RULE_CODES } from "../../clinical/rules/case";
import type { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
import { patientWhere } from "../patients/scope";
import type { FlagQuery } from "./flag-query";

export const FLAG_PAGE_SIZE = 25;

/** The flags a queue's view holds: the clinic's rule flags, of the clinician's own patients unless they chose the clinic. */
function queueWhere(actor: Actor, query: Pick<FlagQuery, "code" | "status" | "severity" | "clinician" | "scope">) {
  const clinician = actor.role === "CLINICIAN" && query.scope === "mine" ? actor.userId : query.clinician;
  return {
    clinicId: actor.clinicId,
    code: query.code ?? { in: [...RULE_CODES] },
    status: query.status === "ACTIVE" ? { in: ["OPEN", "ACKNOWLEDGED"] } : query.status,
    ...(query.severity ? { severity: query.severity } : {}),
    episode: {
      patient: {
        ...patientWhere(actor),
        archivedAt: null,
        ...(clinician ? { clinicianId: clinician } : {}),
      },
    },
  } satisfies Prisma.FlagWhereInput;
}

/**
 * The open flag to see after this one, in the queue's default view (the clinician's own
 * patients, most severe first, then the longest open), or null when none is left.
 */
export async function nextOpenFlag(db: Db, actor: Actor, afterFlagId: string): Promise<string | null> {
  assertCan(actor, "clinic-patients");
  const current = await db.flag.findFirst({
    where: { id: requireId(afterFlagId), clinicId: actor.clinicId, episode: { patient: patientWhere(actor) } },
    select: { id: true },
  });
  if (!current) throw new AppError("NOT_FOUND");
  const next = await db.flag.findFirst({
    where: { ...queueWhere(actor, { status: "OPEN", scope: "mine" }), id: { not: current.id } },
    orderBy: [{ severity: "asc" }, { openedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return next?.id ?? null;
}

/** The clinic's rule flags: most severe first (the enum's order), then newest. Audited. */
export async function listFlags(db: Db, actor: Actor, query: FlagQuery) {
  assertCan(actor, "clinic-patients");
  const where = queueWhere(actor, query);
  const total = await db.flag.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / FLAG_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const flags = await db.flag.findMany({
    where,
    orderBy: [{ severity: "asc" }, { openedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * FLAG_PAGE_SIZE,
    take: FLAG_PAGE_SIZE,
    select: {
      id: true,
      code: true,
      severity: true,
      status: true,
      openedAt: true,
      episode: {
        select: {
          patient: { select: { id: true, name: true, comorbidities: true, clinician: { select: { name: true } } } },
        },
      },
    },
  });
  await recordAuditEvent(db, actor, { action: "READ", entity: "FlagQueue", entityId: actor.clinicId });
  return { flags, total, page, pageCount };
}

/** One flag with its history, or NOT_FOUND. Audited. */
export async function getFlag(db: Db, actor: Actor, flagId: string) {
  assertCan(actor, "clinic-patients");
  const flag = await db.flag.findFirst({
    where: { id: requireId(flagId), clinicId: actor.clinicId, episode: { patient: patientWhere(actor) } },
    include: {
      events: { orderBy: { at: "asc" } },
      // The patient's phone and GP: a clinician handling a red flag calls the patient or the doctor from the flag.
      episode: {
        select: {
          patient: {
            select: {
              id: true,
              name: true,
              comorbidities: true,
              shoeAgeKm: true,
              email: true,
              phone: true,
              gpName: true,
              gpPractice: true,
              gpLocationNumber: true,
              gpAddress: true,
            },
          },
        },
      },
    },
  });
  if (!flag) throw new AppError("NOT_FOUND");
  const actors = await db.user.findMany({
    where: { id: { in: flag.events.flatMap((e) => (e.actorId ? [e.actorId] : [])) } },
    select: { id: true, name: true },
  });
  await recordAuditEvent(db, actor, { action: "READ", entity: "Flag", entityId: flag.id });
  return { ...flag, actorNames: new Map(actors.map((a) => [a.id, a.name])) };
}

/** The open and acknowledged rule flags of an episode, for the patient page. */
export async function listEpisodeFlags(db: Db, actor: Actor, episodeId: string) {
  assertCan(actor, "clinic-patients");
  return db.flag.findMany({
    where: {
      episodeId: requireId(episodeId),
      clinicId: actor.clinicId,
      status: { not: "RESOLVED" },
      code: { in: [...RULE_CODES] },
      episode: { patient: patientWhere(actor) },
    },
    orderBy: [{ severity: "asc" }, { openedAt: "desc" }],
    select: { id: true, code: true, severity: true, status: true, evidence: true },
  });
}
