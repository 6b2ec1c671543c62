"use server";
import { redirect } from "next/navigation";
import { actorFor } from "@/lib/auth/guard.server";
import { today } from "@/lib/dates";
import { getDb } from "@/lib/db/app-db.server";
import { errorTexts } from "@/lib/forms/error-text";
import { formValues } from "@/lib/forms/form-input";
import type { FormState } from "@/lib/forms/form-state";
import { getMessages } from "@/lib/i18n";
import { PATIENT_FIELDS } from "@/lib/patients/patient-input";
import { archivePatient, createPatient, restorePatient, updatePatient } from "@/lib/patients/save-patient";

export type PatientFormState = FormState & {
  /** Another patient has the same name and date of birth: the form asks before saving. */
  duplicateOf: string | null;
};

/** Registers (patientId null) or edits a patient, then shows the patient's page. */
export async function savePatientAction(patientId: string | null, previous: PatientFormState, formData: FormData): Promise<PatientFormState> {
  const actor = await actorFor(["ADMIN", "CLINICIAN"]);
  const messages = getMessages(actor.locale);
  const values = formValues(formData);
  const options = { today, confirmDuplicate: formData.get("$confirmDuplicate") === "yes" };
  const db = await getDb();
  const result = patientId
    ? await updatePatient(db, actor, patientId, values, options)
    : await createPatient(db, actor, values, options);
  if (result.status === "saved") redirect(`/patients/${result.patientId}`);
  const next = { attempt: previous.attempt + 1, values, errors: {}, formError: null, duplicateOf: null };
  if (result.status === "duplicate") return { ...next, duplicateOf: result.existingPatientId };
  return { ...next, errors: errorTexts(result.fieldErrors, messages, PATIENT_FIELDS), formError: messages.validation.summary };
}

export async function archivePatientAction(patientId: string) {
  const actor = await actorFor(["ADMIN", "CLINICIAN"]);
  await archivePatient(await getDb(), actor, patientId);
  redirect("/caseload");
}

export async function restorePatientAction(patientId: string) {
  const actor = await actorFor(["ADMIN"]);
  await restorePatient(await getDb(), actor, patientId);
  redirect(`/patients/${patientId}`);
}
