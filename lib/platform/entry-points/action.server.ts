import "server-only";

import { redirect } from "next/navigation";
import { z } from "zod";

import type { Locale } from "../../generated/prisma/enums";
import { errorTexts } from "../../present/forms/error-text";
import { type FieldErrors, formValues } from "../../present/forms/form-input";
import type { FormState } from "../../present/forms/form-state";
import { isStorableText } from "../../present/forms/storable-text";
import { getMessages, type Messages } from "../../present/i18n";
import { getLocale } from "../../present/i18n/locale.server";
import { homePath } from "../auth/permissions";
import { awaitOwnWrite, getDb } from "../db/app-db.server";
import type { Db } from "../db/client";
import { isAppError } from "../errors";
import { type Access, type ActorFor, checkAccess, traced } from "./entry.server";

// Server actions are public HTTP endpoints: anyone can call one with any arguments. Each is
// declared with who may call it and a zod schema per bound argument; the wrapper checks both,
// refuses text the database cannot store, runs the action and turns an AppError into an
// answer the form shows. Three shapes, by how the client calls the action:
//   formAction    (…ids, previous state, form data) → FormState   (useActionState forms)
//   commandAction (…ids, form data?) → { error }                  (buttons and confirm dialogs)
//   callAction    (…data) → result, or null when refused          (called from client code)

type Schemas = readonly z.ZodType[];
type Inputs<S extends Schemas> = { -readonly [K in keyof S]: z.input<S[K]> };
type Outputs<S extends Schemas> = { -readonly [K in keyof S]: z.output<S[K]> };

type Declaration<A extends Access, S extends Schemas> = { name: string; access: A; args: S };
type Context<A extends Access, S extends Schemas> = {
  actor: ActorFor<A>;
  db: Db;
  locale: Locale;
  messages: Messages;
  args: Outputs<S>;
};
type FormFields = { formData: FormData; values: Record<string, string | undefined> };

/** Why an action did not run: a message for the whole form and one per field, in the user's language. */
type Refusal = { formError: string; fieldErrors: Partial<Record<string, string>> };

const ZFormData = z.instanceof(FormData, { error: "missingReference" }).describe("form");

async function runAction<A extends Access, R>(
  declaration: { name: string; access: A },
  schemas: z.ZodType[],
  input: unknown[],
  refuse: (refusal: Refusal, parsed: unknown[] | null) => R,
  run: (context: { actor: ActorFor<A>; db: Db; locale: Locale; messages: Messages }, parsed: unknown[]) => Promise<R>,
): Promise<R> {
  return traced("action", declaration.name, async (trace) => {
    const access = await checkAccess(declaration.access);
    trace.actor = access.actor;
    trace.otherRole = "denied" in access && access.denied === "other-role";
    if ("denied" in access) redirect(access.denied === "signed-out" ? "/sign-in" : homePath(access.actor!));
    const locale = access.actor?.locale ?? (await getLocale());
    const messages = getMessages(locale);
    const refused = (status: number, formError: string, fieldErrors: FieldErrors, parsed: unknown[] | null) => {
      trace.status = status;
      return refuse({ formError, fieldErrors: errorTexts(fieldErrors, messages) }, parsed);
    };

    const parsed = z.tuple(schemas as [z.ZodType, ...z.ZodType[]]).safeParse(input);
    if (!parsed.success)
      return refused(400, messages.validation.missingReference, argumentErrors(schemas, parsed.error), null);
    const unstorable = unstorableFields(parsed.data);
    if (Object.keys(unstorable).length > 0) return refused(400, messages.validation.summary, unstorable, parsed.data);
    try {
      const result = await run({ actor: access.actor, db: await getDb(), locale, messages }, parsed.data);
      // With a replica, what the action wrote is there before its answer (getReadDb).
      await awaitOwnWrite();
      return result;
    } catch (error) {
      if (isAppError(error, "NOT_FOUND")) return refused(404, messages.error.notFound, {}, parsed.data);
      if (isAppError(error, "CONFLICT")) return refused(409, messages.error.changedMeanwhile, {}, parsed.data);
      if (isAppError(error, "PROCESSING_STOPPED"))
        return refused(409, messages.error.processingStopped, {}, parsed.data);
      if (isAppError(error, "INVALID_INPUT"))
        return refused(400, messages.validation.missingReference, {}, parsed.data);
      throw error;
    }
  });
}

