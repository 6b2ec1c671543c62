import type { Locale, Role } from "../../generated/prisma/enums";

/** The signed-in user on whose behalf the data layer reads and writes. */
export type Actor = {
  userId: string;
  clinicId: string;
  role: Role;
  name: string;
  email: string;
  locale: Locale;
  /** Where the request came from, for the audit trail. */
  ip: string | null;
  /** The browser session the request came with (sessions.ts); unset outside a request. */
  sessionId?: string | null;
};
