// Programs assigned to an episode (SPEC §6): assigning a template (a copy of its content the
// clinician may adjust), ending with a reason, and clinician overrides of the progression.
// Every write goes through withEpisodeWrite, so the caseload's program column and the flags
// follow at once, and is audited.
import { z } from "zod";

import { numberLimit, textLimit } from "../../clinical/field-limits";
import { ZProgramContent } from "../../clinical/programs/default-templates";
import type { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import { today } from "../../platform/dates";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { isUniqueViolation } from "../../platform/db/unique-violation";
import { AppError } from "../../platform/errors";
import {
  type FieldErrors,
  fieldErrorsOf,
  zChoice,
  zDate,
  zOptionalNumber,
  zRequiredNumber,
  zRequiredText,
} from "../../present/forms/form-input";
import { templateName } from "../../present/programs/template-name";
import { withEpisodeWrite } from "../episodes/with-episode-write";
import { patientWhere } from "../patients/scope";
import { programContentSchema } from "./program-content-input";
import { getTemplate } from "./templates";

export const END_REASONS = ["COMPLETED", "NO_PROGRESS", "PAIN", "PATIENT_CHOICE", "CHANGED_PROGRAM", "OTHER"] as const;
export const MAX_LOAD_KG = 200;

/** What the assignment, override and end fields accept; the schemas and the error texts read it. */
export function assignmentFields(phases: number) {
  return {
    sessionsPerWeek: numberLimit(1, 7),
    startingLoadKg: numberLimit(0, MAX_LOAD_KG, 1),
    loadKg: numberLimit(0, MAX_LOAD_KG, 1),
    phase: numberLimit(1, phases),
    reason: textLimit(500),
  };
}
const FIELDS = assignmentFields(1);

export type ProgramWriteResult =
  { status: "saved"; id: string } | { status: "invalid"; fieldErrors: FieldErrors } | { status: "alreadyActive" };

/** An open (not discharged) episode of a patient the actor may change, or NOT_FOUND. */
async function findOpenEpisode(db: Db, actor: Actor, episodeId: string) {
  const episode = await db.episode.findFirst({
    where: {
      id: requireId(episodeId),
      clinicId: actor.clinicId,
      status: { not: "DISCHARGED" },
      patient: { ...patientWhere(actor), archivedAt: null },
    },
    select: { id: true, treatmentStart: true },
  });
  if (!episode) throw new AppError("NOT_FOUND");
  return episode;
}

/** An active assignment on an open episode the actor may change, or NOT_FOUND. */
async function findActiveAssignment(db: Db, actor: Actor, assignmentId: string) {
  const assignment = await db.programAssignment.findFirst({
    where: {
      id: requireId(assignmentId),
      clinicId: actor.clinicId,
      status: "ACTIVE",
      episode: { status: { not: "DISCHARGED" }, patient: { ...patientWhere(actor), archivedAt: null } },
    },
  });
  if (!assignment) throw new AppError("NOT_FOUND");
  return { ...assignment, content: ZProgramContent.parse(assignment.content) };
}

/** An active assignment for the adjust page, with its patient and template name. Audited. */
export async function getActiveAssignment(db: Db, actor: Actor, assignmentId: string) {
  assertCan(actor, "clinic-patients");
  const assignment = await findActiveAssignment(db, actor, assignmentId);
  const context = await db.programAssignment.findUniqueOrThrow({
    where: { id: assignment.id },
    select: { episode: { select: { patientId: true } }, template: { select: { nameDa: true, nameEn: true } } },
  });
  await recordAuditEvent(db, actor, { action: "READ", entity: "ProgramAssignment", entityId: assignment.id });
  return {
    ...assignment,
    patientId: context.episode.patientId,
    templateName: templateName(context.template, actor.locale),
  };
}

const zAssignment = (treatmentStart: Date) =>
  z.object({
    templateId: z.uuid({ error: (issue) => (issue.input === undefined ? "required" : "invalidChoice") }),
    startDate: zDate({ earliest: treatmentStart, earliestCode: "beforeEpisode" }),
    sessionsPerWeek: zRequiredNumber(FIELDS.sessionsPerWeek),
    startingLoadKg: zOptionalNumber(FIELDS.startingLoadKg).transform((value) => value ?? 0),
    /** Ends an active first-week program as the new one starts (asked when one is active). */
    endFirstWeek: z
      .enum(["on"])
      .optional()
      .transform((value) => value === "on"),
  });

/**
 * Assigns a template (of the actor's clinic, else NOT_FOUND) to an episode. One active
 * program of each kind per episode: the episode's writes take turns, and the database holds
 * the rule too (ProgramAssignment_one_active_per_kind), so a second assignment is "alreadyActive".
 */
export async function assignProgram(
  db: Db,
  actor: Actor,
  episodeId: string,
  raw: Record<string, unknown>,
): Promise<ProgramWriteResult> {
  assertCan(actor, "clinic-patients");
  const episode = await findOpenEpisode(db, actor, episodeId);
  const parsed = zAssignment(episode.treatmentStart).safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const template = await getTemplate(db, actor, parsed.data.templateId);
  return withEpisodeWrite(db, episode.id, async (tx) => {
    const active = await tx.programAssignment.count({
      where: { episodeId: episode.id, kind: template.kind, status: "ACTIVE" },
    });
    if (active > 0) return { status: "alreadyActive" } as const;
    const row = await tx.programAssignment.create({
      data: {
        clinicId: actor.clinicId,
        episodeId: episode.id,
        templateId: template.id,
        kind: template.kind,
        startDate: parsed.data.startDate,
        sessionsPerWeek: parsed.data.sessionsPerWeek,
        startingLoadKg: parsed.data.startingLoadKg,
        content: template.content,
      },
    });
    await recordAuditEvent(tx, actor, { action: "CREATE", entity: "ProgramAssignment", entityId: row.id });
    if (parsed.data.endFirstWeek && template.kind !== "FIRST_WEEK") {
      const firstWeek = await tx.programAssignment.findFirst({
        where: { episodeId: episode.id, kind: "FIRST_WEEK", status: "ACTIVE" },
      });
      if (firstWeek) {
        const endedAt = parsed.data.startDate < today(actor.timeZone) ? parsed.data.startDate : today(actor.timeZone);
        await tx.programAssignment.update({
          where: { id: firstWeek.id },
          data: { status: "ENDED", endedAt, endReason: "CHANGED_PROGRAM" },
        });
        await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "ProgramAssignment", entityId: firstWeek.id });
      }
    }
    return { status: "saved", id: row.id } as const;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) return { status: "alreadyActive" } as const;
    throw error;
  });
}

