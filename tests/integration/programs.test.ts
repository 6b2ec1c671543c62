import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, DEFAULT_TIME_ZONE, isoDate, today } from "../../lib/platform/dates";
import { isAppError } from "../../lib/platform/errors";
import { templateDescription } from "../../lib/present/programs/template-name";
import { refreshEpisodeState } from "../../lib/server/episodes/episode-state";
import {
  adjustAssignment,
  assignProgram,
  continueAsMaintenance,
  endAssignment,
  overrideProgression,
} from "../../lib/server/programs/assignments";
import { getCurrentPlan } from "../../lib/server/programs/current-plan";
import { programContentValues } from "../../lib/server/programs/program-content-input";
import {
  copyTemplate,
  listTemplates,
  saveTemplateVersion,
  seedDefaultTemplates,
} from "../../lib/server/programs/templates";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const programsOf = async (actor: Actor, episodeId: string) =>
  (await getCurrentPlan(t.prisma, actor, episodeId, today(DEFAULT_TIME_ZONE))).programs;
let admin: Actor;
let clinician: Actor;
let outsider: Actor;
let clinicId: string;
let otherTemplateId: string;
const now = today(DEFAULT_TIME_ZONE);
const start = addDays(now, -22); // program week 4 today

async function newEpisode() {
  const patient = await createPatient(t.prisma, { clinicId, clinicianId: clinician.userId });
  return (
    await t.prisma.episode.create({
      data: { clinicId, patientId: patient.id, side: "LEFT", symptomOnset: start, treatmentStart: start },
    })
  ).id;
}
const templateId = async (actor: Actor, key: string) =>
  (await listTemplates(t.prisma, actor)).find((tpl) => tpl.key === key)!.id;
const valid = async (overrides: Record<string, string> = {}) => ({
  templateId: await templateId(clinician, "hsr-12-weeks"),
  startDate: isoDate(start),
  sessionsPerWeek: "3",
  startingLoadKg: "0",
  ...overrides,
});

beforeAll(async () => {
  t = await createTestDatabase();
  clinicId = (await createClinic(t.prisma)).id;
  await seedDefaultTemplates(t.prisma, clinicId);
  await seedDefaultTemplates(t.prisma, clinicId); // a second run adds nothing
  admin = actorOf(await createUser(t.prisma, { clinicId, role: "ADMIN" }));
  clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
  const otherClinic = (await createClinic(t.prisma)).id;
  await seedDefaultTemplates(t.prisma, otherClinic);
  outsider = actorOf(await createUser(t.prisma, { clinicId: otherClinic, role: "CLINICIAN" }));
  otherTemplateId = await templateId(outsider, "hsr-12-weeks");
});
afterAll(() => t.close());

