/**
 * What a form's server action answers: the values it received (so the form shows them
 * again), each field's error in the user's language, and a message for the whole form.
 */
export type FormState = {
  /** Increases with every answer; the form uses it as a key to re-render with `values`. */
  attempt: number;
  values: Record<string, string | undefined>;
  errors: Partial<Record<string, string>>;
  formError: string | null;
  /** A confirmation for the whole form, e.g. "Saved." */
  notice?: string | null;
};

export function initialFormState(values: Record<string, string | undefined> = {}): FormState {
  return { attempt: 0, values, errors: {}, formError: null };
}
