import type { Messages } from "../i18n";

type Names = Messages["prescription"]["exercise"];

/** An exercise's name in the user's language, as the prescription and the handout say it. */
export function exerciseName(messages: Messages, code: string): string {
  return messages.prescription.exercise[code as keyof Names] ?? code;
}

/** An exercise's name in a few words, for a checkbox, a list line or a table cell. */
export function exerciseShortName(messages: Messages, code: string): string {
  return messages.prescription.exerciseShort[code as keyof Names] ?? code;
}
