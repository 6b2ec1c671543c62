"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";

import { commandAction, formAction } from "@/lib/platform/entry-points/action.server";
import { ids } from "@/lib/platform/entry-points/ids";
import { isAppError } from "@/lib/platform/errors";
import { errorTexts } from "@/lib/present/forms/error-text";
import {
  correctLetter,
  createLetterDraft,
  LETTER_FIELDS,
  saveLetterDraft,
  signLetter,
} from "@/lib/server/letters/discharge-letters";

/** A letter's version as the page binds it; anything else is refused before the service runs. */
const ZVersion = z.number({ error: "missingReference" }).int().min(1).max(100_000).describe("version");

const letterPath = (patientId: string, episodeId: string) => `/patients/${patientId}/episodes/${episodeId}/letter`;

/** Drafts the letter from the record; a second click or an episode that is not discharged answers a message. */
export const createLetterAction = commandAction(
  { name: "letters.create", access: "clinic-patients", args: [ids.patient, ids.episode] },
  async ({ actor, db, messages, args: [patientId, episodeId] }) => {
    try {
      await createLetterDraft(db, actor, patientId, episodeId);
    } catch (error) {
      if (isAppError(error, "CONFLICT")) return { error: messages.letter.notDischarged };
      throw error;
    }
    revalidatePath(letterPath(patientId, episodeId));
    return { error: null };
  },
);

/** Saves the draft's sections; a section left empty or too long is said on its own field. */
export const saveLetterAction = formAction(
  { name: "letters.save", access: "clinic-patients", args: [ids.patient, ids.episode, ZVersion] },
  async ({ actor, db, messages, args: [patientId, episodeId, version], values, answer }) => {
    try {
      const result = await saveLetterDraft(db, actor, patientId, episodeId, version, values);
      if (result.status === "invalid")
        return answer({
          errors: errorTexts(result.fieldErrors, messages, LETTER_FIELDS),
          formError: messages.validation.summary,
        });
    } catch (error) {
      if (isAppError(error, "CONFLICT")) return answer({ formError: messages.letter.readOnly });
      throw error;
    }
    revalidatePath(letterPath(patientId, episodeId));
    return answer({ notice: messages.letter.saved });
  },
);

/** Signs the draft; a version signed meanwhile answers that it is read-only. */
export const signLetterAction = commandAction(
  { name: "letters.sign", access: "clinic-patients", args: [ids.patient, ids.episode, ZVersion] },
  async ({ actor, db, messages, args: [patientId, episodeId, version] }) => {
    try {
      await signLetter(db, actor, patientId, episodeId, version, new Date());
    } catch (error) {
      if (isAppError(error, "CONFLICT")) return { error: messages.letter.readOnly };
      throw error;
    }
    revalidatePath(letterPath(patientId, episodeId));
    return { error: null };
  },
);

/** Starts a correction: the next version, with the reason; the signed one stays in the history. */
export const correctLetterAction = formAction(
  { name: "letters.correct", access: "clinic-patients", args: [ids.patient, ids.episode] },
  async ({ actor, db, messages, args: [patientId, episodeId], values, answer }) => {
    try {
      const result = await correctLetter(db, actor, patientId, episodeId, values);
      if (result.status === "invalid")
        return answer({
          errors: errorTexts(result.fieldErrors, messages, LETTER_FIELDS),
          formError: messages.validation.summary,
        });
    } catch (error) {
      if (isAppError(error, "CONFLICT")) return answer({ formError: messages.letter.readOnly });
      throw error;
    }
    revalidatePath(letterPath(patientId, episodeId));
    return answer({ values: {} });
  },
);
