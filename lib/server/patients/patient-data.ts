import type { Prisma } from "../../generated/prisma/client";
import { cprColumns } from "./cpr-columns";
import type { TPatientInput } from "./patient-input";

/**
 * A checked patient input as the Patient row stores it, for the patient form and the import
 * alike. The CPR columns: a new number encrypted, its removal, or nothing (kept as stored).
 */
export function patientData(input: TPatientInput) {
  return {
    name: input.name,
    dateOfBirth: input.dateOfBirth,
    sex: input.sex,
    email: input.email ?? null,
    phone: input.phone ?? null,
    gpName: input.gpName ?? null,
    gpPractice: input.gpPractice ?? null,
    gpLocationNumber: input.gpLocationNumber ?? null,
    gpAddress: input.gpAddress ?? null,
    affectedSide: input.affectedSide,
    occupation: input.occupation ?? null,
    standingHoursPerDay: input.standingHoursPerDay ?? null,
    runningKmPerWeek: input.runningKmPerWeek ?? null,
    recentLoadChange: input.recentLoadChange,
    shoeAgeKm: input.shoeAgeKm ?? null,
    heightCm: input.heightCm ?? null,
    weightKg: input.weightKg ?? null,
    footType: input.footType,
    comorbidities: input.comorbidities,
    clinicianId: input.clinicianId,
    ...cprData(input),
  } satisfies Prisma.PatientUncheckedUpdateInput;
}

function cprData(input: TPatientInput): { cprEncrypted?: string | null; cprHash?: string | null } {
  if (input.cpr) return cprColumns(input.cpr.digits);
  if (input.removeCpr) return { cprEncrypted: null, cprHash: null };
  return {};
}
