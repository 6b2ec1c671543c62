import type { FormState } from "@/lib/present/forms/form-state";

// The server actions a component is handed, by their shape. Pages import the actions
// (app/actions, made with lib/platform/entry-points/action.server.ts) and pass them as props; no component
// imports app/ (eslint.config.mjs). A panel that binds ids of its own rows (a program, a hold,
// an entry) takes the action with those arguments still open, as `Args`.

/** A useActionState form's action (formAction). */
export type FormAction<Args extends unknown[] = [], X extends object = object> = (
  ...input: [...Args, FormState & X, FormData]
) => Promise<FormState & X>;

/** A button's or a confirm dialog's action (commandAction): `{ error }`. */
export type CommandAction<Args extends unknown[] = []> = (
  ...input: [...Args, FormData?]
) => Promise<{ error: string | null }>;
