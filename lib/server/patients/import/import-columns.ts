// The patient import's file (SPEC §9): one patient per row, under these headers in Danish or
// English, as in the template an admin downloads from the import page. Plain data: the page
// documents the columns from it, the template is written from it and the reader maps by it.
import type { Locale, Sex, Side } from "../../../generated/prisma/enums";

export const IMPORT_COLUMNS = [
  { key: "name", da: "Navn", en: "Name", required: true },
  { key: "cpr", da: "CPR-nummer", en: "CPR number", required: false },
  { key: "dateOfBirth", da: "Fødselsdato", en: "Date of birth", required: false },
  { key: "sex", da: "Køn", en: "Sex", required: true },
  { key: "email", da: "E-mail", en: "Email", required: false },
  { key: "phone", da: "Telefon", en: "Phone", required: false },
  { key: "affectedSide", da: "Ramt side", en: "Affected side", required: true },
  { key: "clinicianEmail", da: "Fysioterapeutens e-mail", en: "Physiotherapist email", required: true },
] as const satisfies readonly { key: string; da: string; en: string; required: boolean }[];

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]["key"];

/** The header of a column in a language. */
export const columnHeader = (key: ImportColumn, locale: Locale) =>
  IMPORT_COLUMNS.find((column) => column.key === key)![locale];

/** The words a file may use for each sex and side, in either language, any case; a letter stands for its word. */
export const SEX_WORDS: Record<string, Sex> = {
  kvinde: "FEMALE",
  k: "FEMALE",
  female: "FEMALE",
  f: "FEMALE",
  mand: "MALE",
  m: "MALE",
  male: "MALE",
  andet: "OTHER",
  a: "OTHER",
  other: "OTHER",
  o: "OTHER",
};
export const SIDE_WORDS: Record<string, Side> = {
  venstre: "LEFT",
  v: "LEFT",
  left: "LEFT",
  l: "LEFT",
  højre: "RIGHT",
  h: "RIGHT",
  right: "RIGHT",
  r: "RIGHT",
  begge: "BOTH",
  b: "BOTH",
  both: "BOTH",
};

/** At most this many rows in one file: a clinic's whole list, with room to spare. */
export const MAX_IMPORT_ROWS = 50_000;
