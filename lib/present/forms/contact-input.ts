// How a phone number and a location number are checked wherever someone types one: the clinic's
// profile, the patient's GP and the referring doctor. One rule each, so the forms agree.
import { z } from "zod";

import type { TextLimit } from "../../clinical/field-limits";
import { zOptionalText } from "./form-input";

/** A location number (lokationsnummer, GLN) as MedCom addresses a clinic or practice: 13 digits. */
export const LOCATION_NUMBER_DIGITS = 13;

/** A Danish number of 8 digits (with or without +45) or an international one, spaces allowed; empty is none. */
export function zOptionalPhone(limit: TextLimit) {
  return zOptionalText(limit).refine(
    (text) => !text || /^(\+45)?\d{8}$|^\+\d{8,15}$/.test(text.replaceAll(" ", "")),
    "invalidPhone",
  );
}

/** Exactly `digits` digits, spaces allowed and dropped; empty is none (undefined). */
export function zOptionalDigits(digits: number, code: "invalidCvr" | "invalidLocationNumber") {
  return z
    .string()
    .trim()
    .optional()
    .refine((text) => !text || new RegExp(`^\\d{${digits}}$`).test(text.replaceAll(" ", "")), code)
    .transform((text) => text?.replaceAll(" ", "") || undefined);
}
