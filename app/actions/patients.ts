"use server";
import { redirect } from "next/navigation";

import { today } from "@/lib/platform/dates";
import { callAction, commandAction, formAction } from "@/lib/platform/entry-points/action.server";
import { ids } from "@/lib/platform/entry-points/ids";
import { errorTexts } from "@/lib/present/forms/error-text";
import { PATIENT_FIELDS } from "@/lib/server/patients/patient-input";
import { archivePatient, createPatient, restorePatient, updatePatient } from "@/lib/server/patients/patients";
import { revealCpr } from "@/lib/server/patients/reveal-cpr";

/** Registers (patientId null) or edits a patient, then shows the patient's page. */
export const savePatientAction = formAction(
  {
    name: "patients.save",
    access: "clinic-patients",
    args: [ids.patient.nullable()],
    extra: { duplicateOf: null as string | null },
  },
  async ({ actor, db, messages, args: [patientId], formData, values, answer }) => {
    const options = {
      today: () => today(actor.timeZone),
      confirmDuplicate: formData.get("$confirmDuplicate") === "yes",
    };
    const result = patientId
      ? await updatePatient(db, actor, patientId, values, options)
      : await createPatient(db, actor, values, options);
    if (result.status === "saved") redirect(`/patients/${result.patientId}?saved=${patientId ? "updated" : "created"}`);
    if (result.status === "duplicate") return answer({ duplicateOf: result.existingPatientId });
    return answer({
      errors: errorTexts(result.fieldErrors, messages, PATIENT_FIELDS),
      formError: messages.validation.summary,
    });
  },
);

export const archivePatientAction = commandAction(
  { name: "patients.archive", access: "clinic-patients", args: [ids.patient] },
  async ({ actor, db, args: [patientId] }) => {
    await archivePatient(db, actor, patientId);
    redirect("/caseload");
  },
);

export const restorePatientAction = commandAction(
  { name: "patients.restore", access: "clinic-admin", args: [ids.patient] },
  async ({ actor, db, args: [patientId] }) => {
    await restorePatient(db, actor, patientId);
    redirect(`/patients/${patientId}`);
  },
);

/** The patient's CPR number in full, on request (audited); null when refused. */
export const revealCprAction = callAction(
  { name: "patients.revealCpr", access: "clinic-patients", args: [ids.patient] },
  async ({ actor, db, args: [patientId] }) => ({
    cpr: await revealCpr(db, actor, patientId),
  }),
);
