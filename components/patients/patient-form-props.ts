import { COMORBIDITIES } from "@/lib/clinical/comorbidities";
import { FootType, Sex, Side } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/present/i18n";
import { comorbidityField, PATIENT_FIELDS } from "@/lib/server/patients/patient-input";

import type { PatientFormText } from "./PatientForm";

/**
 * The patient form's words in the user's language, read by the form from useMessages().
 * `storedCpr`: the masked number of a patient who has one (editing).
 */
export function patientFormText(messages: Messages, storedCpr: string | null): PatientFormText {
  const f = messages.patientForm;
  const withRange = (
    label: string,
    field: "standingHoursPerDay" | "runningKmPerWeek" | "shoeAgeKm" | "heightCm" | "weightKg",
  ) => `${label} (${f.optional}, ${f.range(PATIENT_FIELDS[field].min, PATIENT_FIELDS[field].max)})`;
  const optional = (label: string) => `${label} (${f.optional})`;
  return {
    identity: f.identity,
    activity: f.activity,
    body: f.body,
    comorbidities: f.comorbidities,
    comorbiditiesHint: f.comorbiditiesHint,
    name: f.name,
    cpr: optional(f.cpr),
    cprHint: storedCpr ? f.cprStoredHint(storedCpr) : f.cprHint,
    removeCpr: f.removeCpr,
    cprFormat: f.cprFormat,
    dateOfBirth: f.dateOfBirth,
    sex: f.sex,
    email: optional(f.email),
    phone: optional(f.phone),
    gp: f.gp,
    gpHint: f.gpHint,
    gpName: optional(f.gpName),
    gpPractice: optional(f.gpPractice),
    gpLocationNumber: optional(f.gpLocationNumber),
    gpLocationNumberHint: f.gpLocationNumberHint,
    gpAddress: optional(f.gpAddress),
    affectedSide: f.affectedSide,
    occupation: optional(f.occupation),
    standingHoursPerDay: withRange(f.standingHoursPerDay, "standingHoursPerDay"),
    runningKmPerWeek: withRange(f.runningKmPerWeek, "runningKmPerWeek"),
    recentLoadChange: f.recentLoadChange,
    shoeAgeKm: withRange(f.shoeAgeKm, "shoeAgeKm"),
    heightCm: withRange(f.heightCm, "heightCm"),
    weightKg: withRange(f.weightKg, "weightKg"),
    footType: f.footType,
    clinicianId: f.clinicianId,
    choose: f.choose,
    save: f.save,
    saving: f.saving,
    cancel: f.cancel,
    networkError: messages.error.network,
    duplicateTitle: f.duplicateTitle,
    duplicateBody: f.duplicateBody,
    duplicateOpen: f.duplicateOpen,
    duplicateConfirm: f.duplicateConfirm,
  };
}

/** The patient form's choices (built on the server: the clinicians are data). */
export function patientFormOptions(messages: Messages, clinicians: { id: string; name: string }[]) {
  return {
    sex: Object.values(Sex).map((value) => ({ value, label: messages.sex[value] })),
    side: Object.values(Side).map((value) => ({ value, label: messages.side[value] })),
    footType: Object.values(FootType).map((value) => ({ value, label: messages.footType[value] })),
    clinician: clinicians.map((clinician) => ({ value: clinician.id, label: clinician.name })),
    // The checkbox's form field is the value: one field per condition.
    comorbidities: COMORBIDITIES.map((code) => ({ value: comorbidityField(code), label: messages.comorbidity[code] })),
  };
}
