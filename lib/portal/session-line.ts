import type { Locale } from "../generated/prisma/enums";
import type { Messages } from "../i18n";
import { formatDate, formatNumber } from "../i18n/format";
import type { LoggedSession } from "../programs/logged-session";

/** A logged session as the portal's list says it: date and what was done, in the patient's language. */
export type SessionLine = { id: string; date: string; text: string };

export function sessionLine(session: LoggedSession, messages: Messages, locale: Locale): SessionLine {
  const number = (value: number | null) => (value === null ? "–" : formatNumber(value, locale));
  const effort = session.effort && messages.portal.effortOptions[session.effort].toLowerCase();
  const row = messages.portal.sessionRow(session.completed, number(session.sets), number(session.reps), number(session.loadKg), number(session.painDuring), effort);
  return { id: session.id, date: session.date, text: `${formatDate(new Date(`${session.date}T00:00:00Z`), locale)}: ${row}` };
}
