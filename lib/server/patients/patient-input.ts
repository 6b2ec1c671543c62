import { z } from "zod";

import { COMORBIDITIES } from "../../clinical/comorbidities";
import { numberLimit, textLimit } from "../../clinical/field-limits";
import { FootType, Sex, Side } from "../../generated/prisma/enums";
import { parseCpr } from "../../platform/cpr/cpr";
import { LOCATION_NUMBER_DIGITS, zOptionalDigits } from "../../present/forms/contact-input";
import {
  type FieldErrors,
  zChoice,
  zDate,
  zOptionalNumber,
  zOptionalText,
  zRequiredText,
} from "../../present/forms/form-input";

/** What each limited field accepts; the schema and the error texts read it (decimals as stored). */
export const PATIENT_FIELDS = {
  name: textLimit(200),
  email: textLimit(200),
  phone: textLimit(40),
  gpName: textLimit(120),
  gpPractice: textLimit(160),
  gpAddress: textLimit(200),
  occupation: textLimit(100),
  standingHoursPerDay: numberLimit(0, 24, 1),
  runningKmPerWeek: numberLimit(0, 300, 1),
  shoeAgeKm: numberLimit(0, 5000),
  heightCm: numberLimit(100, 230, 1),
  weightKg: numberLimit(25, 300, 1),
};

/**
 * The CPR field: empty is no number (or, when editing, the stored one kept), else ten digits
 * stating a real birth date (lib/platform/cpr/cpr.ts).
 */
const zCpr = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined) return null;
    const parsed = parseCpr(text);
    if (parsed.ok) return { digits: parsed.digits, birthDate: parsed.birthDate };
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  });

/** A CPR number states the birth date: a form or file that gives only the number gets the date from it. */
function birthDateFromCpr(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const values = raw as Record<string, unknown>;
  if (values.dateOfBirth !== undefined || typeof values.cpr !== "string") return raw;
  const parsed = parseCpr(values.cpr);
  return parsed.ok ? { ...values, dateOfBirth: parsed.birthDate.toISOString().slice(0, 10) } : raw;
}

export function zPatientInput(today: () => Date) {
  const f = PATIENT_FIELDS;
  const fields = z
    .object({
      name: zRequiredText(f.name),
      cpr: zCpr,
      // Editing: remove the stored number (a visitor registered with someone else's, say).
      removeCpr: z
        .enum(["on"])
        .optional()
        .transform((value) => value === "on"),
      dateOfBirth: zDate({ latest: today, earliest: new Date("1900-01-01T00:00:00.000Z") }),
      sex: zChoice(Object.values(Sex) as [Sex, ...Sex[]]),
      email: z.email("invalidEmail").max(f.email.maxLength, "tooLong").optional(),
      phone: zOptionalText(f.phone),
      // The patient's own doctor, to whom the discharge letter goes (SPEC §11); empty is not known.
      gpName: zOptionalText(f.gpName),
      gpPractice: zOptionalText(f.gpPractice),
      gpLocationNumber: zOptionalDigits(LOCATION_NUMBER_DIGITS, "invalidLocationNumber"),
      gpAddress: zOptionalText(f.gpAddress),
      affectedSide: zChoice(Object.values(Side) as [Side, ...Side[]]),
      occupation: zOptionalText(f.occupation),
      standingHoursPerDay: zOptionalNumber(f.standingHoursPerDay),
      runningKmPerWeek: zOptionalNumber(f.runningKmPerWeek),
      recentLoadChange: z
        .enum(["on"])
        .optional()
        .transform((value) => value === "on"),
      shoeAgeKm: zOptionalNumber(f.shoeAgeKm),
      heightCm: zOptionalNumber(f.heightCm),
      weightKg: zOptionalNumber(f.weightKg),
      footType: zChoice(Object.values(FootType) as [FootType, ...FootType[]]).default("UNKNOWN"),
      clinicianId: z.uuid("required"),
      // One checkbox per condition ("comorbidities.DIABETES" = "on"), kept as a list of codes.
      ...Object.fromEntries(COMORBIDITIES.map((code) => [comorbidityField(code), z.enum(["on"]).optional()])),
    })
    .refine((input) => !input.cpr || input.cpr.birthDate.getTime() === input.dateOfBirth.getTime(), {
      path: ["cpr"],
      message: "cprBirthDateMismatch",
    })
    .transform((input) => ({
      ...input,
      comorbidities: COMORBIDITIES.filter(
        (code) => (input as Record<string, unknown>)[comorbidityField(code)] === "on",
      ),
    }));
  return z.preprocess(birthDateFromCpr, fields);
}

/** The form field of a comorbidity's checkbox. */
export const comorbidityField = (code: string) => `comorbidities.${code}`;

export type TPatientInput = z.output<ReturnType<typeof zPatientInput>>;
export type PatientField = keyof TPatientInput;
export type PatientFieldErrors = FieldErrors<PatientField>;
