import type { Actor } from "../../lib/platform/auth/actor";

type UserRow = { id: string; clinicId: string; role: Actor["role"]; name: string; email: string };

/** The actor the app would build for this user. */
export function actorOf(user: UserRow): Actor {
  return {
    userId: user.id,
    clinicId: user.clinicId,
    role: user.role,
    name: user.name,
    email: user.email,
    locale: "da",
    // Every test clinic keeps the schema's default zone (Clinic.timeZone).
    timeZone: "Europe/Copenhagen",
    ip: "127.0.0.1",
  };
}

/** The app's address in links that services write (invitations, e-mails). */
export const APP_URL = "http://localhost:3000";
