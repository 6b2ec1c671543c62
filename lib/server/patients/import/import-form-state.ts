import type { FormState } from "../../../present/forms/form-state";

/** What the import page shows after a check or an import: sentences and rows, made on the server. */
export type ImportOutcome = {
  kind: "problem" | "invalid" | "checked" | "imported";
  message: string;
  errors: { line: number; column: string; error: string }[];
  moreErrors: string | null;
};
/** What the import action answers (app/actions/patient-import.ts), read by components/admin/ImportForm.tsx. */
export type ImportFormState = FormState & { outcome: ImportOutcome | null };
