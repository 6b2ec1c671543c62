"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorFor } from "@/lib/auth/guard.server";
import { today } from "@/lib/dates";
import { getDb } from "@/lib/db/app-db.server";
import { errorTexts } from "@/lib/forms/error-text";
import type { FieldLimits } from "@/lib/forms/field-limits";
import { formValues } from "@/lib/forms/form-input";
import type { FormState } from "@/lib/forms/form-state";
import { getMessages, type Messages } from "@/lib/i18n";
import { adjustAssignment, assignmentFields, assignProgram, continueAsMaintenance, endAssignment, overrideProgression, type ProgramWriteResult } from "@/lib/programs/assignments";
import { programContentFields } from "@/lib/programs/program-content-input";
import type { ProgramContent } from "@/lib/programs/default-templates";

const CLINIC_ROLES = ["ADMIN", "CLINICIAN"] as const;

/** The form's answer to a write that was not saved. */
function notSaved(result: Exclude<ProgramWriteResult, { status: "saved" }>, previous: FormState, values: FormState["values"], messages: Messages, ranges: FieldLimits): FormState {
  const next = { attempt: previous.attempt + 1, values, errors: {}, formError: null };
  if (result.status === "alreadyActive") return { ...next, formError: messages.programs.alreadyActive };
  return { ...next, errors: errorTexts(result.fieldErrors, messages, ranges), formError: messages.validation.summary };
}

export async function assignProgramAction(patientId: string, episodeId: string, previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await actorFor(CLINIC_ROLES);
  const values = formValues(formData);
  const result = await assignProgram(await getDb(), actor, episodeId, values);
  if (result.status === "saved") {
    revalidatePath(`/patients/${patientId}`);
    return { attempt: previous.attempt + 1, values: {}, errors: {}, formError: null };
  }
  return notSaved(result, previous, values, getMessages(actor.locale), assignmentFields(1));
}

/** Saves an adjusted copy; `content` is the copy shown in the form (for its ranges). */
export async function adjustAssignmentAction(patientId: string, assignmentId: string, content: ProgramContent, previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await actorFor(CLINIC_ROLES);
  const values = formValues(formData);
  const result = await adjustAssignment(await getDb(), actor, assignmentId, values);
  if (result.status === "saved") redirect(`/patients/${patientId}`);
  return notSaved(result, previous, values, getMessages(actor.locale), programContentFields(content));
}

export async function overrideProgressionAction(patientId: string, assignmentId: string, phases: number, previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await actorFor(CLINIC_ROLES);
  const messages = getMessages(actor.locale);
  const values = formValues(formData);
  const result = await overrideProgression(await getDb(), actor, assignmentId, values);
  if (result.status === "saved") {
    revalidatePath(`/patients/${patientId}`);
    return { attempt: previous.attempt + 1, values: {}, errors: {}, formError: null, notice: messages.programs.overrideSaved };
  }
  return notSaved(result, previous, values, messages, assignmentFields(phases));
}

export async function endAssignmentAction(patientId: string, assignmentId: string, formData: FormData): Promise<{ error: string | null }> {
  const actor = await actorFor(CLINIC_ROLES);
  const messages = getMessages(actor.locale);
  const result = await endAssignment(await getDb(), actor, assignmentId, formValues(formData), today());
  if (result.status !== "saved") return { error: `${messages.programs.endReason}: ${messages.validation.required}` };
  revalidatePath(`/patients/${patientId}`);
  return { error: null };
}

/** After its last week, keeps the program going as maintenance (the review prompt closes). */
export async function continueAsMaintenanceAction(patientId: string, assignmentId: string): Promise<void> {
  const actor = await actorFor(CLINIC_ROLES);
  await continueAsMaintenance(await getDb(), actor, assignmentId, today());
  revalidatePath(`/patients/${patientId}`);
}
