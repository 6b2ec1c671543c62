"use server";
import { revalidatePath } from "next/cache";

import type { Locale } from "@/lib/generated/prisma/enums";
import { today } from "@/lib/platform/dates";
import { formAction } from "@/lib/platform/entry-points/action.server";
import { errorTexts } from "@/lib/present/forms/error-text";
import type { ErrorCode } from "@/lib/present/forms/form-input";
import type { Messages } from "@/lib/present/i18n";
import { formatNumber } from "@/lib/present/i18n/format";
import { columnHeader } from "@/lib/server/patients/import/import-columns";
import type { ImportOutcome } from "@/lib/server/patients/import/import-form-state";
import { importPatients, type ImportResult } from "@/lib/server/patients/import/import-patients";
import type { FileProblem } from "@/lib/server/patients/import/read-import-file";
import type { ImportErrorCode } from "@/lib/server/patients/import/validate-import-rows";
import { PATIENT_FIELDS } from "@/lib/server/patients/patient-input";

/** Errors listed on the page at most; the count says how many there are in all. */
const SHOWN_ERRORS = 500;

export const importPatientsAction = formAction(
  { name: "patients.import", access: "clinic-admin", args: [], extra: { outcome: null as ImportOutcome | null } },
  async ({ actor, db, messages, formData, answer }) => {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0)
      return answer({ errors: errorTexts({ file: "required" }, messages), formError: messages.validation.summary });
    const dryRun = formData.get("$mode") !== "import";
    const result = await importPatients(db, actor, new Uint8Array(await file.arrayBuffer()), {
      dryRun,
      today: () => today(actor.timeZone),
    });
    if (result.status === "imported") revalidatePath("/caseload");
    return answer({ outcome: outcomeOf(result, messages, actor.locale) });
  },
);

function outcomeOf(result: ImportResult, messages: Messages, locale: Locale): ImportOutcome {
  const text = messages.admin.import;
  const none = { errors: [], moreErrors: null };
  switch (result.status) {
    case "fileProblem":
      return { kind: "problem", message: problemText(result.problem, messages, locale), ...none };
    case "checked":
      return { kind: "checked", message: text.checked(result.rows, result.added, result.existing), ...none };
    case "imported":
      return { kind: "imported", message: text.imported(result.added, result.existing), ...none };
    case "invalid": {
      const lines = new Set(result.errors.map((error) => error.line)).size;
      // The import's own codes, else the patient form's sentence for the field (with its limits).
      const errorText = (field: string, code: ImportErrorCode) =>
        code in text.errors
          ? text.errors[code as keyof typeof text.errors]
          : errorTexts({ [field]: code as ErrorCode }, messages, PATIENT_FIELDS)[field]!;
      return {
        kind: "invalid",
        message: text.invalid(result.errors.length, lines),
        errors: result.errors.slice(0, SHOWN_ERRORS).map((error) => ({
          line: error.line,
          // The column as the file names it, so the admin finds it in Excel.
          column: error.column ? (result.headers[error.column] ?? columnHeader(error.column, locale)) : text.wholeRow,
          error: errorText(error.column ?? "form", error.code),
        })),
        moreErrors: result.errors.length > SHOWN_ERRORS ? text.moreErrors(SHOWN_ERRORS, result.errors.length) : null,
      };
    }
  }
}

function problemText(problem: FileProblem, messages: Messages, locale: Locale): string {
  const text = messages.admin.import.problems;
  switch (problem.code) {
    case "notUtf8":
    case "empty":
      return text[problem.code];
    case "tooManyRows":
      return text.tooManyRows(formatNumber(problem.max, locale));
    case "unreadable":
      return text.unreadable(problem.line);
    case "missingColumns":
      return text.missingColumns(problem.columns.map((column) => columnHeader(column, locale)).join(", "));
    case "unknownColumns":
      return text.unknownColumns(problem.headers.join(", "));
  }
}
