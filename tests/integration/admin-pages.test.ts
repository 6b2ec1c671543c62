// The admin pages of usability finding 14, on the database: the rule settings' dry run (how many
// open episodes and patients a change would give other flags) against what the re-evaluation then
// really does, a settings change audited old → new, and the audit log filtered by a patient found
// by name (a patient's request to know who has read their record).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_RULE_SETTINGS, SETTING_NAMES } from "../../lib/clinical/rules/settings";
import { exportAuditEvents, listAuditEvents, ZAuditQuery } from "../../lib/platform/audit/audit-log";
import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, DEFAULT_TIME_ZONE, today } from "../../lib/platform/dates";
import { toFieldValue } from "../../lib/present/settings/rule-setting-fields";
import { refreshEpisodeState } from "../../lib/server/episodes/episode-state";
import { previewClinicRuleSettings, updateClinicRuleSettings } from "../../lib/server/rules/clinic-rule-settings";
import { runReevaluation } from "../../lib/server/rules/reevaluation";
import { ruleSettingsImpact } from "../../lib/server/rules/settings-impact";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let admin: Actor;
let clinician: Actor;
let stranger: Actor;
const day = today(DEFAULT_TIME_ZONE);
/** The defaults as the settings form holds them (a share in percent). */
const form = (change: Record<string, string> = {}) => ({
  ...Object.fromEntries(SETTING_NAMES.map((name) => [name, String(toFieldValue(name, DEFAULT_RULE_SETTINGS[name]))])),
  ...change,
});

/** An episode started `daysAgo`, first-step pain 6 at its start and 20 days in: no improvement. */
async function episode(actor: Actor, daysAgo: number, name?: string, status: "ACTIVE" | "DISCHARGED" = "ACTIVE") {
  const patient = await createPatient(t.prisma, {
    clinicId: actor.clinicId,
    clinicianId: actor.userId,
    ...(name && { name }),
  });
  const start = addDays(day, -daysAgo);
  const created = await t.prisma.episode.create({
    data: {
      clinicId: actor.clinicId,
      patientId: patient.id,
      side: "LEFT",
      symptomOnset: start,
      treatmentStart: start,
      status,
      ...(status === "DISCHARGED" && { dischargedAt: day }),
    },
  });
  await t.prisma.outcomeMeasurement.createMany({
    data: [0, 20].map((d) => ({
      clinicId: actor.clinicId,
      episodeId: created.id,
      recordedById: actor.userId,
      recordedBy: "CLINICIAN" as const,
      date: addDays(start, d),
      instrument: "NRS_FIRST_STEP" as const,
      value: 6,
    })),
  });
  await refreshEpisodeState(t.prisma, [created.id], day);
  return { patient, episode: created };
}

/** Each open episode's unresolved flags as "CODE:SEVERITY", by episode. */
async function storedFlags(clinicId: string) {
  const flags = await t.prisma.flag.findMany({
    where: { clinicId, status: { not: "RESOLVED" } },
    select: { episodeId: true, code: true, severity: true },
  });
  const byEpisode = new Map<string, string[]>();
  for (const flag of flags)
    byEpisode.set(flag.episodeId, [...(byEpisode.get(flag.episodeId) ?? []), `${flag.code}:${flag.severity}`]);
  return new Map([...byEpisode].map(([id, list]) => [id, list.sort().join(",")]));
}

let pia: { id: string };
beforeAll(async () => {
  t = await createTestDatabase();
  const clinicId = (await createClinic(t.prisma)).id;
  admin = actorOf(await createUser(t.prisma, { clinicId, role: "ADMIN", name: "Anne Admin" }));
  clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN", name: "Carl Clausen" }));
  // 50 days in: NO_IMPROVEMENT as a warning (high from day 56).
  pia = (await episode(clinician, 50, "Pia Poulsen")).patient;
  // 30 days in: no flag for it yet (from day 42).
  await episode(clinician, 30, "Per Poulsen");
  // Discharged: never evaluated.
  await episode(clinician, 50, "Dorte Discharged", "DISCHARGED");
  // Another clinic's episode, just like the first.
  const elsewhere = await createClinic(t.prisma);
  stranger = actorOf(await createUser(t.prisma, { clinicId: elsewhere.id, role: "ADMIN" }));
  await episode(stranger, 50, "Pia Poulsen");
});
afterAll(() => t.close());

