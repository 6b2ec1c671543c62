import type { Locale } from "../../generated/prisma/enums";
import type { LoggedSession } from "../../server/programs/logged-session";
import type { Messages } from "../i18n";
import { formatDate, formatNumber } from "../i18n/format";
import { exerciseShortName } from "../programs/exercise-names";

/** A logged session as the portal's list says it: date and what was done, in the patient's language. */
export type SessionLine = { id: string; date: string; text: string };

export function sessionLine(session: LoggedSession, messages: Messages, locale: Locale): SessionLine {
  const number = (value: number | null) => (value === null ? "–" : formatNumber(value, locale));
  const details = [
    session.exercises.map((code) => exerciseShortName(messages, code)).join(", "),
    // The heel raise's numbers, where it was done.
    session.sets === null ? "" : `${number(session.sets)} × ${number(session.reps)}`,
    session.sets === null
      ? ""
      : session.loadKg
        ? `${number(session.loadKg)} kg`
        : messages.prescription.bodyWeight.toLowerCase(),
    session.effort ? messages.portal.effortOptions[session.effort].toLowerCase() : "",
    messages.portal.sessionPain(number(session.painDuring)),
  ].filter(Boolean);
  return {
    id: session.id,
    date: session.date,
    text: `${formatDate(new Date(`${session.date}T00:00:00Z`), locale)}: ${messages.portal.sessionRow(session.completed, details.join(" · "))}`,
  };
}
