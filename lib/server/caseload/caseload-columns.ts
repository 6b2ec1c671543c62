import { z } from "zod";

import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { CASELOAD_COLUMNS, type CaseloadColumn } from "./caseload-query";

const ZPreferences = z.object({ caseloadHidden: z.array(z.enum(CASELOAD_COLUMNS)).catch([]) }).partial();

/** The caseload columns the actor has hidden (name is always shown). */
export async function getHiddenCaseloadColumns(db: Db, actor: Actor): Promise<CaseloadColumn[]> {
  assertCan(actor, "clinic-patients");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { preferences: true } });
  return ZPreferences.catch({}).parse(user.preferences).caseloadHidden ?? [];
}

export const ZHiddenColumns = z.array(z.enum(CASELOAD_COLUMNS).exclude(["name"])).max(CASELOAD_COLUMNS.length);

export async function setHiddenCaseloadColumns(db: Db, actor: Actor, hidden: z.infer<typeof ZHiddenColumns>) {
  assertCan(actor, "clinic-patients");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { preferences: true } });
  const preferences = { ...ZPreferences.catch({}).parse(user.preferences), caseloadHidden: hidden };
  await db.user.update({ where: { id: actor.userId }, data: { preferences } });
}
