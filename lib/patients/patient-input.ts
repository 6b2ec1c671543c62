import { z } from "zod";
import { FootType, Sex, Side } from "../generated/prisma/enums";
import { type FieldErrors, zChoice, zDate, zOptionalNumber, zOptionalText, zRequiredText } from "../forms/form-input";

/** Allowed ranges of the numeric fields, shown beside them and used in their error text. */
export const PATIENT_RANGES = {
  standingHoursPerDay: [0, 24],
  runningKmPerWeek: [0, 300],
  shoeAgeKm: [0, 5000],
  heightCm: [100, 230],
  weightKg: [25, 300],
} as const;

export function zPatientInput(today: () => Date) {
  const range = (field: keyof typeof PATIENT_RANGES, integer = false) =>
    zOptionalNumber(PATIENT_RANGES[field][0], PATIENT_RANGES[field][1], { integer });
  return z.object({
    name: zRequiredText(200),
    dateOfBirth: zDate({ latest: today, earliest: new Date("1900-01-01T00:00:00.000Z") }),
    sex: zChoice(Object.values(Sex) as [Sex, ...Sex[]]),
    email: z.email("invalidEmail").max(200, "tooLong").optional(),
    phone: zOptionalText(40),
    affectedSide: zChoice(Object.values(Side) as [Side, ...Side[]]),
    occupation: zOptionalText(100),
    standingHoursPerDay: range("standingHoursPerDay"),
    runningKmPerWeek: range("runningKmPerWeek"),
    recentLoadChange: z.enum(["on"]).optional().transform((value) => value === "on"),
    shoeAgeKm: range("shoeAgeKm", true),
    heightCm: range("heightCm"),
    weightKg: range("weightKg"),
    footType: zChoice(Object.values(FootType) as [FootType, ...FootType[]]).default("UNKNOWN"),
    clinicianId: z.uuid("required"),
  });
}

export type TPatientInput = z.output<ReturnType<typeof zPatientInput>>;
export type PatientField = keyof TPatientInput;
export type PatientFieldErrors = FieldErrors<PatientField>;
