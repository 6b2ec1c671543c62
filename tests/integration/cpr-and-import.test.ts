import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { currentDataKey } from "../../lib/platform/cpr/current-data-key";
import { DataKeyError, dataKeyFrom, generateDataKey } from "../../lib/platform/cpr/data-key";
import { checkDataKey } from "../../lib/platform/cpr/key-check";
import { isAppError } from "../../lib/platform/errors";
import { parseCaseloadQuery } from "../../lib/server/caseload/caseload-query";
import { listCaseload } from "../../lib/server/caseload/list-caseload";
import { MAX_IMPORT_ROWS } from "../../lib/server/patients/import/import-columns";
import { importPatients } from "../../lib/server/patients/import/import-patients";
import { createPatient, updatePatient } from "../../lib/server/patients/patients";
import { revealCpr } from "../../lib/server/patients/reveal-cpr";
import { createClinic, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinician: Actor;
let admin: Actor;
let outsider: Actor;
const today = () => new Date("2026-12-02T00:00:00.000Z");
const options = { today, confirmDuplicate: false };
const karen = { name: "Karen Holm", cpr: "120475-1236", sex: "FEMALE", affectedSide: "RIGHT" };
const HEADER = "Navn;CPR-nummer;Fødselsdato;Køn;E-mail;Telefon;Ramt side;Fysioterapeutens e-mail";
const file = (lines: string[]) => new TextEncoder().encode(`\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`);

beforeAll(async () => {
  t = await createTestDatabase();
  const clinic = await createClinic(t.prisma);
  clinician = actorOf(
    await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN", email: `fysio-${clinic.id}@example.test` }),
  );
  admin = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "ADMIN" }));
  outsider = actorOf(await createUser(t.prisma, { clinicId: (await createClinic(t.prisma)).id, role: "CLINICIAN" }));
});
afterAll(() => t.close());

const saved = (result: Awaited<ReturnType<typeof createPatient>>) =>
  result.status === "saved" ? result.patientId : expect.fail(JSON.stringify(result));

