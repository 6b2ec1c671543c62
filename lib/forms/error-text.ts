import type { Messages } from "../i18n";
import type { ErrorCode, FieldErrors } from "./form-input";

/** Each field's error in the user's language; ranges name the limits of numeric fields. */
export function errorTexts<K extends string>(
  errors: FieldErrors<K>,
  messages: Messages,
  ranges: Partial<Record<string, readonly [number, number]>> = {},
): Partial<Record<K, string>> {
  const text = (field: string, code: ErrorCode) => {
    if (code === "outOfRange") {
      const range = ranges[field];
      return range ? messages.validation.outOfRange(range[0], range[1]) : messages.validation.invalidChoice;
    }
    return messages.validation[code];
  };
  return Object.fromEntries(
    Object.entries(errors).map(([field, code]) => [field, text(field, code as ErrorCode)]),
  ) as Partial<Record<K, string>>;
}