/** Each bad argument under the name its schema describes (lib/platform/entry-points/ids.ts), e.g. { episodeId: "missingReference" }. */
function argumentErrors(schemas: z.ZodType[], error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const index = typeof issue.path[0] === "number" ? issue.path[0] : -1;
    errors[schemas[index]?.description ?? "form"] = "missingReference";
  }
  return errors;
}

/** Form fields, or string arguments, holding text the database cannot store. */
function unstorableFields(values: unknown[]): FieldErrors {
  const errors: FieldErrors = {};
  const strings = (value: unknown): string[] =>
    typeof value === "string"
      ? [value]
      : value && typeof value === "object" && !(value instanceof FormData)
        ? Object.values(value).flatMap(strings)
        : [];
  for (const value of values) {
    if (value instanceof FormData) {
      for (const [key, field] of value.entries())
        if (typeof field === "string" && !isStorableText(field)) errors[key] = "invalidCharacters";
    } else if (strings(value).some((text) => !isStorableText(text))) errors.form = "invalidCharacters";
  }
  return errors;
}

/** Of the previous state only the attempt counter is read. */
const ZPrevious = z.object({ attempt: z.number().int().min(0).max(1e9) }).catch({ attempt: 0 });

export type FormContext<X extends object = object> = FormFields & {
  /** The answer to this submit: `extra`, the next attempt number, the submitted values, no errors, then `patch`. */
  answer(patch?: Partial<FormState & X>): FormState & X;
};

/**
 * A useActionState form: (…ids, previous state, form data) → the form's next state. A form
 * whose state has fields of its own declares their values in `extra`; a refusal answers them.
 */
export function formAction<A extends Access, const S extends Schemas, X extends object = object>(
  declaration: Declaration<A, S> & { extra?: X },
  run: (context: Context<A, S> & FormContext<X>) => Promise<FormState & X>,
): (...input: [...Inputs<S>, FormState & X, FormData]) => Promise<FormState & X> {
  const schemas = [...declaration.args, ZPrevious, ZFormData];
  return (...input) => {
    // The answer's shape for this submit, whether the action runs or is refused.
    const { attempt } = ZPrevious.parse(input.at(-2));
    const values = input.at(-1) instanceof FormData ? formValues(input.at(-1) as FormData) : {};
    const answer = (patch?: Partial<FormState & X>) =>
      ({ ...declaration.extra, attempt: attempt + 1, values, errors: {}, formError: null, ...patch }) as FormState & X;
    return runAction(
      declaration,
      schemas,
      input,
      ({ formError, fieldErrors }) => answer({ formError, errors: fieldErrors } as Partial<FormState & X>),
      (context, parsed) => {
        const formData = parsed.at(-1) as FormData;
        return run({ ...context, args: parsed.slice(0, -2) as Outputs<S>, formData, values, answer });
      },
    );
  };
}

/** A button or confirm dialog: (…ids, form data?) → { error }, null when done. */
export function commandAction<A extends Access, const S extends Schemas>(
  declaration: Declaration<A, S>,
  run: (context: Context<A, S> & FormFields) => Promise<{ error: string | null }>,
): (...input: [...Inputs<S>, FormData?]) => Promise<{ error: string | null }> {
  const schemas = [...declaration.args, ZFormData.optional()];
  return (...input) =>
    runAction(
      declaration,
      schemas,
      input,
      ({ formError, fieldErrors }) => ({ error: Object.values(fieldErrors)[0] ?? formError }),
      (context, parsed) => {
        // Counted from the declared ids, not from the end: a call without its form data has no last argument to take (review F-7).
        const formData = (parsed[declaration.args.length] as FormData | undefined) ?? new FormData();
        return run({
          ...context,
          args: parsed.slice(0, declaration.args.length) as Outputs<S>,
          formData,
          values: formValues(formData),
        });
      },
    );
}

/** Called from client code with data: (…data) → the result, or null when refused. */
export function callAction<A extends Access, const S extends Schemas, R>(
  declaration: Declaration<A, S>,
  run: (context: Context<A, S>) => Promise<R>,
): (...input: Inputs<S>) => Promise<R | null> {
  return (...input) =>
    runAction<A, R | null>(
      declaration,
      [...declaration.args],
      input,
      () => null,
      (context, parsed) => run({ ...context, args: parsed as Outputs<S> }),
    );
}
