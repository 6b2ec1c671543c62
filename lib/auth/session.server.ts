import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "../db/app-db.server";
import { clientIp } from "../http/client-ip.server";
import type { Actor } from "./actor";
import { authOptions } from "./auth-options.server";

/**
 * The signed-in actor of this request, or null. The session cookie only names the user;
 * role, clinic and the active flag come from the database on every request, so a role
 * change or a deactivation takes effect at once.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  const user = await (await getDb()).user.findUnique({ where: { id: userId } });
  if (!user || !user.active) return null;
  return {
    userId: user.id,
    clinicId: user.clinicId,
    role: user.role,
    name: user.name,
    email: user.email,
    locale: user.locale,
    ip: await clientIp(),
  };
});
