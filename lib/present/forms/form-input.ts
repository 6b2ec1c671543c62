// Shared pieces of form validation. Schemas report error *codes* (below); the UI turns a
// code into a sentence in the user's language (messages.validation), so the services stay
// free of language and the same codes serve the command line and tests.
import { z } from "zod";

import type { NumberLimit, TextLimit } from "../../clinical/field-limits";
import { parseDateText } from "./date-text";
import { parseNumber } from "./parse-number";

export const ERROR_CODES = [
  "required",
  "tooLong",
  "invalidDate",
  "invalidTime",
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
  "phaseWithoutExercise",
  "exerciseTwice",
  "oneLoadedExercise",
  "passwordTooShort",
  "commonPassword",
  "passwordMismatch",
  "emailTaken",
  "chooseTestResult",
  "nothingRecorded",
  "noMeasurement",
  "invalidPhone",
  "invalidCvr",
  "invalidLocationNumber",
  "invalidUuid",
  "invalidIcd10",
  "referralAfterStart",
  "referralTooOld",
  "redFlagsNotScreened",
  "squeezeNeedsScreen",
  "findingsNotExamined",
  "tinelNeedsExamination",
  "settingsOrder",
  "tooManyDecimals",
  "wholeNumber",
  "linkedToVisit",
  "invalidCharacters",
  "missingReference",
  "emailHasAccount",
  "wrongPassword",
  "invalidCpr",
  "invalidCprDate",
  "cprBirthDateMismatch",
  "cprTaken",
  "periodOrder",
  "periodTooLong",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export type FieldErrors<K extends string = string> = Partial<Record<K, ErrorCode>>;

/** The first error code of each field. */
export function fieldErrorsOf<K extends string>(error: z.ZodError): FieldErrors<K> {
  const result: FieldErrors<K> = {};
  for (const issue of error.issues) {
    // The path names the form field as the form does ("psfs.0.score"); a list's bad item
    // marks the list itself ("redFlags", not "redFlags.2").
    const path = [...issue.path];
    while (path.length > 1 && typeof path.at(-1) === "number") path.pop();
    const field = (path.length ? path.map(String).join(".") : "form") as K;
    if (result[field] === undefined) {
      result[field] = (ERROR_CODES as readonly string[]).includes(issue.message)
        ? (issue.message as ErrorCode)
        : "invalidChoice";
    }
  }
  return result;
}

/** A form's raw values, with empty text turned into undefined. */
export function formValues(formData: FormData): Record<string, string | undefined> {
  return trimmedValues(
    Object.fromEntries(
      [...formData.entries()].filter(
        (entry): entry is [string, string] => typeof entry[1] === "string" && !entry[0].startsWith("$"),
      ),
    ),
  );
}

/** Text fields trimmed, with empty text turned into undefined (what the form schemas expect). */
export function trimmedValues(fields: Record<string, string>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, value.trim() === "" ? undefined : value.trim()]),
  );
}

/** The fields of a form sent by client code as a plain object: names and texts of a form's size. */
export const ZFormFields = z
  .record(z.string().max(64), z.string().max(1000), { error: "missingReference" })
  .describe("form");

/**
 * A calendar date as typed in a date field (dd-mm-yyyy, also d-m-yyyy with - . or /) or as
 * yyyy-mm-dd (links, tests, the offline queue), on or before `latest`; a date that is not in
 * the calendar (31-02-2026) is a field error.
 */
export function zDate(opts: { latest?: () => Date; earliest?: Date; earliestCode?: ErrorCode } = {}) {
  return z.string({ error: "required" }).transform((value, ctx) => {
    const iso = parseDateText(value);
    if (iso === null) {
      ctx.addIssue({ code: "custom", message: "invalidDate" });
      return z.NEVER;
    }
    const date = new Date(`${iso}T00:00:00.000Z`);
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

/** An optional number within the limit, as parseNumber reads it (decimal comma or point). */
export function zOptionalNumber({ min, max, decimals }: NumberLimit) {
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

/** A required number within the limit; decimal comma accepted. */
export function zRequiredNumber(limit: NumberLimit) {
  return zOptionalNumber(limit)
    .refine((value) => value !== undefined, "required")
    .transform((value) => value!);
}

export function zRequiredText({ maxLength }: TextLimit) {
  return z.string({ error: "required" }).trim().min(1, "required").max(maxLength, "tooLong");
}

export function zOptionalText({ maxLength }: TextLimit) {
  return z.string().trim().max(maxLength, "tooLong").optional();
}

export function zChoice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (issue) => (issue.input === undefined ? "required" : "invalidChoice") });
}
