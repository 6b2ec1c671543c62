// Program templates of a clinic (SPEC §6): seeded from DEFAULT_TEMPLATES, copied and edited by
// admins. A template is a chain of versions sharing a key; editing writes the next version, so
// an assignment (which points at the version it was made from and holds its own copy) never
// changes when a template does.
import { randomUUID } from "node:crypto";

import { z } from "zod";

import { textLimit } from "../../clinical/field-limits";
import { DEFAULT_TEMPLATES, ZProgramContent } from "../../clinical/programs/default-templates";
import type { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { isUniqueViolation } from "../../platform/db/unique-violation";
import { AppError } from "../../platform/errors";
import { type FieldErrors, fieldErrorsOf, zOptionalText, zRequiredText } from "../../present/forms/form-input";
import { getMessages } from "../../present/i18n";
import { templateDescription, templateName } from "../../present/programs/template-name";
import { programContentSchema } from "./program-content-input";

/** Gives a clinic the default templates it does not have yet; safe to run again. */
export async function seedDefaultTemplates(db: Pick<Db, "programTemplate">, clinicId: string) {
  await db.programTemplate.createMany({
    data: DEFAULT_TEMPLATES.map((template) => ({
      clinicId,
      key: template.key,
      kind: template.kind,
      nameDa: getMessages("da").templates.defaultNames[template.key],
      nameEn: getMessages("en").templates.defaultNames[template.key],
      content: template.content,
    })),
    skipDuplicates: true,
  });
}

/** The newest version of each of the clinic's templates, HSR first. */
export async function listTemplates(db: Db, actor: Actor) {
  assertCan(actor, "clinic-patients");
  const rows = await db.programTemplate.findMany({
    where: { clinicId: actor.clinicId, archivedAt: null },
    orderBy: [{ key: "asc" }, { version: "desc" }],
  });
  const latest = rows.filter((row, i) => i === 0 || rows[i - 1]!.key !== row.key);
  const kindOrder = { HSR: 0, FIRST_WEEK: 1, RETURN_TO_RUN: 2 } as const;
  return latest
    .map((row) => ({ ...row, content: ZProgramContent.parse(row.content) }))
    .sort(
      (a, b) =>
        kindOrder[a.kind] - kindOrder[b.kind] ||
        templateName(a, actor.locale).localeCompare(templateName(b, actor.locale)),
    );
}

/** One template version of the actor's clinic, or NOT_FOUND. */
export async function getTemplate(db: Pick<Db, "programTemplate">, actor: Actor, templateId: string) {
  assertCan(actor, "clinic-patients");
  const row = await db.programTemplate.findFirst({
    where: { id: requireId(templateId), clinicId: actor.clinicId, archivedAt: null },
  });
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row, content: ZProgramContent.parse(row.content) };
}

export type TemplateResult =
  { status: "saved"; id: string } | { status: "invalid"; fieldErrors: FieldErrors } | { status: "stale" };

/** A template has a name in each language (an admin's copy or edit gives both) and, on an edit, a description in each. */
export const TEMPLATE_FIELDS = {
  nameDa: textLimit(120),
  nameEn: textLimit(120),
  descriptionDa: textLimit(400),
  descriptionEn: textLimit(400),
};
const ZName = z.object({
  nameDa: zRequiredText(TEMPLATE_FIELDS.nameDa),
  nameEn: zRequiredText(TEMPLATE_FIELDS.nameEn),
});
const ZNaming = ZName.extend({
  descriptionDa: zOptionalText(TEMPLATE_FIELDS.descriptionDa).transform((text) => text ?? ""),
  descriptionEn: zOptionalText(TEMPLATE_FIELDS.descriptionEn).transform((text) => text ?? ""),
});

/** Copies a template's newest content into a new template (version 1) under a new name. */
export async function copyTemplate(db: Db, actor: Actor, templateId: string, raw: unknown): Promise<TemplateResult> {
  assertCan(actor, "clinic-admin");
  const source = await getTemplate(db, actor, templateId);
  const parsed = ZName.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const key = `${source.kind.toLowerCase().replaceAll("_", "-")}-${randomUUID().slice(0, 8)}`;
  return db.$transaction(async (tx) => {
    const row = await tx.programTemplate.create({
      data: {
        clinicId: actor.clinicId,
        key,
        version: 1,
        kind: source.kind,
        ...parsed.data,
        // A copy starts from what its source says it is for; the admin edits it with the content.
        descriptionDa: templateDescription(source, "da"),
        descriptionEn: templateDescription(source, "en"),
        content: source.content,
      },
    });
    await recordAuditEvent(tx, actor, { action: "CREATE", entity: "ProgramTemplate", entityId: row.id });
    return { status: "saved", id: row.id };
  });
}

/**
 * Saves an edit of `templateId` as the next version of its key. Only the newest version can be
 * edited; an edit of an older one (someone saved in between) answers "stale".
 */
export async function saveTemplateVersion(
  db: Db,
  actor: Actor,
  templateId: string,
  raw: Record<string, unknown>,
): Promise<TemplateResult> {
  assertCan(actor, "clinic-admin");
  const base = await getTemplate(db, actor, templateId);
  const name = ZNaming.safeParse(raw);
  const content = programContentSchema(base.content).safeParse(raw);
  if (!name.success || !content.success) {
    return {
      status: "invalid",
      fieldErrors: { ...(name.error && fieldErrorsOf(name.error)), ...(content.error && fieldErrorsOf(content.error)) },
    };
  }
  try {
    return await db.$transaction(async (tx) => {
      const newer = await tx.programTemplate.count({
        where: { clinicId: actor.clinicId, key: base.key, version: { gt: base.version } },
      });
      if (newer > 0) return { status: "stale" } as const;
      const row = await tx.programTemplate.create({
        data: {
          clinicId: actor.clinicId,
          key: base.key,
          version: base.version + 1,
          kind: base.kind,
          ...name.data,
          content: content.data as Prisma.InputJsonValue,
        },
      });
      await recordAuditEvent(tx, actor, { action: "CREATE", entity: "ProgramTemplate", entityId: row.id });
      return { status: "saved", id: row.id } as const;
    });
  } catch (error) {
    // Two admins saving the same version at once: the unique (clinic, key, version) decides.
    if (isUniqueViolation(error)) return { status: "stale" };
    throw error;
  }
}
