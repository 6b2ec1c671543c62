import type { Actor } from "../../lib/platform/auth/actor";
import type { Db } from "../../lib/platform/db/client";
import { createInvite } from "../../lib/server/invites/invites";
import { APP_URL } from "./actors";

/** A portal invitation that must be created (to `email` when the patient has no address on file). */
export async function inviteFor(db: Db, actor: Actor, patientId: string, now: Date, email?: string) {
  const result = await createInvite(db, actor, patientId, now, APP_URL, email ? { email } : {});
  if (result.status !== "created") throw new Error(`no invitation was made: ${JSON.stringify(result)}`);
  return result;
}