describe(`the rule settings' dry run on ${TEST_DB_KIND}`, () => {
  it("counts the open episodes and patients whose flags a change would alter, and writes nothing", async () => {
    const before = await storedFlags(admin.clinicId);
    const events = await t.prisma.flagEvent.count();
    // High from day 49: the 50-day episode's warning becomes high.
    expect(await ruleSettingsImpact(t.prisma, admin, { ...DEFAULT_RULE_SETTINGS, noImprovementHighDays: 49 })).toEqual({
      episodes: 1,
      patients: 1,
      opened: 0,
      resolved: 0,
      changed: 1,
      evaluated: 2,
      total: 2,
      sampled: false,
    });
    // From day 28: the 30-day episode gets the flag; the 50-day one keeps its warning.
    expect(
      await ruleSettingsImpact(t.prisma, admin, { ...DEFAULT_RULE_SETTINGS, noImprovementDays: 28 }),
    ).toMatchObject({ episodes: 1, patients: 1, opened: 1, resolved: 0, changed: 0 });
    // From day 60: the 50-day episode's flag would go.
    expect(
      await ruleSettingsImpact(t.prisma, admin, {
        ...DEFAULT_RULE_SETTINGS,
        noImprovementDays: 60,
        noImprovementHighDays: 70,
      }),
    ).toMatchObject({ episodes: 1, opened: 0, resolved: 1 });
    // The same settings change nothing.
    expect(await ruleSettingsImpact(t.prisma, admin, DEFAULT_RULE_SETTINGS)).toMatchObject({
      episodes: 0,
      patients: 0,
    });
    expect(await storedFlags(admin.clinicId)).toEqual(before);
    expect(await t.prisma.flagEvent.count()).toBe(events);
  });

  it("estimates from an even spread of the episodes when there are too many, and says so", async () => {
    const impact = await ruleSettingsImpact(
      t.prisma,
      admin,
      { ...DEFAULT_RULE_SETTINGS, noImprovementDays: 28 },
      { maxEpisodes: 1 },
    );
    expect(impact).toMatchObject({ evaluated: 1, total: 2, sampled: true });
  });

  it("previews from the form's values: percentages in, the rules' fractions out; nothing changed, no impact", async () => {
    expect(await previewClinicRuleSettings(t.prisma, admin, form())).toEqual({
      status: "preview",
      changes: {},
      impact: null,
    });
    const preview = await previewClinicRuleSettings(t.prisma, admin, form({ adherenceMinFraction: "60" }));
    expect(preview).toMatchObject({ status: "preview", changes: { adherenceMinFraction: [0.5, 0.6] } });
    expect(await previewClinicRuleSettings(t.prisma, admin, form({ adherenceMinFraction: "0,6" }))).toEqual({
      status: "invalid",
      fieldErrors: { adherenceMinFraction: "wholeNumber" },
    });
  });

  it("foretells what the re-evaluation then does, and the change is audited old → new", async () => {
    const change = form({ noImprovementHighDays: "49", adherenceMinFraction: "60" });
    const preview = await previewClinicRuleSettings(t.prisma, admin, change);
    if (preview.status !== "preview") throw new Error("invalid");
    const before = await storedFlags(admin.clinicId);
    expect(await updateClinicRuleSettings(t.prisma, admin, change)).toEqual({ status: "saved", episodes: 2 });
    await runReevaluation(t.prisma, admin.clinicId);
    const after = await storedFlags(admin.clinicId);
    const differing = [...new Set([...before.keys(), ...after.keys()])].filter(
      (id) => before.get(id) !== after.get(id),
    );
    expect(preview.impact?.episodes).toBe(differing.length);
    expect(differing.length).toBe(1);

    const { rows } = await listAuditEvents(t.prisma, admin, ZAuditQuery.parse({}));
    const saved = rows.find((row) => row.entity === "ClinicRuleSettings");
    expect(saved).toMatchObject({
      action: "UPDATE",
      changes: { noImprovementHighDays: [56, 49], adherenceMinFraction: [0.5, 0.6] },
    });
    expect(rows.filter((row) => row.entity !== "ClinicRuleSettings").every((row) => row.changes === null)).toBe(true);
  });
});

describe(`the audit log by patient on ${TEST_DB_KIND}`, () => {
  it("finds one patient by part of the name and shows who read their record, and only theirs", async () => {
    await t.prisma.auditEvent.create({
      data: {
        clinicId: admin.clinicId,
        actorId: clinician.userId,
        action: "READ",
        entity: "Patient",
        entityId: pia.id,
      },
    });
    const found = await listAuditEvents(t.prisma, admin, ZAuditQuery.parse({ patientName: "  pia " }));
    expect(found.patient).toEqual({ id: pia.id, name: "Pia Poulsen" });
    expect(found.query.patient).toBe(pia.id);
    expect(found.choices).toBeNull();
    expect(found.total).toBeGreaterThan(0);
    expect(found.rows.every((row) => row.subject === "Pia Poulsen")).toBe(true);
    expect(found.rows.some((row) => row.action === "READ" && row.actorName === "Carl Clausen")).toBe(true);
  });

  it("offers the clinic's patients to choose from when several match, and lists no events until one is chosen", async () => {
    const several = await listAuditEvents(t.prisma, admin, ZAuditQuery.parse({ patientName: "poulsen" }));
    // Another clinic's Pia Poulsen is not among them.
    expect(several.choices?.map((c) => c.name)).toEqual(["Per Poulsen", "Pia Poulsen"]);
    expect(several).toMatchObject({ total: 0, rows: [], patient: null, moreChoices: false });
    const none = await listAuditEvents(t.prisma, admin, ZAuditQuery.parse({ patientName: "Zacharias" }));
    expect(none.choices).toEqual([]);
    // The export of a name that matches several holds nothing; of one that matches one, that patient's.
    expect(await exportAuditEvents(t.prisma, admin, ZAuditQuery.parse({ patientName: "poulsen" }))).toEqual([]);
    const exported = await exportAuditEvents(t.prisma, admin, ZAuditQuery.parse({ patientName: "pia" }));
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.every((row) => row.subject === "Pia Poulsen")).toBe(true);
    // The chosen patient's id filters, whatever the name field says.
    const chosen = await listAuditEvents(t.prisma, admin, ZAuditQuery.parse({ patient: pia.id, patientName: "per" }));
    expect(chosen.patient?.name).toBe("Pia Poulsen");
  });
});
