// Shared pieces of form validation. Schemas report error *codes* (below); the UI turns a
// code into a sentence in the user's language (messages.validation), so the services stay
// free of language and the same codes serve the command line and tests.
import { z } from "zod";
import { parseNumber } from "./parse-number";

export const ERROR_CODES = [
  "required",
  "tooLong",
  "invalidDate",
  "futureDate",
  "tooEarly",
  "beforeOnset",
  "beforeEpisode",
  "outOfRange",
  "notANumber",
  "invalidEmail",
  "invalidChoice",
  "beforeProgram",
  "rangeOrder",
  "phaseGap",
  "passwordTooShort",
  "commonPassword",
  "passwordMismatch",
  "emailTaken",
  "chooseTestResult",
  "nothingRecorded",
  "redFlagsNotScreened",
  "squeezeNeedsScreen",
  "settingsOrder",
  "tooManyDecimals",
  "wholeNumber",
  "linkedToVisit",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export type FieldErrors<K extends string = string> = Partial<Record<K, ErrorCode>>;

/** The first error code of each field. */
export function fieldErrorsOf<K extends string>(error: z.ZodError): FieldErrors<K> {
  const result: FieldErrors<K> = {};
  for (const issue of error.issues) {
    // The first path segment names the form field (a list's bad item marks the list).
    const field = String(issue.path[0] ?? "form") as K;
    if (result[field] === undefined) {
      result[field] = (ERROR_CODES as readonly string[]).includes(issue.message) ? (issue.message as ErrorCode) : "invalidChoice";
    }
  }
  return result;
}

/** A form's raw values, with empty text turned into undefined. */
export function formValues(formData: FormData): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$")) values[key] = value.trim() === "" ? undefined : value.trim();
  }
  return values;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as yyyy-mm-dd (the value of <input type="date">), on or before `latest`. */
export function zDate(opts: { latest?: () => Date; earliest?: Date; earliestCode?: ErrorCode } = {}) {
  return z
    .string({ error: "required" })
    .regex(DATE, "invalidDate")
    .transform((value, ctx) => {
      const date = new Date(`${value}T00:00:00.000Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
        ctx.addIssue({ code: "custom", message: "invalidDate" });
        return z.NEVER;
      }
      if (opts.latest && date > opts.latest()) {
        ctx.addIssue({ code: "custom", message: "futureDate" });
        return z.NEVER;
      }
      if (opts.earliest && date < opts.earliest) {
        ctx.addIssue({ code: "custom", message: opts.earliestCode ?? "tooEarly" });
        return z.NEVER;
      }
      return date;
    });
}

/** An optional number within [min, max], as parseNumber reads it (decimal comma or point). */
export function zOptionalNumber(min: number, max: number, opts: { integer?: boolean; decimals?: number } = {}) {
  const decimals = opts.integer ? 0 : (opts.decimals ?? 2);
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const parsed = parseNumber(value, decimals);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      const number = parsed.value;
      if (number < min || number > max) {
        ctx.addIssue({ code: "custom", message: "outOfRange" });
        return z.NEVER;
      }
      return number;
    });
}

/** A required number within [min, max]; decimal comma accepted. */
export function zRequiredNumber(min: number, max: number, opts: { integer?: boolean; decimals?: number } = {}) {
  return zOptionalNumber(min, max, opts)
    .refine((value) => value !== undefined, "required")
    .transform((value) => value!);
}

export function zRequiredText(max: number) {
  return z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");
}

export function zOptionalText(max: number) {
  return z.string().trim().max(max, "tooLong").optional();
}

export function zChoice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (issue) => (issue.input === undefined ? "required" : "invalidChoice") });
}
