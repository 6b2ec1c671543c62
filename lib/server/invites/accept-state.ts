import type { FormState } from "../../present/forms/form-state";

/** What accepting an invitation or a password link answers (app/actions/invites.ts), read by components/invites/InviteForms.tsx. */
export type AcceptState = FormState & { done: boolean };
