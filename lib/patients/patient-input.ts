import { z } from "zod";
import { COMORBIDITIES } from "../clinical/comorbidities";
import { FootType, Sex, Side } from "../generated/prisma/enums";
import { numberLimit, textLimit } from "../forms/field-limits";
import { type FieldErrors, zChoice, zDate, zOptionalNumber, zOptionalText, zRequiredText } from "../forms/form-input";

/** What each limited field accepts; the schema and the error texts read it (decimals as stored). */
export const PATIENT_FIELDS = {
  name: textLimit(200),
  email: textLimit(200),
  phone: textLimit(40),
  occupation: textLimit(100),
  standingHoursPerDay: numberLimit(0, 24, 1),
  runningKmPerWeek: numberLimit(0, 300, 1),
  shoeAgeKm: numberLimit(0, 5000),
  heightCm: numberLimit(100, 230, 1),
  weightKg: numberLimit(25, 300, 1),
};

export function zPatientInput(today: () => Date) {
  const f = PATIENT_FIELDS;
  return z.object({
    name: zRequiredText(f.name),
    dateOfBirth: zDate({ latest: today, earliest: new Date("1900-01-01T00:00:00.000Z") }),
    sex: zChoice(Object.values(Sex) as [Sex, ...Sex[]]),
    email: z.email("invalidEmail").max(f.email.maxLength, "tooLong").optional(),
    phone: zOptionalText(f.phone),
    affectedSide: zChoice(Object.values(Side) as [Side, ...Side[]]),
    occupation: zOptionalText(f.occupation),
    standingHoursPerDay: zOptionalNumber(f.standingHoursPerDay),
    runningKmPerWeek: zOptionalNumber(f.runningKmPerWeek),
    recentLoadChange: z.enum(["on"]).optional().transform((value) => value === "on"),
    shoeAgeKm: zOptionalNumber(f.shoeAgeKm),
    heightCm: zOptionalNumber(f.heightCm),
    weightKg: zOptionalNumber(f.weightKg),
    footType: zChoice(Object.values(FootType) as [FootType, ...FootType[]]).default("UNKNOWN"),
    clinicianId: z.uuid("required"),
    // One checkbox per condition ("comorbidities.DIABETES" = "on"), kept as a list of codes.
    ...Object.fromEntries(COMORBIDITIES.map((code) => [comorbidityField(code), z.enum(["on"]).optional()])),
  }).transform((input) => ({
    ...input,
    comorbidities: COMORBIDITIES.filter((code) => (input as Record<string, unknown>)[comorbidityField(code)] === "on"),
  }));
}

/** The form field of a comorbidity's checkbox. */
export const comorbidityField = (code: string) => `comorbidities.${code}`;

export type TPatientInput = z.output<ReturnType<typeof zPatientInput>>;
export type PatientField = keyof TPatientInput;
export type PatientFieldErrors = FieldErrors<PatientField>;
