import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { getClinicContact, getClinicProfile, saveClinicProfile } from "../../lib/server/clinics/clinic-profile";
import { lookupInvite } from "../../lib/server/invites/accept-invite";
import { createInvite } from "../../lib/server/invites/invites";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let admin: Actor;
let clinician: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  const clinic = await createClinic(t.prisma, { name: "Fysio Vest" });
  admin = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "ADMIN" }));
  clinician = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
});
afterAll(() => t.close());

describe(`the clinic's profile on ${TEST_DB_KIND}`, () => {
  it("refuses bad numbers field by field and changes nothing", async () => {
    expect(
      await saveClinicProfile(t.prisma, admin, {
        name: " ",
        phone: "12 34",
        cvr: "1234567",
        locationNumber: "57900012345",
      }),
    ).toEqual({
      status: "invalid",
      fieldErrors: {
        name: "required",
        phone: "invalidPhone",
        cvr: "invalidCvr",
        locationNumber: "invalidLocationNumber",
      },
    });
    expect(await getClinicProfile(t.prisma, admin)).toMatchObject({ name: "Fysio Vest", phone: "" });
  });

  it("saves what an admin gives, audited, and every page that names the clinic shows it", async () => {
    expect(
      await saveClinicProfile(t.prisma, admin, {
        name: "Fysio Vest ApS",
        address: "Nørregade 12, 8000 Aarhus C",
        phone: "33 12 34 56",
        openingHours: "Man–fre 8–16",
        cvr: "1234 5678",
        locationNumber: "5790001234567",
      }),
    ).toEqual({ status: "saved" });
    expect(await getClinicProfile(t.prisma, admin)).toEqual({
      name: "Fysio Vest ApS",
      address: "Nørregade 12, 8000 Aarhus C",
      phone: "33 12 34 56",
      openingHours: "Man–fre 8–16",
      cvr: "12345678",
      locationNumber: "5790001234567",
    });
    expect(
      await t.prisma.auditEvent.count({ where: { entity: "ClinicProfile", action: "UPDATE", actorId: admin.userId } }),
    ).toBe(1);
    expect(await getClinicContact(t.prisma, admin.clinicId)).toEqual({
      name: "Fysio Vest ApS",
      address: "Nørregade 12, 8000 Aarhus C",
      phone: "33 12 34 56",
      openingHours: "Man–fre 8–16",
    });
    // The invitation page names the clinic with its phone.
    const patient = await createPatient(t.prisma, { clinicId: clinician.clinicId, clinicianId: clinician.userId });
    const invite = await createInvite(t.prisma, clinician, patient.id, new Date(), "http://localhost", {
      email: "vest@example.test",
    });
    if (invite.status !== "created") throw new Error(invite.status);
    expect(await lookupInvite(t.prisma, invite.token, new Date())).toMatchObject({
      clinic: { name: "Fysio Vest ApS", phone: "33 12 34 56" },
    });
    // Its e-mail is signed with the clinic's address and phone, in text and in HTML.
    const email = await t.prisma.emailMessage.findFirstOrThrow({ where: { to: "vest@example.test" } });
    expect(email.text).toContain("Venlig hilsen\nFysio Vest ApS\nNørregade 12, 8000 Aarhus C\nTelefon 33 12 34 56");
    expect(email.html).toContain("Fysio Vest ApS<br>Nørregade 12, 8000 Aarhus C<br>Telefon 33 12 34 56");
  });

  it("is an admin's to read and change", async () => {
    await expect(getClinicProfile(t.prisma, clinician)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveClinicProfile(t.prisma, clinician, { name: "Mine" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
