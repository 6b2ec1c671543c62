"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import type { FieldLimits } from "@/lib/clinical/field-limits";
import { ZProgramContent } from "@/lib/clinical/programs/default-templates";
import { today } from "@/lib/platform/dates";
import { commandAction, formAction, type FormContext } from "@/lib/platform/entry-points/action.server";
import { ids } from "@/lib/platform/entry-points/ids";
import { errorTexts } from "@/lib/present/forms/error-text";
import type { Messages } from "@/lib/present/i18n";
import {
  adjustAssignment,
  assignmentFields,
  assignProgram,
  continueAsMaintenance,
  endAssignment,
  overrideProgression,
  type ProgramWriteResult,
} from "@/lib/server/programs/assignments";
import { programContentFields } from "@/lib/server/programs/program-content-input";

/** The form's answer to a write that was not saved. */
function notSaved(
  result: Exclude<ProgramWriteResult, { status: "saved" }>,
  answer: FormContext["answer"],
  messages: Messages,
  ranges: FieldLimits,
) {
  if (result.status === "alreadyActive") return answer({ formError: messages.programs.alreadyActive });
  return answer({ errors: errorTexts(result.fieldErrors, messages, ranges), formError: messages.validation.summary });
}

export const assignProgramAction = formAction(
  { name: "programs.assign", access: "clinic-patients", args: [ids.patient, ids.episode] },
  async ({ actor, db, messages, args: [patientId, episodeId], values, answer }) => {
    const result = await assignProgram(db, actor, episodeId, values);
    if (result.status !== "saved") return notSaved(result, answer, messages, assignmentFields(1));
    revalidatePath(`/patients/${patientId}`);
    return answer({ values: {} });
  },
);

/** Saves an adjusted copy; `content` is the copy shown in the form (for its fields' ranges). */
export const adjustAssignmentAction = formAction(
  {
    name: "programs.adjust",
    access: "clinic-patients",
    args: [ids.patient, ids.assignment, ZProgramContent.describe("content")],
  },
  async ({ actor, db, messages, args: [patientId, assignmentId, content], values, answer }) => {
    const result = await adjustAssignment(db, actor, assignmentId, values);
    if (result.status === "saved") redirect(`/patients/${patientId}`);
    return notSaved(result, answer, messages, programContentFields(content));
  },
);

export const overrideProgressionAction = formAction(
  {
    name: "programs.override",
    access: "clinic-patients",
    args: [ids.patient, ids.assignment, z.number().int().min(1).max(52).describe("phases")],
  },
  async ({ actor, db, messages, args: [patientId, assignmentId, phases], values, answer }) => {
    const result = await overrideProgression(db, actor, assignmentId, values);
    if (result.status !== "saved") return notSaved(result, answer, messages, assignmentFields(phases));
    revalidatePath(`/patients/${patientId}`);
    return answer({ values: {}, notice: messages.programs.overrideSaved });
  },
);

export const endAssignmentAction = commandAction(
  { name: "programs.end", access: "clinic-patients", args: [ids.patient, ids.assignment] },
  async ({ actor, db, messages, args: [patientId, assignmentId], values }) => {
    const result = await endAssignment(db, actor, assignmentId, values, today(actor.timeZone));
    if (result.status !== "saved") return { error: `${messages.programs.endReason}: ${messages.validation.required}` };
    revalidatePath(`/patients/${patientId}`);
    return { error: null };
  },
);

/** After its last week, keeps the program going as maintenance (the review prompt closes). */
export const continueAsMaintenanceAction = commandAction(
  { name: "programs.continueAsMaintenance", access: "clinic-patients", args: [ids.patient, ids.assignment] },
  async ({ actor, db, args: [patientId, assignmentId] }) => {
    await continueAsMaintenance(db, actor, assignmentId, today(actor.timeZone));
    revalidatePath(`/patients/${patientId}`);
    return { error: null };
  },
);
