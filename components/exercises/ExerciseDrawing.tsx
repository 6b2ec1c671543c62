import type { Exercise } from "@/lib/clinical/programs/default-templates";
import type { Messages } from "@/lib/present/i18n";

import { DRAWINGS } from "./drawings";

/** What the exercise's drawing shows, in the user's language; undefined for a code without one. */
export function exerciseDrawingLabel(messages: Messages, exercise: string): string | undefined {
  return Object.hasOwn(messages.exerciseDrawings, exercise)
    ? messages.exerciseDrawings[exercise as Exercise]
    : undefined;
}

/**
 * The drawing made for an exercise (SPEC §10), an image named by `label`, its text
 * alternative. A code without a drawing (an exercise stored by an older version, say) shows
 * nothing. No catalog here: the caller passes the words, so any component can use it.
 */
export function ExerciseDrawing({ exercise, label }: { exercise: string; label: string }) {
  const Drawing = Object.hasOwn(DRAWINGS, exercise) ? DRAWINGS[exercise as Exercise] : undefined;
  return Drawing ? <Drawing label={label} /> : null;
}
