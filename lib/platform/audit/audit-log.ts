// The audit log as admins read it (SPEC §7 Admin): filtered by patient, user, action and
// date, newest first, paged, and exported as CSV. Reading it is itself an audit event.
import { z } from "zod";

import type { Prisma } from "../../generated/prisma/client";
import { AuditAction, type Role } from "../../generated/prisma/enums";
import { parseDateText } from "../../present/forms/date-text";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { addDays } from "../dates";
import type { Db } from "../db/client";
import { searchOf } from "../entry-points/search";
import { recordAuditEvent, type TSettingChanges, ZSettingChanges } from "./record-audit-event";

export const AUDIT_PAGE_SIZE = 50;
/** An export holds at most this many events; narrow the filter for more. */
export const AUDIT_EXPORT_LIMIT = 100_000;

/** A day as the filter's date field takes it (dd-mm-yyyy or yyyy-mm-dd), held as yyyy-mm-dd. */
const ZDay = z
  .string()
  .transform((value) => parseDateText(value))
  .pipe(z.string());

export const ZAuditQuery = z.object({
  patient: z.uuid().optional().catch(undefined),
  /** Part of a patient's name, to find the patient to filter by (a patient asks who has read their record). */
  patientName: z
    .string()
    .trim()
    .max(100)
    .transform((value) => value || undefined)
    .optional()
    .catch(undefined),
  user: z.uuid().optional().catch(undefined),
  action: z.enum(AuditAction).optional().catch(undefined),
  from: ZDay.optional().catch(undefined),
  to: ZDay.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditQuery = z.output<typeof ZAuditQuery>;
export const ZAuditSearch = searchOf(ZAuditQuery);

/** The search string of a view of the log, without what is unset. */
export function auditSearch(query: AuditQuery, change: Partial<AuditQuery> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...change }))
    if (value !== undefined && !(key === "page" && value === 1)) params.set(key, String(value));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/**
 * The ids of every record that belongs to a patient: the patient, their episodes and the
 * episodes' records, programs, program changes, flags, logs and invitations. Audit events
 * name a record by entity and id; this finds a patient's among them.
 */
