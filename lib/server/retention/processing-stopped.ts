// A patient who asked to be erased inside the retention period keeps their record, but it takes
// no more writes (SPEC §9): every write to the patient or their episodes checks here.
import { AppError } from "../../platform/errors";

export function assertProcessing(patient: { processingStoppedAt: Date | null }): void {
  if (patient.processingStoppedAt) throw new AppError("PROCESSING_STOPPED");
}

/** Whether the patient page offers writing: not for an archived patient, nor one whose processing stopped. */
export function acceptsEntries(patient: { archivedAt: Date | null; processingStoppedAt: Date | null }): boolean {
  return patient.archivedAt === null && patient.processingStoppedAt === null;
}
