/**
 * A command action (lib/platform/entry-points/action.server.ts) as a plain <form action>. React types a form's
 * action as returning nothing; a command answers { error }, which a plain form does not show.
 * The action itself is unchanged: this only states that its answer is not read.
 */
export function asFormSubmit(action: (formData: FormData) => Promise<unknown>): (formData: FormData) => Promise<void> {
  return action as (formData: FormData) => Promise<void>;
}
