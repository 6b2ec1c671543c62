// Builders for clinics, users and patients, shared by the demo seed and the tests.
// Each fills in plausible defaults so a caller states only what matters to it.
import { randomUUID } from "node:crypto";

import { RULE_VERSION } from "../../clinical/rules/evaluate";
import type { Prisma } from "../../generated/prisma/client";
import type { Role } from "../../generated/prisma/enums";
import { hashPassword } from "../../platform/auth/password";
import type { Db } from "../../platform/db/client";
import { cprColumns } from "../patients/cpr-columns";

type Tx = Pick<Db, "clinic" | "user" | "patient">;

/** A clinic; its flags will be made by today's rules, so no re-evaluation is due. */
export async function createClinic(db: Tx, data: Partial<Prisma.ClinicUncheckedCreateInput> = {}) {
  return db.clinic.create({
    data: { name: `Clinic ${randomUUID().slice(0, 8)}`, rulesVersion: RULE_VERSION, ...data },
  });
}

export type UserInput = {
  clinicId: string;
  role: Role;
  email?: string;
  name?: string;
  password?: string;
  /** Skips hashing when many users share one password. */
  passwordHash?: string;
  active?: boolean;
};

export async function createUser(db: Tx, input: UserInput) {
  const { password = randomUUID(), passwordHash, ...rest } = input;
  return db.user.create({
    data: {
      email: `${input.role.toLowerCase()}-${randomUUID()}@example.test`,
      name: `${input.role} ${randomUUID().slice(0, 6)}`,
      ...rest,
      passwordHash: passwordHash ?? (await hashPassword(password)),
    },
  });
}

/** A patient; `cpr` (ten digits) is stored encrypted as the app stores it. */
export async function createPatient(
  db: Tx,
  {
    cpr,
    ...data
  }: Pick<Prisma.PatientUncheckedCreateInput, "clinicId" | "clinicianId"> &
    Partial<Prisma.PatientUncheckedCreateInput> & { cpr?: string },
) {
  return db.patient.create({
    data: {
      name: `Patient ${randomUUID().slice(0, 8)}`,
      dateOfBirth: new Date("1980-01-01T00:00:00.000Z"),
      sex: "FEMALE",
      affectedSide: "LEFT",
      ...(cpr ? cprColumns(cpr) : {}),
      ...data,
    },
  });
}