async function recordIdsOfPatient(db: Db, clinicId: string, patientId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH episodes AS (SELECT e.id FROM "Episode" e JOIN "Patient" p ON p.id = e."patientId" WHERE p.id = ${patientId}::uuid AND p."clinicId" = ${clinicId}::uuid)
    SELECT id::text FROM "Patient" WHERE id = ${patientId}::uuid AND "clinicId" = ${clinicId}::uuid
    UNION ALL SELECT id::text FROM episodes
    UNION ALL SELECT id::text FROM "Assessment" WHERE "episodeId" IN (SELECT id FROM episodes)
    UNION ALL SELECT id::text FROM "OutcomeMeasurement" WHERE "episodeId" IN (SELECT id FROM episodes)
    UNION ALL SELECT id::text FROM "Intervention" WHERE "episodeId" IN (SELECT id FROM episodes)
    UNION ALL SELECT id::text FROM "ProgramAssignment" WHERE "episodeId" IN (SELECT id FROM episodes)
    UNION ALL SELECT o.id::text FROM "ProgramOverride" o JOIN "ProgramAssignment" a ON a.id = o."assignmentId" WHERE a."episodeId" IN (SELECT id FROM episodes)
    UNION ALL SELECT id::text FROM "Flag" WHERE "episodeId" IN (SELECT id FROM episodes)
    UNION ALL SELECT id::text FROM "SessionLog" WHERE "episodeId" IN (SELECT id FROM episodes)
    UNION ALL SELECT id::text FROM "Invite" WHERE "patientId" = ${patientId}::uuid`;
  return rows.map((row) => row.id);
}

async function whereOf(db: Db, actor: Actor, query: AuditQuery): Promise<Prisma.AuditEventWhereInput> {
  const at: Prisma.DateTimeFilter = {};
  if (query.from) at.gte = new Date(`${query.from}T00:00:00Z`);
  // Up to the end of that day: before the next day's midnight.
  if (query.to) at.lt = addDays(new Date(`${query.to}T00:00:00Z`), 1);
  return {
    clinicId: actor.clinicId,
    ...(query.user && { actorId: query.user }),
    ...(query.action && { action: query.action }),
    ...((query.from || query.to) && { at }),
    ...(query.patient && { entityId: { in: await recordIdsOfPatient(db, actor.clinicId, query.patient) } }),
  };
}

export type AuditRow = {
  id: string;
  at: Date;
  actorName: string;
  actorRole: Role | null;
  action: AuditAction;
  entity: string;
  entityId: string;
  subject: string | null;
  ip: string | null;
  /** A settings change's values, old → new (ZSettingChanges); null for every other event. */
  changes: TSettingChanges | null;
};

/** Events whose entityId is a user's id: an account change, a refused sign-in to a known account. */
const NAMES_A_USER = new Set(["User", "SignIn"]);

/** Who each event was by, and whom it concerns (the patient, or the user an account event is about). */
async function describe(
  db: Db,
  clinicId: string,
  events: {
    id: string;
    at: Date;
    actorId: string | null;
    action: AuditAction;
    entity: string;
    entityId: string;
    ip: string | null;
    detail: unknown;
  }[],
): Promise<AuditRow[]> {
  const ids = [...new Set(events.map((e) => e.entityId))];
  const [users, subjects] = await Promise.all([
    db.user.findMany({
      where: {
        clinicId,
        id: {
          in: [
            ...new Set([
              ...events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
              ...events.filter((e) => NAMES_A_USER.has(e.entity)).map((e) => e.entityId),
            ]),
          ],
        },
      },
      select: { id: true, name: true, role: true },
    }),
    ids.length === 0
      ? []
      : db.$queryRaw<{ id: string; name: string }[]>`
          WITH wanted AS (SELECT unnest(${ids}::text[]) AS id)
          SELECT w.id, p.name FROM wanted w JOIN "Patient" p ON p.id::text = w.id WHERE p."clinicId" = ${clinicId}::uuid
          UNION ALL SELECT w.id, p.name FROM wanted w JOIN "Episode" e ON e.id::text = w.id JOIN "Patient" p ON p.id = e."patientId" WHERE p."clinicId" = ${clinicId}::uuid
          UNION ALL SELECT w.id, p.name FROM wanted w JOIN "Assessment" r ON r.id::text = w.id JOIN "Episode" e ON e.id = r."episodeId" JOIN "Patient" p ON p.id = e."patientId" WHERE p."clinicId" = ${clinicId}::uuid
          UNION ALL SELECT w.id, p.name FROM wanted w JOIN "OutcomeMeasurement" r ON r.id::text = w.id JOIN "Episode" e ON e.id = r."episodeId" JOIN "Patient" p ON p.id = e."patientId" WHERE p."clinicId" = ${clinicId}::uuid
          UNION ALL SELECT w.id, p.name FROM wanted w JOIN "Intervention" r ON r.id::text = w.id JOIN "Episode" e ON e.id = r."episodeId" JOIN "Patient" p ON p.id = e."patientId" WHERE p."clinicId" = ${clinicId}::uuid
          UNION ALL SELECT w.id, p.name FROM wanted w JOIN "ProgramAssignment" r ON r.id::text = w.id JOIN "Episode" e ON e.id = r."episodeId" JOIN "Patient" p ON p.id = e."patientId" WHERE p."clinicId" = ${clinicId}::uuid
          UNION ALL SELECT w.id, p.name FROM wanted w JOIN "Flag" r ON r.id::text = w.id JOIN "Episode" e ON e.id = r."episodeId" JOIN "Patient" p ON p.id = e."patientId" WHERE p."clinicId" = ${clinicId}::uuid
          UNION ALL SELECT w.id, p.name FROM wanted w JOIN "SessionLog" r ON r.id::text = w.id JOIN "Episode" e ON e.id = r."episodeId" JOIN "Patient" p ON p.id = e."patientId" WHERE p."clinicId" = ${clinicId}::uuid
          UNION ALL SELECT w.id, COALESCE(p.name, i.name, u.name) FROM wanted w JOIN "Invite" i ON i.id::text = w.id LEFT JOIN "Patient" p ON p.id = i."patientId" LEFT JOIN "User" u ON u.id = i."userId" WHERE i."clinicId" = ${clinicId}::uuid`,
  ]);
  const user = new Map(users.map((u) => [u.id, u]));
  const subject = new Map(subjects.map((s) => [s.id, s.name]));
  return events.map((event) => ({
    id: event.id,
    at: event.at,
    actorName: (event.actorId && user.get(event.actorId)?.name) || "",
    actorRole: (event.actorId && user.get(event.actorId)?.role) || null,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    subject: NAMES_A_USER.has(event.entity)
      ? (user.get(event.entityId)?.name ?? null)
      : event.entity === "Entry"
        ? event.entityId
        : (subject.get(event.entityId) ?? null),
    ip: event.ip,
    changes: event.detail == null ? null : (ZSettingChanges.safeParse(event.detail).data ?? null),
  }));
}

const SELECT = {
  id: true,
  at: true,
  actorId: true,
  action: true,
  entity: true,
  entityId: true,
  ip: true,
  detail: true,
} as const;

/** At most this many patients are offered when a name matches several. */
export const PATIENT_CHOICES = 10;

/** The clinic's patients whose name holds `name` (any case), by name; one more than offered, to tell there are more. */
async function patientsNamed(db: Db, clinicId: string, name: string) {
  return db.patient.findMany({
    where: { clinicId, name: { contains: name, mode: "insensitive" } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PATIENT_CHOICES + 1,
    select: { id: true, name: true },
  });
}

/**
 * One page of the log, with the patient's name when filtered by one. A name typed in the filter
 * finds the patient: one match filters by them, several are offered to choose from (and no
 * events are listed until one is chosen). Read through `reader` (the replica's client when the
 * entry point chose it); the read is audited through `db`.
 */
export async function listAuditEvents(db: Db, actor: Actor, query: AuditQuery, reader: Db = db) {
  assertCan(actor, "clinic-admin");
  let choices: { id: string; name: string }[] | null = null;
  if (!query.patient && query.patientName) {
    const named = await patientsNamed(reader, actor.clinicId, query.patientName);
    if (named.length === 1) query = { ...query, patient: named[0]!.id, patientName: undefined };
    else choices = named;
  }
  if (choices) {
    await recordAuditEvent(db, actor, { action: "READ", entity: "AuditLog", entityId: actor.clinicId });
    return {
      query,
      total: 0,
      rows: [],
      patient: null,
      choices: choices.slice(0, PATIENT_CHOICES),
      moreChoices: choices.length > PATIENT_CHOICES,
    };
  }
  const where = await whereOf(reader, actor, query);
  const [total, events, patient] = await Promise.all([
    reader.auditEvent.count({ where }),
    reader.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: SELECT,
    }),
    query.patient
      ? reader.patient.findFirst({
          where: { id: query.patient, clinicId: actor.clinicId },
          select: { id: true, name: true },
        })
      : null,
  ]);
  await recordAuditEvent(db, actor, { action: "READ", entity: "AuditLog", entityId: actor.clinicId });
  return {
    query,
    total,
    rows: await describe(reader, actor.clinicId, events),
    patient,
    choices: null,
    moreChoices: false,
  };
}

/** Every event of the view (up to AUDIT_EXPORT_LIMIT), for the CSV. The export is audited. */
export async function exportAuditEvents(db: Db, actor: Actor, query: AuditQuery, reader: Db = db): Promise<AuditRow[]> {
  assertCan(actor, "clinic-admin");
  // A name the page would ask to choose from exports nothing rather than every patient's events.
  if (!query.patient && query.patientName) {
    const named = await patientsNamed(reader, actor.clinicId, query.patientName);
    if (named.length !== 1) return [];
    query = { ...query, patient: named[0]!.id };
  }
  const events = await reader.auditEvent.findMany({
    where: await whereOf(reader, actor, query),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_EXPORT_LIMIT,
    select: SELECT,
  });
  await recordAuditEvent(db, actor, { action: "EXPORT", entity: "AuditLog", entityId: actor.clinicId });
  return describe(reader, actor.clinicId, events);
}
