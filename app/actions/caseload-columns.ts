"use server";
import { revalidatePath } from "next/cache";

import { callAction } from "@/lib/platform/entry-points/action.server";
import { setHiddenCaseloadColumns, ZHiddenColumns } from "@/lib/server/caseload/caseload-columns";

/** Remembers which caseload columns the signed-in clinician or admin has hidden. */
export const saveHiddenCaseloadColumns = callAction(
  { name: "caseload.saveHiddenColumns", access: "clinic-patients", args: [ZHiddenColumns] },
  async ({ actor, db, args: [hidden] }) => {
    await setHiddenCaseloadColumns(db, actor, hidden);
    revalidatePath("/caseload");
    return { ok: true };
  },
);
