import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { authenticate } from "../../lib/platform/auth/authenticate";
import { addDays } from "../../lib/platform/dates";
import {
  DEMO_PASSWORD,
  DEMO_SCENARIOS,
  DEMO_USERS,
  SECOND_CLINIC_CLINICIAN,
  seedDemoOnce,
} from "../../lib/server/seed/demo";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const seedDay = new Date("2026-03-01T00:00:00.000Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoOnce(t.prisma, seedDay);
}, 300_000);
afterAll(() => t.close());

describe(`demo data on ${TEST_DB_KIND}`, () => {
  it("lets every demo user sign in with the demo password and gives each their role", async () => {
    for (const user of [...DEMO_USERS, { ...SECOND_CLINIC_CLINICIAN, role: "CLINICIAN" as const }]) {
      expect(await authenticate(t.prisma, { email: user.email, password: DEMO_PASSWORD })).toMatchObject({
        role: user.role,
      });
    }
  });

  it("holds at least 40 patients in the demo clinic and a second clinic with its own", async () => {
    const clinics = await t.prisma.clinic.findMany({
      include: { _count: { select: { patients: true } } },
      orderBy: { createdAt: "asc" },
    });
    expect(clinics.map((clinic) => clinic.name)).toEqual(["Demo Fysioterapi", "Anden Fysioterapi"]);
    expect(clinics[0]!._count.patients).toBeGreaterThanOrEqual(40);
    expect(clinics[1]!._count.patients).toBeGreaterThan(0);
  });

  it("links patient@demo.dk to one of the demo clinic's patients", async () => {
    const user = await t.prisma.user.findUniqueOrThrow({
      where: { email: "patient@demo.dk" },
      include: { portalPatient: true },
    });
    expect(user.portalPatient?.clinicId).toBe(user.clinicId);
  });

  it("spans courses over 3 and over 12 months, a red flag, and poor adherence", async () => {
    const starts = await t.prisma.episode.findMany({ select: { treatmentStart: true } });
    expect(starts.some((e) => e.treatmentStart <= addDays(seedDay, -84))).toBe(true);
    expect(starts.some((e) => e.treatmentStart <= addDays(seedDay, -365))).toBe(true);
    expect(await t.prisma.assessment.count({ where: { redFlags: { isEmpty: false } } })).toBeGreaterThan(0);
    expect(DEMO_SCENARIOS).toEqual(
      expect.arrayContaining([
        "IMPROVING",
        "PLATEAU",
        "WORSENING",
        "RED_FLAG",
        "LONG_3_MONTHS",
        "LONG_12_MONTHS",
        "LOW_ADHERENCE",
      ]),
    );
  });

  it("shows the red flags and differentials of the 2026-11-25 rules, and a red flag kept open by an unscreened visit", async () => {
    const demo = await t.prisma.clinic.findFirstOrThrow({ where: { name: "Demo Fysioterapi" } });
    const open = await t.prisma.flag.findMany({
      where: { clinicId: demo.id, status: "OPEN", code: { in: ["RED_FLAG", "DIAGNOSIS_DOUBT"] } },
    });
    const codesOf = (code: string, key: "redFlags" | "findings") =>
      open.filter((f) => f.code === code).flatMap((f) => (f.evidence as Record<string, string[]>)[key] ?? []);
    expect(codesOf("RED_FLAG", "redFlags")).toEqual(
      expect.arrayContaining(["POSITIVE_CALCANEAL_SQUEEZE", "FEVER_MALAISE", "NIGHT_OR_REST_PAIN"]),
    );
    expect(codesOf("DIAGNOSIS_DOUBT", "findings")).toEqual(
      expect.arrayContaining(["NEURAL_SYMPTOMS", "INFLAMMATORY_SIGNS"]),
    );
    const unscreened = await t.prisma.assessment.findMany({
      where: { clinicId: demo.id, redFlagsScreened: false },
      select: { episodeId: true },
    });
    expect(unscreened.length).toBeGreaterThan(0);
    expect(open.some((f) => f.code === "RED_FLAG" && unscreened.some((a) => a.episodeId === f.episodeId))).toBe(true);
    // Every visit's first-step pain is its measurement.
    expect(
      await t.prisma.assessment.count({ where: { clinicId: demo.id, firstStepPain: { not: null }, visitPain: null } }),
    ).toBe(0);
  });

  it("has assessments, outcomes, program assignments and daily portal logs", async () => {
    expect(await t.prisma.assessment.count()).toBeGreaterThan(40);
    expect(await t.prisma.programAssignment.count({ where: { kind: "HSR" } })).toBeGreaterThan(30);
    expect(await t.prisma.sessionLog.count()).toBeGreaterThan(500);
    expect(await t.prisma.outcomeMeasurement.count({ where: { recordedBy: "PATIENT" } })).toBeGreaterThan(1000);
  });

  it("seeds once: a second run adds nothing", async () => {
    const before = await t.prisma.patient.count();
    expect(await seedDemoOnce(t.prisma, seedDay)).toBeNull();
    expect(await t.prisma.patient.count()).toBe(before);
  });
});