describe(`program templates on ${TEST_DB_KIND}`, () => {
  it("seeds the four programs of SPEC §6 once per clinic, HSR first", async () => {
    const templates = await listTemplates(t.prisma, clinician);
    expect(templates.map((tpl) => [tpl.kind, tpl.key, tpl.version])).toEqual([
      ["HSR", "hsr-12-weeks", 1],
      ["HSR", "hsr-rathleff-2015", 1],
      ["FIRST_WEEK", "first-week", 1],
      ["RETURN_TO_RUN", "return-to-run", 1],
    ]);
  });

  it("saves an admin's edit as a new version and leaves existing assignments as they were", async () => {
    const episodeId = await newEpisode();
    const v1 = await templateId(admin, "hsr-12-weeks");
    const assigned = await assignProgram(t.prisma, clinician, episodeId, await valid());
    expect(assigned.status).toBe("saved");
    const v1Content = (await listTemplates(t.prisma, admin)).find((tpl) => tpl.id === v1)!.content;
    const edit = {
      ...programContentValues(v1Content, "da"),
      nameDa: "HSR (klinikkens)",
      nameEn: "HSR (the clinic's)",
      descriptionDa: "Vores HSR med 15 gentagelser i første fase.",
      "phase.0.0.repsLow": "15",
      "phase.0.0.repsHigh": "15",
    };
    const saved = await saveTemplateVersion(t.prisma, admin, v1, edit);
    expect(saved.status).toBe("saved");
    const latest = (await listTemplates(t.prisma, admin)).find((tpl) => tpl.key === "hsr-12-weeks")!;
    expect(latest).toMatchObject({ version: 2, nameDa: "HSR (klinikkens)", nameEn: "HSR (the clinic's)" });
    // Its own description in Danish; none given in English, so the catalog's says what it is.
    expect(templateDescription(latest, "da")).toBe("Vores HSR med 15 gentagelser i første fase.");
    expect(templateDescription(latest, "en")).toMatch(/^Heavy slow heel raises for 12 weeks/);
    expect(latest.content.phases[0]!.exercises[0]!.reps).toEqual([15, 15]);
    const [program] = await programsOf(clinician, episodeId);
    expect(program).toMatchObject({ templateVersion: 1 });
    expect(program!.content.phases[0]!.exercises[0]!.reps).toEqual([12, 12]);
    // Editing version 1 again would overwrite version 2's change: refused.
    expect(await saveTemplateVersion(t.prisma, admin, v1, edit)).toEqual({ status: "stale" });
  });

  it("checks an edit field by field and writes nothing for bad input", async () => {
    const id = await templateId(admin, "hsr-rathleff-2015");
    const base = (await listTemplates(t.prisma, admin)).find((tpl) => tpl.id === id)!.content;
    const result = await saveTemplateVersion(t.prisma, admin, id, {
      ...programContentValues(base, "da"),
      nameDa: "",
      nameEn: "HSR",
      sessionsMin: "5",
      sessionsMax: "3",
      "phase.1.from": "4",
      "phase.0.0.sets": "0",
    });
    // Checks across fields (order, gaps, a complete tempo) come once every field is valid.
    expect(result).toEqual({ status: "invalid", fieldErrors: { nameDa: "required", "phase.0.0.sets": "outOfRange" } });
    const gaps = await saveTemplateVersion(t.prisma, admin, id, {
      ...programContentValues(base, "da"),
      nameDa: "X",
      nameEn: "X",
      sessionsMin: "5",
      sessionsMax: "3",
      "phase.1.from": "4",
      tempoHold: undefined,
    });
    expect(gaps).toEqual({
      status: "invalid",
      fieldErrors: { sessionsMax: "rangeOrder", "phase.1.from": "phaseGap", tempoHold: "required" },
    });
    expect(await t.prisma.programTemplate.count({ where: { clinicId, key: "hsr-rathleff-2015" } })).toBe(1);
  });

  it("adds an exercise to a phase in its empty slot and removes one by emptying its slot; a phase keeps one exercise and one heel raise at most", async () => {
    const id = await templateId(admin, "hsr-rathleff-2015");
    const base = (await listTemplates(t.prisma, admin)).find((tpl) => tpl.id === id)!.content;
    const values = { ...programContentValues(base, "da"), nameDa: "HSR med fodøvelser", nameEn: "HSR with foot work" };
    // Phase 1 holds the heel raise; its second slot is the empty one.
    const calf = {
      "phase.0.1.exercise": "CALF_LOWERING",
      "phase.0.1.sets": "1",
      "phase.0.1.repsLow": "10",
      "phase.0.1.repsHigh": "20",
      "phase.0.1.fromDay": "4",
    };
    expect(
      await saveTemplateVersion(t.prisma, admin, id, {
        ...values,
        "phase.0.1.exercise": "HEEL_RAISE_TOWEL",
        "phase.0.1.sets": "3",
        "phase.0.1.repsLow": "12",
        "phase.0.1.repsHigh": "12",
        "phase.0.1.fromDay": "1",
      }),
    ).toEqual({
      status: "invalid",
      fieldErrors: { "phase.0.1.exercise": "exerciseTwice" },
    });
    expect(
      await saveTemplateVersion(t.prisma, admin, id, { ...values, "phase.0.1.exercise": "CALF_LOWERING" }),
    ).toEqual({
      status: "invalid",
      fieldErrors: {
        "phase.0.1.sets": "required",
        "phase.0.1.repsLow": "required",
        "phase.0.1.repsHigh": "required",
        "phase.0.1.fromDay": "required",
      },
    });
    expect(await saveTemplateVersion(t.prisma, admin, id, { ...values, "phase.0.0.exercise": undefined })).toEqual({
      status: "invalid",
      fieldErrors: { "phase.0.0.exercise": "phaseWithoutExercise" },
    });
    expect(await t.prisma.programTemplate.count({ where: { clinicId, key: "hsr-rathleff-2015" } })).toBe(1);

    const added = await saveTemplateVersion(t.prisma, admin, id, { ...values, ...calf });
    expect(added.status).toBe("saved");
    const v2 = (await listTemplates(t.prisma, admin)).find((tpl) => tpl.key === "hsr-rathleff-2015")!;
    expect(v2.content.phases[0]!.exercises).toEqual([
      { exercise: "HEEL_RAISE_TOWEL", sets: 3, reps: [12, 12], fromDay: 1 },
      { exercise: "CALF_LOWERING", sets: 1, reps: [10, 20], fromDay: 4 },
    ]);
    // Version 2 offers a third, empty slot in phase 1; emptying the second removes calf lowering.
    const removed = await saveTemplateVersion(t.prisma, admin, v2.id, {
      ...programContentValues(v2.content, "da"),
      nameDa: "X",
      nameEn: "X",
      "phase.0.1.exercise": undefined,
    });
    expect(removed.status).toBe("saved");
    const v3 = (await listTemplates(t.prisma, admin)).find((tpl) => tpl.key === "hsr-rathleff-2015")!;
    expect(v3.content.phases[0]!.exercises.map((e) => e.exercise)).toEqual(["HEEL_RAISE_TOWEL"]);
  });

  it("lets an admin copy a template, and only an admin of the same clinic", async () => {
    const source = await templateId(admin, "return-to-run");
    expect(await copyTemplate(t.prisma, admin, source, { nameDa: "Løb, langsom opstart" })).toEqual({
      status: "invalid",
      fieldErrors: { nameEn: "required" },
    });
    const copy = await copyTemplate(t.prisma, admin, source, {
      nameDa: "Løb, langsom opstart",
      nameEn: "Running, slow start",
    });
    expect(copy.status).toBe("saved");
    const copies = (await listTemplates(t.prisma, clinician)).filter((tpl) => tpl.kind === "RETURN_TO_RUN");
    expect(copies.map((tpl) => [tpl.nameDa, tpl.nameEn])).toContainEqual([
      "Løb, langsom opstart",
      "Running, slow start",
    ]);
    // A copy starts from its source's description, which is its own to edit from then on.
    const copied = copies.find((tpl) => tpl.nameDa === "Løb, langsom opstart")!;
    expect(copied.descriptionDa).toMatch(/^Fire uger med skiftevis løb og gang/);
    await expect(copyTemplate(t.prisma, clinician, source, { nameDa: "x", nameEn: "x" })).rejects.toSatisfy((e) =>
      isAppError(e, "NOT_FOUND"),
    );
    await expect(saveTemplateVersion(t.prisma, admin, otherTemplateId, {})).rejects.toSatisfy((e) =>
      isAppError(e, "NOT_FOUND"),
    );
  });
});

