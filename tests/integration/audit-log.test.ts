import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_PAGE_SIZE, exportAuditEvents, listAuditEvents, ZAuditQuery } from "../../lib/platform/audit/audit-log";
import type { Actor } from "../../lib/platform/auth/actor";
import { toDanishCsv } from "../../lib/platform/csv/danish-csv";
import { isAppError } from "../../lib/platform/errors";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { readDanishCsv } from "../support/read-danish-csv";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let admin: Actor;
let clinician: Actor;
let patientId: string;
let episodeId: string;
const query = (raw: Record<string, string> = {}) => ZAuditQuery.parse(raw);

beforeAll(async () => {
  t = await createTestDatabase();
  const clinicId = (await createClinic(t.prisma)).id;
  admin = actorOf(await createUser(t.prisma, { clinicId, role: "ADMIN", name: "Anne Admin" }));
  clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN", name: "Carl Clausen" }));
  const patient = await createPatient(t.prisma, { clinicId, clinicianId: clinician.userId, name: "Pia Patient" });
  const other = await createPatient(t.prisma, { clinicId, clinicianId: clinician.userId, name: "Ole Other" });
  patientId = patient.id;
  episodeId = (
    await t.prisma.episode.create({
      data: {
        clinicId,
        patientId,
        side: "LEFT",
        symptomOnset: new Date("2026-09-01"),
        treatmentStart: new Date("2026-09-01"),
      },
    })
  ).id;
  // Another clinic's event on the same day never shows.
  const elsewhere = await createClinic(t.prisma);
  const stranger = await createUser(t.prisma, { clinicId: elsewhere.id, role: "ADMIN" });
  const event = (
    actor: { clinicId: string; userId: string },
    action: "READ" | "CREATE" | "UPDATE",
    entity: string,
    entityId: string,
    at: string,
  ) =>
    t.prisma.auditEvent.create({
      data: {
        clinicId: actor.clinicId,
        actorId: actor.userId,
        action,
        entity,
        entityId,
        ip: "10.0.0.1",
        at: new Date(at),
      },
    });
  await event(clinician, "CREATE", "Patient", patientId, "2026-10-01T08:00:00Z");
  await event(clinician, "CREATE", "Episode", episodeId, "2026-10-01T08:05:00Z");
  await event(admin, "READ", "Patient", patientId, "2026-10-02T09:00:00Z");
  await event(clinician, "UPDATE", "Patient", other.id, "2026-10-03T10:00:00Z");
  await event(admin, "UPDATE", "User", clinician.userId, "2026-10-04T11:00:00Z");
  await event({ clinicId: elsewhere.id, userId: stranger.id }, "READ", "Patient", patientId, "2026-10-02T12:00:00Z");
});
afterAll(() => t.close());

describe(`the audit log on ${TEST_DB_KIND}`, () => {
  it("lists the clinic's events newest first, with who and whom, and records the reading", async () => {
    const { total, rows } = await listAuditEvents(t.prisma, admin, query({ to: "2026-10-31" }));
    expect(total).toBe(5);
    expect(rows.map((row) => [row.action, row.entity, row.actorName, row.subject])).toEqual([
      ["UPDATE", "User", "Anne Admin", "Carl Clausen"],
      ["UPDATE", "Patient", "Carl Clausen", "Ole Other"],
      ["READ", "Patient", "Anne Admin", "Pia Patient"],
      ["CREATE", "Episode", "Carl Clausen", "Pia Patient"],
      ["CREATE", "Patient", "Carl Clausen", "Pia Patient"],
    ]);
    expect(
      await t.prisma.auditEvent.count({ where: { actorId: admin.userId, action: "READ", entity: "AuditLog" } }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("filters by patient (their records too), user, action and dates", async () => {
    const ids = async (raw: Record<string, string>) =>
      (await listAuditEvents(t.prisma, admin, query({ to: "2026-10-31", ...raw }))).rows.map(
        (row) => `${row.action} ${row.entity}`,
      );
    expect(await ids({ patient: patientId })).toEqual(["READ Patient", "CREATE Episode", "CREATE Patient"]);
    expect(await ids({ user: admin.userId })).toEqual(["UPDATE User", "READ Patient"]);
    expect(await ids({ action: "CREATE" })).toEqual(["CREATE Episode", "CREATE Patient"]);
    expect(await ids({ from: "2026-10-02", to: "2026-10-03" })).toEqual(["UPDATE Patient", "READ Patient"]);
    expect((await listAuditEvents(t.prisma, admin, query({ patient: patientId }))).patient).toEqual({
      id: patientId,
      name: "Pia Patient",
    });
  });

  it("reads a bad query as no filter rather than failing", () => {
    expect(query({ patient: "x", user: "1; drop", action: "EXPLODE", from: "2026-13-45", page: "-3" })).toEqual({
      page: 1,
    });
  });

  it("pages by AUDIT_PAGE_SIZE without overlap", async () => {
    const day = "2026-09-15";
    await t.prisma.auditEvent.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 7 }, (_, i) => ({
        clinicId: admin.clinicId,
        actorId: clinician.userId,
        action: "READ" as const,
        entity: "Patient",
        entityId: patientId,
        at: new Date(`${day}T10:00:${String(i % 60).padStart(2, "0")}Z`),
      })),
    });
    const view = { from: day, to: day };
    const first = await listAuditEvents(t.prisma, admin, query(view));
    const second = await listAuditEvents(t.prisma, admin, query({ ...view, page: "2" }));
    expect([first.total, first.rows.length, second.rows.length]).toEqual([AUDIT_PAGE_SIZE + 7, AUDIT_PAGE_SIZE, 7]);
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(AUDIT_PAGE_SIZE + 7);
  });

  it("exports every event of the view as a Danish CSV, and records the export", async () => {
    const rows = await exportAuditEvents(t.prisma, admin, query({ patient: patientId, from: "2026-10-01" }));
    const csv = toDanishCsv(
      ["tid", "bruger", "post"],
      rows.map((row) => [row.at.toISOString(), row.actorName, row.subject]),
    );
    expect(readDanishCsv(csv)).toEqual([
      ["tid", "bruger", "post"],
      ["2026-10-02T09:00:00.000Z", "Anne Admin", "Pia Patient"],
      ["2026-10-01T08:05:00.000Z", "Carl Clausen", "Pia Patient"],
      ["2026-10-01T08:00:00.000Z", "Carl Clausen", "Pia Patient"],
    ]);
    expect(
      await t.prisma.auditEvent.count({ where: { actorId: admin.userId, action: "EXPORT", entity: "AuditLog" } }),
    ).toBe(1);
  });

  it("is for admins only", async () => {
    await expect(listAuditEvents(t.prisma, clinician, query())).rejects.toSatisfy((e) => isAppError(e, "NOT_FOUND"));
    await expect(exportAuditEvents(t.prisma, clinician, query())).rejects.toSatisfy((e) => isAppError(e, "NOT_FOUND"));
  });
});
