import { EXERCISES, LOAD_GUIDANCE, type ProgramContent } from "@/lib/clinical/programs/default-templates";
import type { Messages } from "@/lib/present/i18n";
import { exerciseName } from "@/lib/present/programs/exercise-names";
import { exerciseSlots } from "@/lib/server/programs/program-content-input";

import type { ProgramEditorText } from "./ProgramContentForm";

/**
 * The program editor's labels and choices in the user's language, for `content`'s phases; read
 * by the editor itself from useMessages(). `purpose`: a template's new version or a patient's
 * adjusted copy (the save button says which).
 */
export function programEditorProps(messages: Messages, content: ProgramContent, purpose: "template" | "assignment") {
  const save =
    purpose === "template"
      ? { save: messages.templates.saveVersion, saving: messages.templates.saving }
      : { save: messages.record.save, saving: messages.record.saving };
  const { phase, exerciseSlot, newExercise, ...labels } = messages.programs.editor;
  const text: ProgramEditorText = {
    ...labels,
    phases: content.phases.map((p, i) => ({
      name: phase(i + 1),
      slots: Array.from({ length: exerciseSlots(p) }, (_, j) =>
        j < p.exercises.length ? exerciseSlot(i + 1, j + 1) : newExercise(i + 1),
      ),
    })),
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