/** Adjusts the patient's copy of the program: sessions per week and the phases' numbers. */
export async function adjustAssignment(
  db: Db,
  actor: Actor,
  assignmentId: string,
  raw: Record<string, unknown>,
): Promise<ProgramWriteResult> {
  assertCan(actor, "clinic-patients");
  const assignment = await findActiveAssignment(db, actor, assignmentId);
  const sessions = z.object({ sessionsPerWeek: zRequiredNumber(FIELDS.sessionsPerWeek) }).safeParse(raw);
  const content = programContentSchema(assignment.content).safeParse(raw);
  if (!sessions.success || !content.success) {
    return {
      status: "invalid",
      fieldErrors: {
        ...(sessions.error && fieldErrorsOf(sessions.error)),
        ...(content.error && fieldErrorsOf(content.error)),
      },
    };
  }
  return withEpisodeWrite(db, assignment.episodeId, async (tx) => {
    await tx.programAssignment.update({
      where: { id: assignment.id },
      data: { sessionsPerWeek: sessions.data.sessionsPerWeek, content: content.data as Prisma.InputJsonValue },
    });
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "ProgramAssignment", entityId: assignment.id });
    return { status: "saved", id: assignment.id } as const;
  });
}

const ZEnd = z.object({ reason: zChoice(END_REASONS) });

/** Ends an active assignment; a reason is required. */
export async function endAssignment(
  db: Db,
  actor: Actor,
  assignmentId: string,
  raw: Record<string, unknown>,
  on: Date,
): Promise<ProgramWriteResult> {
  assertCan(actor, "clinic-patients");
  const assignment = await findActiveAssignment(db, actor, assignmentId);
  const parsed = ZEnd.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  return withEpisodeWrite(db, assignment.episodeId, async (tx) => {
    await tx.programAssignment.update({
      where: { id: assignment.id },
      data: { status: "ENDED", endedAt: on, endReason: parsed.data.reason },
    });
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "ProgramAssignment", entityId: assignment.id });
    return { status: "saved", id: assignment.id } as const;
  });
}

/**
 * After its last week a program is due a review; "maintenance" keeps it going at its last
 * phase (the patient is told to keep training to hold the gain) and closes the review.
 */
export async function continueAsMaintenance(
  db: Db,
  actor: Actor,
  assignmentId: string,
  on: Date,
): Promise<ProgramWriteResult> {
  assertCan(actor, "clinic-patients");
  const assignment = await findActiveAssignment(db, actor, assignmentId);
  return withEpisodeWrite(db, assignment.episodeId, async (tx) => {
    await tx.programAssignment.update({ where: { id: assignment.id }, data: { maintenanceSince: on } });
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "ProgramAssignment", entityId: assignment.id });
    return { status: "saved", id: assignment.id } as const;
  });
}

const zOverride = (startDate: Date, phases: number) =>
  z
    .object({
      date: zDate({ earliest: startDate, earliestCode: "beforeProgram" }),
      phase: zOptionalNumber(assignmentFields(phases).phase),
      loadKg: zOptionalNumber(FIELDS.loadKg),
      reason: zRequiredText(FIELDS.reason),
    })
    .refine((v) => v.phase !== undefined || v.loadKg !== undefined, { path: ["phase"], message: "required" });

/** A clinician's override of the phase and/or load from a date on, with a reason. */
export async function overrideProgression(
  db: Db,
  actor: Actor,
  assignmentId: string,
  raw: Record<string, unknown>,
): Promise<ProgramWriteResult> {
  assertCan(actor, "clinic-patients");
  const assignment = await findActiveAssignment(db, actor, assignmentId);
  const parsed = zOverride(assignment.startDate, assignment.content.phases.length).safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  return withEpisodeWrite(db, assignment.episodeId, async (tx) => {
    const row = await tx.programOverride.create({
      data: {
        clinicId: actor.clinicId,
        assignmentId: assignment.id,
        createdById: actor.userId,
        date: parsed.data.date,
        phase: parsed.data.phase ?? null,
        loadKg: parsed.data.loadKg ?? null,
        reason: parsed.data.reason,
      },
    });
    await recordAuditEvent(tx, actor, { action: "CREATE", entity: "ProgramOverride", entityId: row.id });
    return { status: "saved", id: row.id } as const;
  });
}
