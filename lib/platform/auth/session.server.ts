import "server-only";

import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { cache } from "react";

import { getDb } from "../db/app-db.server";
import { clientIp } from "../http/client-ip.server";
import { type Actor, actorFor } from "./actor";
import { sessionUser } from "./sessions";

/**
 * The signed-in actor of this request, or null. The session cookie only names the user and
 * the session; role, clinic and the active flag come from the database on every request, and
 * only through a session that has not been ended, so a sign-out, a password change, a role
 * change or a deactivation takes effect at once.
 *
 * The cookie is read with next-auth's own reader (its name, its chunks, its decryption and
 * expiry), not with getServerSession: that runs next-auth's whole handler on every request
 * (options, a CSRF token, the token decrypted and encrypted again for a sliding expiry that
 * the session row does not have), which a CPU profile of the morning peak showed. Only the
 * cookie is offered, never an Authorization header.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const request = { cookies: await cookies(), headers: {} } as unknown as NextRequest;
  const token = await getToken({ req: request });
  const userId = token?.sub;
  const sid = token?.sid;
  if (typeof userId !== "string" || typeof sid !== "string") return null;
  const user = await sessionUser(await getDb(), sid, userId, new Date());
  if (!user) return null;
  return actorFor(user, await clientIp(), sid);
});
