// The Danish personal identification number (CPR, SPEC §9): DDMMYY-SSSS, written with or
// without the dash. The first six digits are the birth date; the seventh digit and the year
// give the century as the CPR office defines it. There is no modulus-11 check: numbers issued
// since 2007 need not pass it. Pure: the forms, the import and the services share it.

export type CprError = "invalidCpr" | "invalidCprDate";

const SHAPE = /^(\d{6})-?(\d{4})$/;

/** The century of a CPR number's birth year, from its seventh digit and its two-digit year. */
export function cprCentury(seventh: number, yy: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/** The ten digits and the birth date they state, or why the text is not a CPR number. */
export function parseCpr(text: string): { ok: true; digits: string; birthDate: Date } | { ok: false; error: CprError } {
  const match = SHAPE.exec(text.trim().replace(/\s+/g, ""));
  if (!match) return { ok: false, error: "invalidCpr" };
  const digits = `${match[1]}${match[2]}`;
  const [day, month, yy, seventh] = [
    Number(digits.slice(0, 2)),
    Number(digits.slice(2, 4)),
    Number(digits.slice(4, 6)),
    Number(digits[6]),
  ];
  const year = cprCentury(seventh, yy) + yy;
  const birthDate = new Date(Date.UTC(year, month - 1, day));
  // A real date: 31 February rolls over into March and is refused here.
  if (birthDate.getUTCFullYear() !== year || birthDate.getUTCMonth() !== month - 1 || birthDate.getUTCDate() !== day)
    return { ok: false, error: "invalidCprDate" };
  return { ok: true, digits, birthDate };
}

/**
 * The sex a CPR number was issued for: the last digit is even for a woman, odd for a man. Only
 * a suggestion for the form: the patient's own answer is what is recorded.
 */
export function cprSex(digits: string): "FEMALE" | "MALE" {
  return Number(digits.at(-1)) % 2 === 0 ? "FEMALE" : "MALE";
}

/** Ten digits as the CPR office writes them: DDMMYY-SSSS. */
export function formatCpr(digits: string): string {
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** The first half of a CPR number for a birth date (DDMMYY). */
export function cprDatePart(birthDate: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(birthDate.getUTCDate())}${two(birthDate.getUTCMonth() + 1)}${two(birthDate.getUTCFullYear() % 100)}`;
}

/**
 * A CPR number as lists and exports show it: the birth date part, the serial hidden
 * (DDMMYY-••••). The date part is the patient's birth date, so a list needs no decryption.
 */
export function maskedCpr(birthDate: Date): string {
  return `${cprDatePart(birthDate)}-••••`;
}

/** Whether a search text is meant as a CPR number (ten digits, with or without the dash). */
export function looksLikeCpr(text: string): boolean {
  return SHAPE.test(text.trim().replace(/\s+/g, ""));
}

const BIRTH_DATE = /^(\d{2})[-.]?(\d{2})[-.]?(\d{2}|\d{4})$/;

/**
 * The birth dates a search text may mean, as yyyy-mm-dd: DDMMYY (the first half of a CPR number,
 * as the masked number shows it: both centuries it may be), DD-MM-YYYY or DD.MM.YYYY. None for any
 * other text, or a date that does not exist.
 */
export function birthDatesOf(text: string): string[] {
  const match = BIRTH_DATE.exec(text.trim());
  if (!match) return [];
  const [day, month, year] = [Number(match[1]), Number(match[2]), match[3]!];
  const years = year.length === 4 ? [Number(year)] : [1900 + Number(year), 2000 + Number(year)];
  return years.flatMap((y) => {
    const date = new Date(Date.UTC(y, month - 1, day));
    return date.getUTCFullYear() === y && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
      ? [date.toISOString().slice(0, 10)]
      : [];
  });
}
