// A day's records as plain text for the clinic's own journal system (usability walk, finding 9):
// the clinician pastes it there instead of typing the visit twice. Plain lines, no markup, so it
// reads the same in any journal's text field.

/** One record of the day: its kind's label and what it says, part by part (describe-record.ts). */
export type NoteRecord = { label: string; parts: string[] };

/**
 * The note: the day's heading, then each record. A visit's many parts go on lines of their own
 * under its label; a record of one part (a measurement, an intervention) is one line.
 */
export function journalNote(heading: string, records: NoteRecord[]): string {
  const lines = records.flatMap(({ label, parts }) =>
    parts.length > 1 ? [`${label}:`, ...parts.map((part) => `- ${part}`)] : [`${label}: ${parts[0] ?? ""}`],
  );
  return [heading, ...lines].join("\n");
}
