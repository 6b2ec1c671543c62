import type { Messages } from "@/lib/i18n";
import { EXERCISES, LOAD_GUIDANCE, type ProgramContent } from "@/lib/programs/default-templates";
import { exerciseName } from "@/lib/programs/exercise-names";
import { exerciseSlots } from "@/lib/programs/program-content-input";

import type { ProgramEditorText } from "./ProgramContentForm";

/** The program editor's labels and choices in the user's language, for `content`'s phases. */
export function programEditorProps(
  messages: Messages,
  content: ProgramContent,
  save: { save: string; saving: string },
) {
  // Client components get plain strings only: the catalog's functions stay here.
  const { phase, exerciseSlot, newExercise, ...labels } = messages.programs.editor;
  const text: ProgramEditorText = {
    ...labels,
    phases: content.phases.map((p, i) => ({
      name: phase(i + 1),
      slots: Array.from({ length: exerciseSlots(p) }, (_, j) =>
        j < p.exercises.length ? exerciseSlot(i + 1, j + 1) : newExercise(i + 1),
      ),
    })),
    // Named, not spread: a spread of a catalog section would carry its functions along.
    save: save.save,
    saving: save.saving,
    cancel: messages.templates.cancel,
  };
  return {
    text,
    exercises: EXERCISES.map((value) => ({ value, label: exerciseName(messages, value) })),
    loads: LOAD_GUIDANCE.map((value) => ({ value, label: messages.programs.loadGuidance[value] })),
  };
}
