// Each row of an import file checked as the patient form checks a patient (zPatientInput),
// after the file's own notations are read: a date as Danish Excel writes it (16-05-1977 or
// 16.05.1977), sex and side in words of either language, the physiotherapist by e-mail.
// Errors name the row's line and column. Two rows for one patient (the same CPR number, or the
// same name and birth date without one) are an error too. Pure.
import { type ErrorCode, fieldErrorsOf } from "../../../present/forms/form-input";
import { isStorableText } from "../../../present/forms/storable-text";
import { type PatientField, type TPatientInput, zPatientInput } from "../patient-input";
import { type ImportColumn, SEX_WORDS, SIDE_WORDS } from "./import-columns";
import type { ImportRow } from "./read-import-file";

export type ImportErrorCode = ErrorCode | "unknownClinician" | "duplicateInFile" | "extraFields";
export type RowError = { line: number; column: ImportColumn | null; code: ImportErrorCode };
export type ValidRow = { line: number; input: TPatientInput };

const DANISH_DATE = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/;

/** A date in the file as yyyy-mm-dd; anything unrecognised is passed on for the schema to refuse. */
export function isoFromFileDate(text: string): string {
  const danish = DANISH_DATE.exec(text);
  return danish ? `${danish[3]}-${danish[2]!.padStart(2, "0")}-${danish[1]!.padStart(2, "0")}` : text;
}

/** The same person twice in a file: by CPR number, or by name and birth date where there is none. */
const identityOf = (input: TPatientInput) =>
  input.cpr
    ? `cpr:${input.cpr.digits}`
    : `name:${input.name.toLowerCase()}|${input.dateOfBirth.toISOString().slice(0, 10)}`;

export function validateImportRows(
  rows: ImportRow[],
  context: { clinicianIds: Map<string, string>; today: () => Date },
) {
  const schema = zPatientInput(context.today);
  const valid: ValidRow[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const v = row.values;
    const clinicianId = v.clinicianEmail ? context.clinicianIds.get(v.clinicianEmail.toLowerCase()) : undefined;
    const parsed = schema.safeParse({
      name: v.name,
      cpr: v.cpr,
      dateOfBirth: v.dateOfBirth && isoFromFileDate(v.dateOfBirth),
      sex: v.sex && (SEX_WORDS[v.sex.toLowerCase()] ?? v.sex),
      email: v.email,
      phone: v.phone,
      affectedSide: v.affectedSide && (SIDE_WORDS[v.affectedSide.toLowerCase()] ?? v.affectedSide),
      clinicianId,
    });
    // A NUL or another control character: no name or phone holds one, and the database refuses NUL (review F-6).
    const unstorable = Object.entries(v).filter(([, value]) => !isStorableText(value));
    if (unstorable.length > 0) {
      errors.push(
        ...unstorable.map(([column]) => ({
          line: row.line,
          column: column as ImportColumn,
          code: "invalidCharacters" as const,
        })),
      );
      continue;
    }
    const rowErrors: RowError[] = [];
    if (row.extraFields) rowErrors.push({ line: row.line, column: null, code: "extraFields" });
    if (v.clinicianEmail && !clinicianId)
      rowErrors.push({ line: row.line, column: "clinicianEmail", code: "unknownClinician" });
    if (!parsed.success) {
      for (const [field, code] of Object.entries(fieldErrorsOf<PatientField>(parsed.error))) {
        const column = (field === "clinicianId" ? "clinicianEmail" : field) as ImportColumn;
        // An e-mail that names no physiotherapist is said above, in words of its own.
        if (column !== "clinicianEmail" || !v.clinicianEmail)
          rowErrors.push({ line: row.line, column, code: code as ErrorCode });
      }
    } else if (seen.has(identityOf(parsed.data))) {
      rowErrors.push({ line: row.line, column: parsed.data.cpr ? "cpr" : "name", code: "duplicateInFile" });
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else if (parsed.success) {
      seen.add(identityOf(parsed.data));
      valid.push({ line: row.line, input: parsed.data });
    }
  }
  return { valid, errors };
}
