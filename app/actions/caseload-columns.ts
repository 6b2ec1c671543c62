"use server";
import { revalidatePath } from "next/cache";
import { actorFor } from "@/lib/auth/guard.server";
import { getDb } from "@/lib/db/app-db.server";
import { setHiddenCaseloadColumns, ZHiddenColumns } from "@/lib/users/caseload-columns";

/** Remembers which caseload columns the signed-in clinician or admin has hidden. */
export async function saveHiddenCaseloadColumns(hidden: unknown): Promise<{ ok: boolean }> {
  const actor = await actorFor(["ADMIN", "CLINICIAN"]);
  const parsed = ZHiddenColumns.safeParse(hidden);
  if (!parsed.success) return { ok: false };
  await setHiddenCaseloadColumns(await getDb(), actor, parsed.data);
  revalidatePath("/caseload");
  return { ok: true };
}