describe(`program assignment on ${TEST_DB_KIND}`, () => {
  it("refuses bad input field by field and saves nothing", async () => {
    const episodeId = await newEpisode();
    const bad = await assignProgram(
      t.prisma,
      clinician,
      episodeId,
      await valid({ startDate: isoDate(addDays(start, -1)), sessionsPerWeek: "8", startingLoadKg: "-2,5" }),
    );
    expect(bad).toEqual({
      status: "invalid",
      fieldErrors: { startDate: "beforeEpisode", sessionsPerWeek: "outOfRange", startingLoadKg: "outOfRange" },
    });
    expect((await assignProgram(t.prisma, clinician, episodeId, await valid({ sessionsPerWeek: "0" }))).status).toBe(
      "invalid",
    );
    await expect(
      assignProgram(t.prisma, clinician, episodeId, await valid({ templateId: otherTemplateId })),
    ).rejects.toSatisfy((e) => isAppError(e, "NOT_FOUND"));
    await expect(assignProgram(t.prisma, outsider, episodeId, await valid())).rejects.toSatisfy((e) =>
      isAppError(e, "NOT_FOUND"),
    );
    expect(await t.prisma.programAssignment.count({ where: { episodeId } })).toBe(0);
  });

  it("allows one active program per kind, and a new one after the first has ended with a reason", async () => {
    const episodeId = await newEpisode();
    const first = await assignProgram(t.prisma, clinician, episodeId, await valid({ startingLoadKg: "2,5" }));
    expect(first.status).toBe("saved");
    expect(
      await assignProgram(
        t.prisma,
        clinician,
        episodeId,
        await valid({ templateId: await templateId(clinician, "hsr-rathleff-2015") }),
      ),
    ).toEqual({ status: "alreadyActive" });
    const firstWeek = await assignProgram(
      t.prisma,
      clinician,
      episodeId,
      await valid({ templateId: await templateId(clinician, "first-week"), sessionsPerWeek: "7" }),
    );
    expect(firstWeek.status).toBe("saved");
    expect((await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).programKind).toBe("HSR");

    const id = (first as { id: string }).id;
    expect(await endAssignment(t.prisma, clinician, id, {}, now)).toEqual({
      status: "invalid",
      fieldErrors: { reason: "required" },
    });
    expect((await endAssignment(t.prisma, clinician, id, { reason: "CHANGED_PROGRAM" }, now)).status).toBe("saved");
    expect(await t.prisma.programAssignment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "ENDED",
      endReason: "CHANGED_PROGRAM",
    });
    expect((await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).programKind).toBe("FIRST_WEEK");
    expect((await assignProgram(t.prisma, clinician, episodeId, await valid())).status).toBe("saved");
    expect(
      await t.prisma.auditEvent.count({
        where: { entity: "ProgramAssignment", entityId: id, action: { in: ["CREATE", "UPDATE"] } },
      }),
    ).toBe(2);
  });

  it("ends the first week when HSR starts, if the clinician says so", async () => {
    const episodeId = await newEpisode();
    const firstWeek = await assignProgram(
      t.prisma,
      clinician,
      episodeId,
      await valid({ templateId: await templateId(clinician, "first-week"), sessionsPerWeek: "7" }),
    );
    expect((await assignProgram(t.prisma, clinician, episodeId, await valid({ endFirstWeek: "on" }))).status).toBe(
      "saved",
    );
    expect(
      await t.prisma.programAssignment.findUniqueOrThrow({ where: { id: (firstWeek as { id: string }).id } }),
    ).toMatchObject({ status: "ENDED", endReason: "CHANGED_PROGRAM" });
    expect((await programsOf(clinician, episodeId)).map((p) => p.kind)).toEqual(["HSR"]);
  });

  it("keeps a completed program going as maintenance, audited", async () => {
    const episodeId = await newEpisode();
    const { id } = (await assignProgram(t.prisma, clinician, episodeId, await valid())) as { id: string };
    expect((await continueAsMaintenance(t.prisma, clinician, id, now)).status).toBe("saved");
    expect((await programsOf(clinician, episodeId))[0]).toMatchObject({ maintenanceSince: today(DEFAULT_TIME_ZONE) });
    await expect(continueAsMaintenance(t.prisma, outsider, id, now)).rejects.toSatisfy((e) =>
      isAppError(e, "NOT_FOUND"),
    );
  });

  it("adjusts the patient's copy only", async () => {
    const episodeId = await newEpisode();
    const { id } = (await assignProgram(t.prisma, clinician, episodeId, await valid())) as { id: string };
    const [program] = await programsOf(clinician, episodeId);
    const values = { ...programContentValues(program!.content, "da"), sessionsPerWeek: "4" };
    expect(await adjustAssignment(t.prisma, clinician, id, { ...values, "phase.1.0.repsLow": "14" })).toEqual({
      status: "invalid",
      fieldErrors: { "phase.1.0.repsHigh": "rangeOrder" },
    });
    expect((await adjustAssignment(t.prisma, clinician, id, { ...values, "phase.0.0.sets": "2" })).status).toBe(
      "saved",
    );
    const [adjusted] = await programsOf(clinician, episodeId);
    expect(adjusted).toMatchObject({ sessionsPerWeek: 4 });
    expect(adjusted!.content.phases[0]!.exercises[0]!.sets).toBe(2);
    const template = (await listTemplates(t.prisma, clinician)).find((tpl) => tpl.key === "hsr-rathleff-2015")!;
    expect(template.content.phases[0]!.exercises[0]!.sets).toBe(3);
  });
});

