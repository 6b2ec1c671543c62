// Dates and times as people type them. A date field shows and takes dd-mm-yyyy (dd-mm-åååå in
// Danish) whatever the browser's language; the ISO form yyyy-mm-dd, which tests, links and the
// offline queue send, is taken too. Pure, so the server's schemas and the fields share it.

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Day, month and a four-digit year, separated by -, . or / (the same separator twice). */
const DAY_FIRST = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/;
/** ddmmyyyy, as a phone's number pad types it (no dashes there). */
const DIGITS = /^(\d{2})(\d{2})(\d{4})$/;

/** A typed date as yyyy-mm-dd, or null when it is not a date of the calendar (31-02-2026). */
export function parseDateText(text: string): string | null {
  const value = text.trim();
  let year: number, month: number, day: number;
  const iso = ISO.exec(value);
  const dayFirst = DAY_FIRST.exec(value);
  const digits = DIGITS.exec(value);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst) [day, month, year] = [Number(dayFirst[1]), Number(dayFirst[3]), Number(dayFirst[4])];
  else if (digits) [day, month, year] = [Number(digits[1]), Number(digits[2]), Number(digits[3])];
  else return null;
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // 31-02 rolls over into March: the date must read back as written.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** yyyy-mm-dd → dd-mm-yyyy, as the fields show a date; anything else is shown as typed. */
export function formatDateText(value: string | undefined | null): string {
  if (!value) return "";
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  return iso ? `${iso[3]}-${iso[2]}-${iso[1]}` : value;
}

const TIME = /^(\d{1,2})[:.]?(\d{2})$/;

/** A typed time of day on the 24-hour clock ("7:30", "07.30", "0730") as hh:mm, or null. */
export function parseTimeText(text: string): string | null {
  const match = TIME.exec(text.trim());
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
