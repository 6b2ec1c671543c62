import type { FieldLimits } from "../../clinical/field-limits";
import type { Messages } from "../i18n";
import type { ErrorCode, FieldErrors } from "./form-input";

const NUMBER_CODES: ErrorCode[] = ["outOfRange", "notANumber", "wholeNumber", "tooManyDecimals"];

/**
 * Each field's error in the user's language. A number's error states the whole rule with its
 * limits ("a whole number from 0 to 10"), a text's its length ("at most 2,000 characters").
 */
export function errorTexts<K extends string>(
  errors: FieldErrors<K>,
  messages: Messages,
  limits: FieldLimits = {},
): Partial<Record<K, string>> {
  const v = messages.validation;
  const text = (field: string, code: ErrorCode): string => {
    const limit = limits[field];
    if (NUMBER_CODES.includes(code) && limit?.min !== undefined && limit.max !== undefined)
      return v.numberRule(limit.min, limit.max, limit.decimals ?? 0);
    if (code === "tooLong" && limit?.maxLength !== undefined) return v.maxLength(limit.maxLength);
    return v[code] as string;
  };
  return Object.fromEntries(
    Object.entries(errors).map(([field, code]) => [field, text(field, code as ErrorCode)]),
  ) as Partial<Record<K, string>>;
}
