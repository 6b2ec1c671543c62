import "server-only";

import { getServerSession } from "next-auth";
import { cache } from "react";

import { getDb } from "../db/app-db.server";
import { clientIp } from "../http/client-ip.server";
import type { Actor } from "./actor";
import { authOptions } from "./auth-options.server";
import { sessionUser } from "./sessions";

/**
 * The signed-in actor of this request, or null. The session cookie only names the user and
 * the session; role, clinic and the active flag come from the database on every request, and
 * only through a session that has not been ended, so a sign-out, a password change, a role
 * change or a deactivation takes effect at once.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const { id: userId, sid } = (session?.user ?? {}) as { id?: string; sid?: string };
  if (!userId || !sid) return null;
  const user = await sessionUser(await getDb(), sid, userId, new Date());
  if (!user) return null;
  return {
    userId: user.id,
    clinicId: user.clinicId,
    role: user.role,
    name: user.name,
    email: user.email,
    locale: user.locale,
    ip: await clientIp(),
    sessionId: sid,
  };
});
