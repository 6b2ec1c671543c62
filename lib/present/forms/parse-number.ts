// The one way a number typed by a person becomes a number. Danish and English keyboards (and
// phone keypads that offer only one of them) give "," or "." as the decimal separator, so
// both are accepted in both languages; spaces around the number are ignored. Anything a
// person would not mean as a plain number is refused rather than guessed: exponents ("1e1"),
// hex, "Infinity", thousands separators ("1 000", "1.000,5") and more decimals than the
// field keeps.

export type NumberError = "notANumber" | "wholeNumber" | "tooManyDecimals";

const PLAIN_NUMBER = /^(-?)(\d+)(?:[.,](\d+))?$/;

export function parseNumber(
  text: string,
  decimals: number,
): { ok: true; value: number } | { ok: false; error: NumberError } {
  const match = PLAIN_NUMBER.exec(text.trim());
  if (!match) return { ok: false, error: "notANumber" };
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > decimals) return { ok: false, error: decimals === 0 ? "wholeNumber" : "tooManyDecimals" };
  return { ok: true, value: Number(`${sign}${whole}.${fraction || "0"}`) };
}