describe(`CPR numbers on ${TEST_DB_KIND}`, () => {
  it("are stored encrypted with a keyed hash, the birth date filled from the number", async () => {
    const id = saved(await createPatient(t.prisma, clinician, karen, options));
    const row = await t.prisma.patient.findUniqueOrThrow({ where: { id } });
    expect(row.dateOfBirth.toISOString().slice(0, 10)).toBe("1975-04-12");
    expect(row.cprEncrypted).not.toContain("1204751236");
    expect(row.cprHash).toBe(currentDataKey().searchHash("1204751236"));
    // Nothing about the number in the clear anywhere in the row.
    expect(JSON.stringify(row)).not.toMatch(/1204751236|120475-1236/);
  });

  it("refuse a malformed number, a date that does not exist, one that disagrees with the birth date, and a second patient with the same number", async () => {
    const before = await t.prisma.patient.count();
    expect(await createPatient(t.prisma, clinician, { ...karen, cpr: "12047-51236" }, options)).toEqual({
      status: "invalid",
      fieldErrors: { cpr: "invalidCpr", dateOfBirth: "required" },
    });
    expect(await createPatient(t.prisma, clinician, { ...karen, cpr: "310475-1236" }, options)).toMatchObject({
      status: "invalid",
      fieldErrors: { cpr: "invalidCprDate" },
    });
    expect(await createPatient(t.prisma, clinician, { ...karen, dateOfBirth: "1975-04-13" }, options)).toEqual({
      status: "invalid",
      fieldErrors: { cpr: "cprBirthDateMismatch" },
    });
    expect(
      await createPatient(t.prisma, clinician, { ...karen, name: "Karin Holm", cpr: "1204751236" }, options),
    ).toEqual({ status: "invalid", fieldErrors: { cpr: "cprTaken" } });
    expect(await t.prisma.patient.count()).toBe(before);
  });

  it("are unique per clinic only", async () => {
    expect((await createPatient(t.prisma, outsider, karen, options)).status).toBe("saved");
  });

  it("find their patient in the caseload by the exact number, masked in the row", async () => {
    const query = (q: string) => parseCaseloadQuery({ q, scope: "clinic", status: "any" });
    const found = await listCaseload(t.prisma, clinician, query("120475-1236"), today());
    expect(found.rows.map((row) => [row.name, row.maskedCpr])).toEqual([["Karen Holm", "120475-••••"]]);
    expect((await listCaseload(t.prisma, clinician, query("1204751236"), today())).rows).toHaveLength(1);
    expect((await listCaseload(t.prisma, clinician, query("120475-1237"), today())).rows).toHaveLength(0);
  });

  it("show in full on request, audited, and only within the clinic", async () => {
    const patient = await t.prisma.patient.findFirstOrThrow({
      where: { clinicId: clinician.clinicId, name: "Karen Holm" },
    });
    expect(await revealCpr(t.prisma, clinician, patient.id)).toBe("120475-1236");
    expect(
      await t.prisma.auditEvent.count({
        where: { actorId: clinician.userId, action: "READ", entity: "PatientCpr", entityId: patient.id },
      }),
    ).toBe(1);
    await expect(revealCpr(t.prisma, outsider, patient.id)).rejects.toSatisfy((e) => isAppError(e, "NOT_FOUND"));
  });

  it("stay when an edit leaves the field empty, change with a new number, and go only when asked", async () => {
    const patient = await t.prisma.patient.findFirstOrThrow({
      where: { clinicId: clinician.clinicId, name: "Karen Holm" },
    });
    const edit = (values: Record<string, string>) =>
      updatePatient(
        t.prisma,
        clinician,
        patient.id,
        {
          name: "Karen Holm",
          dateOfBirth: "1975-04-12",
          sex: "FEMALE",
          affectedSide: "RIGHT",
          clinicianId: clinician.userId,
          ...values,
        },
        options,
      );
    await edit({});
    expect((await t.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).cprHash).toBe(
      currentDataKey().searchHash("1204751236"),
    );
    await edit({ cpr: "120475-4321" });
    expect(await revealCpr(t.prisma, clinician, patient.id)).toBe("120475-4321");
    await edit({ removeCpr: "on" });
    expect(await t.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).toMatchObject({
      cprEncrypted: null,
      cprHash: null,
    });
  });

  it("refuse a process whose key is not the one the database was encrypted with", async () => {
    await checkDataKey(t.prisma, currentDataKey());
    await checkDataKey(t.prisma, currentDataKey());
    await expect(checkDataKey(t.prisma, dataKeyFrom(generateDataKey()))).rejects.toThrow(DataKeyError);
    await expect(checkDataKey(t.prisma, dataKeyFrom(generateDataKey()))).rejects.toThrow(
      /not the key this database was encrypted with/,
    );
  });
});

