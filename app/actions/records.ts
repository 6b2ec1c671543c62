"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorFor } from "@/lib/auth/guard.server";
import { today } from "@/lib/dates";
import { getDb } from "@/lib/db/app-db.server";
import { errorTexts } from "@/lib/forms/error-text";
import { formValues } from "@/lib/forms/form-input";
import type { FormState } from "@/lib/forms/form-state";
import { getMessages } from "@/lib/i18n";
import { DELETE_FIELDS, deleteClinicalRecord } from "@/lib/records/clinical-records";
import { RECORD_FORM_KINDS, rawRecordInput, recordFields, type RecordFormKind } from "@/lib/records/record-forms";
import { saveAssessment, saveIntervention, saveOutcome } from "@/lib/records/record-services";

const SAVE = { assessment: saveAssessment, outcome: saveOutcome, intervention: saveIntervention };

/** Records (recordId null) or corrects an assessment, outcome or intervention. */
export async function saveRecordAction(
  kind: RecordFormKind,
  target: { patientId: string; episodeId: string; recordId: string | null },
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const actor = await actorFor(["ADMIN", "CLINICIAN"]);
  const messages = getMessages(actor.locale);
  const raw = rawRecordInput(kind, formData);
  const result = await SAVE[kind](await getDb(), actor, { episodeId: target.episodeId, recordId: target.recordId }, raw, today);
  // A quick entry stays on the page; a full form goes back to the patient.
  if (result.status === "saved") {
    if (formData.get("$stay") === "yes") {
      revalidatePath(`/patients/${target.patientId}`);
      return { attempt: previous.attempt + 1, values: {}, errors: {}, formError: null };
    }
    redirect(`/patients/${target.patientId}`);
  }
  const errors = errorTexts(result.fieldErrors, messages, recordFields(kind, raw));
  return { attempt: previous.attempt + 1, values: formValues(formData), errors, formError: errors.form ?? messages.validation.summary };
}

export async function deleteRecordAction(kind: RecordFormKind, patientId: string, recordId: string, formData: FormData): Promise<{ error: string | null }> {
  const actor = await actorFor(["ADMIN", "CLINICIAN"]);
  const messages = getMessages(actor.locale);
  const result = await deleteClinicalRecord(await getDb(), actor, RECORD_FORM_KINDS[kind], recordId, formData.get("reason") ?? "");
  if (result.status === "invalid") {
    const errors = errorTexts(result.fieldErrors, messages, DELETE_FIELDS);
    return { error: errors.form ?? `${messages.record.deleteReason}: ${errors.reason ?? messages.validation.required}` };
  }
  revalidatePath(`/patients/${patientId}`);
  return { error: null };
}
