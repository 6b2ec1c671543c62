import type { FormState } from "../forms/form-state";

/** What a portal log answers: what was stored and a notice, or each field's error and one for the form. */
export type PortalLogAnswer<Saved> =
  | { status: "saved"; saved: Saved; notice: string }
  | { status: "invalid"; errors: Partial<Record<string, string>>; formError: string };

/**
 * The form's next state for an answer. `null` is a refused call (the patient's record took no
 * write, e.g. the program ended meanwhile): the typed values stay, with `refused` as the message.
 */
export function portalLogFormState<Saved>(
  answer: PortalLogAnswer<Saved> | null,
  previous: FormState,
  values: Record<string, string>,
  refused: string,
): FormState {
  const attempt = previous.attempt + 1;
  if (answer === null) return { attempt, values, errors: {}, formError: refused, notice: null };
  if (answer.status === "invalid")
    return { attempt, values, errors: answer.errors, formError: answer.formError, notice: null };
  return { attempt, values: {}, errors: {}, formError: null, notice: answer.notice };
}
