import type { Locale, Role } from "../../generated/prisma/enums";

/** The signed-in user on whose behalf the data layer reads and writes. */
export type Actor = {
  userId: string;
  clinicId: string;
  role: Role;
  name: string;
  email: string;
  locale: Locale;
  /** The clinic's time zone (Clinic.timeZone): what day it is for this user, SPEC §2. */
  timeZone: string;
  /** Where the request came from, for the audit trail. */
  ip: string | null;
  /** The browser session the request came with (sessions.ts); unset outside a request. */
  sessionId?: string | null;
};

/** What an actor is made from: the user's row with their clinic's time zone (ACTOR_USER_INCLUDE). */
export type ActorUser = {
  id: string;
  clinicId: string;
  role: Role;
  name: string;
  email: string;
  locale: Locale;
  clinic: { timeZone: string };
};

/** Prisma's include that reads a user as an ActorUser. */
export const ACTOR_USER_INCLUDE = { clinic: { select: { timeZone: true } } } as const;

/** The actor for a user, acting from `ip` in browser session `sessionId` (none outside a request). */
export function actorFor(user: ActorUser, ip: string | null, sessionId?: string | null): Actor {
  return {
    userId: user.id,
    clinicId: user.clinicId,
    role: user.role,
    name: user.name,
    email: user.email,
    locale: user.locale,
    timeZone: user.clinic.timeZone,
    ip,
    ...(sessionId !== undefined && { sessionId }),
  };
}
