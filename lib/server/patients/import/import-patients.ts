// The patient import (SPEC §9): an admin brings in a clinic's patient list from the template.
// Nothing is written unless every row is valid; then every new patient is written in one
// transaction. A patient already in the clinic (the same CPR number, or the same name and
// birth date where there is none) is left as it is, so importing a file again adds nothing.
// A dry run answers what an import would do. Both are audited.
import { randomUUID } from "node:crypto";

import { recordAuditEvent } from "../../../platform/audit/record-audit-event";
import type { Actor } from "../../../platform/auth/actor";
import { assertCan } from "../../../platform/auth/permissions";
import { currentDataKey } from "../../../platform/cpr/current-data-key";
import type { Db } from "../../../platform/db/client";
import { isUniqueViolation } from "../../../platform/db/unique-violation";
import { AppError } from "../../../platform/errors";
import { patientData } from "../patient-data";
import type { ImportColumn } from "./import-columns";
import { type FileProblem, readImportFile } from "./read-import-file";
import { type RowError, validateImportRows, type ValidRow } from "./validate-import-rows";

export type ImportResult =
  | { status: "fileProblem"; problem: FileProblem }
  /** Every row's errors, in line order; `headers` names the file's columns as the file does. */
  | { status: "invalid"; rows: number; errors: RowError[]; headers: Partial<Record<ImportColumn, string>> }
  | { status: "checked" | "imported"; rows: number; added: number; existing: number };

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters. */
const BATCH = 1000;

export async function importPatients(
  db: Db,
  actor: Actor,
  bytes: Uint8Array,
  options: { dryRun: boolean; today: () => Date },
): Promise<ImportResult> {
  assertCan(actor, "clinic-admin");
  const file = readImportFile(bytes);
  const importId = randomUUID();
  const audit = () => recordAuditEvent(db, actor, { action: "IMPORT", entity: "PatientImport", entityId: importId });
  if (!file.ok) {
    await audit();
    return { status: "fileProblem", problem: file.problem };
  }
  const clinicians = await db.user.findMany({
    where: { clinicId: actor.clinicId, role: "CLINICIAN", active: true },
    select: { id: true, email: true },
  });
  const { valid, errors } = validateImportRows(file.rows, {
    clinicianIds: new Map(clinicians.map((c) => [c.email.toLowerCase(), c.id])),
    today: options.today,
  });
  if (errors.length > 0) {
    await audit();
    return { status: "invalid", rows: file.rows.length, errors, headers: file.headers };
  }

  const key = currentDataKey();
  const fresh = await newPatients(db, actor.clinicId, valid, (digits) => key.searchHash(digits));
  const summary = { rows: file.rows.length, added: fresh.length, existing: valid.length - fresh.length };
  if (options.dryRun) {
    await audit();
    return { status: "checked", ...summary };
  }
  const write = db.$transaction(
    async (tx) => {
      for (let i = 0; i < fresh.length; i += BATCH) {
        const batch = fresh
          .slice(i, i + BATCH)
          .map(({ input }) => ({ id: randomUUID(), clinicId: actor.clinicId, ...patientData(input) }));
        await tx.patient.createMany({ data: batch });
        await tx.auditEvent.createMany({
          data: batch.map((patient) => ({
            clinicId: actor.clinicId,
            actorId: actor.userId,
            action: "CREATE" as const,
            entity: "Patient",
            entityId: patient.id,
            ip: actor.ip,
          })),
        });
      }
      await recordAuditEvent(tx, actor, { action: "IMPORT", entity: "PatientImport", entityId: importId });
    },
    // A clinic's whole list: longer than an interactive transaction's default five seconds.
    { timeout: 120_000 },
  );
  await write.catch((error: unknown) => {
    // A patient with one of these CPR numbers was registered since the check: nothing was written.
    throw isUniqueViolation(error) ? new AppError("CONFLICT") : error;
  });
  return { status: "imported", ...summary };
}

/** The rows whose patient the clinic does not have yet. */
async function newPatients(
  db: Db,
  clinicId: string,
  rows: ValidRow[],
  searchHash: (digits: string) => string,
): Promise<ValidRow[]> {
  const known = await db.patient.findMany({
    where: { clinicId },
    select: { cprHash: true, name: true, dateOfBirth: true },
  });
  const hashes = new Set(known.flatMap((patient) => (patient.cprHash ? [patient.cprHash] : [])));
  const namesAndBirthDates = new Set(
    known.map((patient) => `${patient.name.toLowerCase()}|${patient.dateOfBirth.toISOString()}`),
  );
  return rows.filter(({ input }) =>
    input.cpr
      ? !hashes.has(searchHash(input.cpr.digits))
      : !namesAndBirthDates.has(`${input.name.toLowerCase()}|${input.dateOfBirth.toISOString()}`),
  );
}