describe(`the patient import on ${TEST_DB_KIND}`, () => {
  const clinicianEmail = () => clinician.email;

  it("checks a file without writing, names each error by line and column, and writes nothing while any remains", async () => {
    const before = {
      patients: await t.prisma.patient.count(),
      audit: await t.prisma.auditEvent.count({ where: { action: "CREATE" } }),
    };
    const bad = file([
      `Anna Andersen;010190-1234;;K;;;venstre;${clinicianEmail()}`,
      `Bo Berg;;31-02-1980;M;;;højre;ukendt@example.test`,
      `Carl Carlsen;;1960-05-05;M;;;begge;${clinicianEmail()}`,
    ]);
    const result = await importPatients(t.prisma, admin, bad, { dryRun: false, today });
    expect(result).toMatchObject({
      status: "invalid",
      rows: 3,
      errors: [
        { line: 3, column: "clinicianEmail", code: "unknownClinician" },
        { line: 3, column: "dateOfBirth", code: "invalidDate" },
      ],
      headers: { clinicianEmail: "Fysioterapeutens e-mail", dateOfBirth: "Fødselsdato" },
    });
    expect({
      patients: await t.prisma.patient.count(),
      audit: await t.prisma.auditEvent.count({ where: { action: "CREATE" } }),
    }).toEqual(before);
    expect(
      await t.prisma.auditEvent.count({ where: { actorId: admin.userId, action: "IMPORT", entity: "PatientImport" } }),
    ).toBe(1);
  });

  it("refuses a file in another encoding with a message of its own, writing nothing", async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode("Navn;Køn\r\n").map((b) => b),
      0x53,
      0xf8,
      0x72,
      0x65,
      0x6e,
    ]);
    expect(await importPatients(t.prisma, admin, latin1, { dryRun: false, today })).toEqual({
      status: "fileProblem",
      problem: { code: "notUtf8" },
    });
  });

  it("names a NUL or another control character by line and column, checked or imported, writing nothing (review F-6)", async () => {
    const before = await t.prisma.patient.count();
    const hostile = file([
      `Nul\u0000Nielsen;;1970-01-01;K;;;venstre;${clinicianEmail()}`,
      `Bell Berg;;1971-01-01;M;;12\u0007\u001b[31m34;højre;${clinicianEmail()}`,
    ]);
    for (const dryRun of [true, false]) {
      expect(await importPatients(t.prisma, admin, hostile, { dryRun, today })).toMatchObject({
        status: "invalid",
        errors: [
          { line: 2, column: "name", code: "invalidCharacters" },
          { line: 3, column: "phone", code: "invalidCharacters" },
        ],
      });
    }
    expect(await t.prisma.patient.count()).toBe(before);
  });

  it("refuses a file of millions of empty lines by its row count (review F-10)", async () => {
    const header = new TextEncoder().encode("Navn;Fødselsdato;Køn;Ramt side\r\n");
    const bytes = new Uint8Array(header.length + 2 * 4_900_000);
    bytes.set(header);
    for (let i = header.length; i < bytes.length; i += 2) bytes.set([13, 10], i);
    expect(await importPatients(t.prisma, admin, bytes, { dryRun: true, today })).toEqual({
      status: "fileProblem",
      problem: { code: "tooManyRows", max: MAX_IMPORT_ROWS },
    });
    // How long and how much memory that takes is measured by npm run bench:import.
  });

  it("imports a corrected file whole, audited, and a second import adds nothing", async () => {
    const good = file([
      `Anna Andersen;010190-1234;;K;anna@example.test;;venstre;${clinicianEmail()}`,
      `Bo Berg;;28-02-1980;M;;+45 12 34 56 78;højre;${clinicianEmail()}`,
      // Karen Holm is already there by her CPR number (the clinician registered her above).
      `Karen Holm;120475-4321;;K;;;højre;${clinicianEmail()}`,
    ]);
    const patientsBefore = await t.prisma.patient.count({ where: { clinicId: admin.clinicId } });
    expect(await importPatients(t.prisma, admin, good, { dryRun: true, today })).toEqual({
      status: "checked",
      rows: 3,
      added: 3,
      existing: 0,
    });
    expect(await t.prisma.patient.count({ where: { clinicId: admin.clinicId } })).toBe(patientsBefore);
    // The edit above removed Karen's number; give it back so the file matches her by CPR.
    const karenRow = await t.prisma.patient.findFirstOrThrow({
      where: { clinicId: admin.clinicId, name: "Karen Holm" },
    });
    await updatePatient(
      t.prisma,
      clinician,
      karenRow.id,
      { name: "Karen Holm", cpr: "120475-4321", sex: "FEMALE", affectedSide: "RIGHT", clinicianId: clinician.userId },
      options,
    );

    expect(await importPatients(t.prisma, admin, good, { dryRun: false, today })).toEqual({
      status: "imported",
      rows: 3,
      added: 2,
      existing: 1,
    });
    const anna = await t.prisma.patient.findFirstOrThrow({
      where: { clinicId: admin.clinicId, name: "Anna Andersen" },
    });
    expect(anna).toMatchObject({
      clinicianId: clinician.userId,
      sex: "FEMALE",
      affectedSide: "LEFT",
      email: "anna@example.test",
    });
    expect(anna.dateOfBirth.toISOString().slice(0, 10)).toBe("1990-01-01");
    expect(await revealCpr(t.prisma, admin, anna.id)).toBe("010190-1234");
    expect(
      await t.prisma.auditEvent.count({
        where: { actorId: admin.userId, action: "CREATE", entity: "Patient", entityId: anna.id },
      }),
    ).toBe(1);

    const after = await t.prisma.patient.count({ where: { clinicId: admin.clinicId } });
    expect(await importPatients(t.prisma, admin, good, { dryRun: false, today })).toEqual({
      status: "imported",
      rows: 3,
      added: 0,
      existing: 3,
    });
    expect(await t.prisma.patient.count({ where: { clinicId: admin.clinicId } })).toBe(after);
  });

  it("is for administrators only", async () => {
    await expect(importPatients(t.prisma, clinician, file([]), { dryRun: true, today })).rejects.toSatisfy((e) =>
      isAppError(e),
    );
  });
});
