// The doctor's referral an episode started from (SPEC §11), as a form or the open-episode form
// gives it. The codes are normalised here, so the record, the print and the FHIR export carry
// one form of each: the REF07 id in lower case, ICD-10 in the WHO form (M72.2).
import { z } from "zod";

import { textLimit } from "../../clinical/field-limits";
import { addDays } from "../../platform/dates";
import { LOCATION_NUMBER_DIGITS, zOptionalDigits, zOptionalPhone } from "../../present/forms/contact-input";
import { type FieldErrors, zDate, zOptionalText, zRequiredText } from "../../present/forms/form-input";

export const REFERRAL_FIELDS = {
  doctorName: textLimit(120),
  practice: textLimit(160),
  doctorPhone: textLimit(20),
  diagnosisText: textLimit(500),
};

/**
 * How far a referral's date may lie from the treatment start. A GP's referral to physiotherapy
 * is to be used within two months, so one dated more than a year before the start is a typing
 * error or another course's. A course may start before the referral arrives (the patient booked
 * directly and saw the doctor after the first visits), but a referral dated more than 30 days
 * after the start belongs to a later course.
 */
export const REFERRAL_DAYS = { beforeStart: 365, afterStart: 30 } as const;

/** A UUID of any version, as REF07 carries it (also as urn:uuid:…); lower case, or null when not one. */
export function normaliseUuid(text: string): string | null {
  const value = text
    .trim()
    .toLowerCase()
    .replace(/^urn:uuid:/, "");
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value) ? value : null;
}

/**
 * An ICD-10 code in the WHO form (M72.2), from the WHO form or the Danish SKS form a referral
 * states (DM722, DM72.2: SKS puts D before the code and drops the point); null when it is
 * neither. SKS's own extra characters after the subcategory (DM722A) are not WHO codes: refused.
 */
export function normaliseIcd10(text: string): string | null {
  let code = text.replaceAll(" ", "").toUpperCase();
  // SKS diagnosis codes are D + the ICD-10 code; a WHO code starts with one letter, then digits.
  if (/^D[A-Z]\d/.test(code)) code = code.slice(1);
  const match = /^([A-Z]\d{2})\.?(\d{1,2})?$/.exec(code);
  if (!match) return null;
  return match[2] ? `${match[1]}.${match[2]}` : match[1]!;
}

const checkbox = z
  .enum(["on"])
  .optional()
  .transform((value) => value === "on");

/**
 * A referral's fields. `treatmentStart`: the episode's, to bound the referral's date by
 * (REFERRAL_DAYS); null when the open-episode form's own start date is not valid yet.
 */
export function zReferralInput(today: () => Date, treatmentStart: Date | null) {
  return z
    .object({
      referralDate: zDate({ latest: today, earliest: new Date("1950-01-01T00:00:00.000Z") }),
      doctorName: zRequiredText(REFERRAL_FIELDS.doctorName),
      practice: zOptionalText(REFERRAL_FIELDS.practice),
      doctorPhone: zOptionalPhone(REFERRAL_FIELDS.doctorPhone),
      locationNumber: zOptionalDigits(LOCATION_NUMBER_DIGITS, "invalidLocationNumber"),
      diagnosisText: zRequiredText(REFERRAL_FIELDS.diagnosisText),
      icd10Code: z
        .string()
        .optional()
        .refine((text) => text === undefined || normaliseIcd10(text) !== null, "invalidIcd10")
        .transform((text) => (text === undefined ? null : normaliseIcd10(text))),
      referenceId: z
        .string()
        .optional()
        .refine((text) => text === undefined || normaliseUuid(text) !== null, "invalidUuid")
        .transform((text) => (text === undefined ? null : normaliseUuid(text))),
      vederlagsfri: checkbox,
    })
    .superRefine((input, ctx) => {
      if (!treatmentStart) return;
      if (input.referralDate > addDays(treatmentStart, REFERRAL_DAYS.afterStart))
        ctx.addIssue({ code: "custom", path: ["referralDate"], message: "referralAfterStart" });
      else if (input.referralDate < addDays(treatmentStart, -REFERRAL_DAYS.beforeStart))
        ctx.addIssue({ code: "custom", path: ["referralDate"], message: "referralTooOld" });
    })
    .transform((input) => ({
      ...input,
      practice: input.practice ?? null,
      doctorPhone: input.doctorPhone ?? null,
      locationNumber: input.locationNumber ?? null,
    }));
}

export type TReferralInput = z.output<ReturnType<typeof zReferralInput>>;
export type ReferralFieldErrors = FieldErrors<keyof TReferralInput>;

/** The open-episode form's checkbox: the patient came with a doctor's referral, whose fields follow. */
export const REFERRED_FIELD = "referred";