describe(`prescription and overrides on ${TEST_DB_KIND}`, () => {
  let episodeId: string;
  let assignmentId: string;

  beforeAll(async () => {
    episodeId = await newEpisode();
    assignmentId = (
      (await assignProgram(
        t.prisma,
        clinician,
        episodeId,
        await valid({ templateId: await templateId(clinician, "hsr-rathleff-2015") }),
      )) as { id: string }
    ).id;
    // Weeks 1–3 complete, but the first session of week 3 hurt (pain 5): week 4 holds.
    await t.prisma.sessionLog.createMany({
      data: [0, 2, 4, 7, 9, 11, 14, 16, 18].map((d) => ({
        clinicId,
        episodeId,
        assignmentId,
        clientId: randomUUID(),
        kind: "HSR" as const,
        date: addDays(start, d),
        exercises: ["HEEL_RAISE_TOWEL"],
        sets: 3,
        reps: 12,
        painDuring: d === 14 ? 5 : 2,
        completed: true,
      })),
    });
  });

  it("comes from the stored assignment, its logs and the pain rule", async () => {
    const [program] = await programsOf(clinician, episodeId);
    expect(program!.prescription).toMatchObject({
      week: 4,
      phase: 2,
      reason: "HELD_LOAD_RESPONSE",
      sets: 4,
      reps: [10, 10],
    });
    expect(program!.prescription!.weeks.map((w) => [w.week, w.completed, w.loadResponse])).toEqual([
      [1, 3, false],
      [2, 3, false],
      [3, 3, true],
      [4, 0, false],
    ]);
    // The sessions were inserted behind the summary's back; a refresh brings its phase in line.
    await refreshEpisodeState(t.prisma, [episodeId], now);
    expect((await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).programPhase).toBe(2);
    await expect(programsOf(outsider, episodeId)).rejects.toSatisfy((e) => isAppError(e, "NOT_FOUND"));
  });

  it("applies a clinician's override with its reason, and audits it", async () => {
    expect(
      await overrideProgression(t.prisma, clinician, assignmentId, { date: isoDate(now), reason: "Tåler mere" }),
    ).toEqual({ status: "invalid", fieldErrors: { phase: "required" } });
    expect(
      await overrideProgression(t.prisma, clinician, assignmentId, {
        date: isoDate(addDays(start, -1)),
        phase: "4",
        loadKg: "-1",
      }),
    ).toEqual({
      status: "invalid",
      fieldErrors: { date: "beforeProgram", phase: "outOfRange", loadKg: "outOfRange", reason: "required" },
    });
    const saved = await overrideProgression(t.prisma, clinician, assignmentId, {
      date: isoDate(now),
      phase: "3",
      loadKg: "12,5",
      reason: "Tåler mere",
    });
    expect(saved.status).toBe("saved");
    const [program] = await programsOf(clinician, episodeId);
    expect(program!.prescription).toMatchObject({ phase: 3, suggestedLoadKg: 12.5, reason: "OVERRIDDEN", sets: 5 });
    // The caseload's summary shows the engine's phase, not the one the week alone would give.
    expect((await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).programPhase).toBe(3);
    expect(program!.overrides).toMatchObject([{ phase: 3, loadKg: 12.5, reason: "Tåler mere", by: clinician.name }]);
    expect(
      await t.prisma.auditEvent.count({
        where: { entity: "ProgramOverride", entityId: (saved as { id: string }).id, actorId: clinician.userId },
      }),
    ).toBe(1);
    await expect(
      overrideProgression(t.prisma, outsider, assignmentId, { date: isoDate(now), phase: "1", reason: "x" }),
    ).rejects.toSatisfy((e) => isAppError(e, "NOT_FOUND"));

    // A second override the same day wins, on the patient page and in the caseload alike.
    expect(
      await overrideProgression(t.prisma, clinician, assignmentId, {
        date: isoDate(now),
        phase: "2",
        reason: "Ombestemt",
      }),
    ).toMatchObject({ status: "saved" });
    const [corrected] = await programsOf(clinician, episodeId);
    expect(corrected!.prescription).toMatchObject({ phase: 2, reason: "OVERRIDDEN" });
    expect((await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).programPhase).toBe(2);
  });
});
