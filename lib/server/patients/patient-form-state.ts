import type { FormState } from "../../present/forms/form-state";

/** What the patient form's action answers (app/actions/patients.ts), read by components/patients/PatientForm.tsx. */
export type PatientFormState = FormState & {
  /** Another patient has the same name and date of birth: the form asks before saving. */
  duplicateOf: string | null;
};
