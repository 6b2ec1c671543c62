import { unstable_rethrow } from "next/navigation";
import { useActionState } from "react";

import type { FormState } from "@/lib/present/forms/form-state";

/**
 * useActionState for a form whose answer can be lost (a dropped connection, a server that
 * restarts): instead of the error page, the form keeps what was typed and says so, and can
 * simply be sent again. Forms that create rows send an idempotency key (FormShell), so that
 * second send stores nothing twice. A redirect or not-found from the action goes on as usual.
 */
export function useResilientActionState<S extends FormState>(
  action: (state: S, formData: FormData) => Promise<S>,
  initial: S,
  networkError: string,
) {
  return useActionState<S, FormData>(async (previous: S, formData: FormData): Promise<S> => {
    try {
      return await action(previous, formData);
    } catch (error) {
      unstable_rethrow(error);
      const values = Object.fromEntries(
        [...formData.entries()].filter(([key]) => !key.startsWith("$")).map(([key, value]) => [key, String(value)]),
      );
      return { ...previous, attempt: previous.attempt + 1, values, errors: {}, formError: networkError, notice: null };
    }
  }, initial as Awaited<S>);
}
