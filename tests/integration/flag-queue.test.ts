// The flag queue as issue 45 (usability walk, finding 7) asks: it starts from the clinician's own
// patients as the caseload does, the next open flag is the most severe and longest open of
// theirs, and an acknowledgement can be taken back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RuleCode } from "../../lib/clinical/rules/case";
import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, DEFAULT_TIME_ZONE, today } from "../../lib/platform/dates";
import { acknowledgeFlag, undoAcknowledgement } from "../../lib/server/flags/acknowledge-flag";
import { parseFlagQuery } from "../../lib/server/flags/flag-query";
import { listFlags, nextOpenFlag } from "../../lib/server/flags/list-flags";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let physio: Actor;
let colleague: Actor;
let admin: Actor;
const now = today(DEFAULT_TIME_ZONE);
const flagIds: Record<string, string> = {};

/** A patient of `clinician` with one open rule flag, opened `daysAgo` days ago. */
async function patientWithFlag(
  clinician: Actor,
  name: string,
  code: RuleCode,
  severity: "URGENT" | "HIGH",
  daysAgo: number,
) {
  const patient = await createPatient(t.prisma, { clinicId: clinician.clinicId, clinicianId: clinician.userId, name });
  const episode = await t.prisma.episode.create({
    data: {
      clinicId: clinician.clinicId,
      patientId: patient.id,
      side: "LEFT",
      symptomOnset: addDays(now, -90),
      treatmentStart: addDays(now, -60),
    },
  });
  await t.prisma.patient.update({ where: { id: patient.id }, data: { currentEpisodeId: episode.id } });
  const flag = await t.prisma.flag.create({
    data: {
      clinicId: clinician.clinicId,
      episodeId: episode.id,
      code,
      severity,
      evidence: {},
      sources: [],
      ruleVersion: 1,
      openedAt: addDays(new Date(), -daysAgo),
    },
  });
  flagIds[name] = flag.id;
}

const queueNames = async (actor: Actor, params: Record<string, string> = {}) =>
  (await listFlags(t.prisma, actor, parseFlagQuery(params))).flags.map((flag) => flag.episode.patient.name).sort();

beforeAll(async () => {
  t = await createTestDatabase();
  const clinic = await createClinic(t.prisma);
  physio = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
  colleague = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
  admin = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "ADMIN" }));
  await patientWithFlag(physio, "Anne High Old", "WORSENING", "HIGH", 7);
  await patientWithFlag(physio, "Berit High New", "NO_IMPROVEMENT", "HIGH", 1);
  await patientWithFlag(physio, "Carla Urgent", "RED_FLAG", "URGENT", 0);
  await patientWithFlag(colleague, "Dorit Colleague Urgent", "RED_FLAG", "URGENT", 30);
});
afterAll(() => t.close());

describe(`the flag queue on ${TEST_DB_KIND}`, () => {
  it("starts from the clinician's own patients, as the caseload does; the whole clinic is one choice away", async () => {
    expect(await queueNames(physio)).toEqual(["Anne High Old", "Berit High New", "Carla Urgent"]);
    expect(await queueNames(physio, { scope: "clinic" })).toEqual([
      "Anne High Old",
      "Berit High New",
      "Carla Urgent",
      "Dorit Colleague Urgent",
    ]);
    // An administrator has no own patients: the queue is the clinic's.
    expect(await queueNames(admin)).toHaveLength(4);
  });

  it("offers as the next flag the most severe of the clinician's own, then the longest open, never the one just seen", async () => {
    // The colleague's urgent flag has waited longest, but it is not this clinician's.
    expect(await nextOpenFlag(t.prisma, physio, flagIds["Berit High New"]!)).toBe(flagIds["Carla Urgent"]);
    expect(await nextOpenFlag(t.prisma, physio, flagIds["Carla Urgent"]!)).toBe(flagIds["Anne High Old"]);
    expect(await nextOpenFlag(t.prisma, colleague, flagIds["Dorit Colleague Urgent"]!)).toBeNull();
  });

  it("takes an acknowledgement back: the flag is open again, counted again, its history says so; twice is a conflict", async () => {
    const id = flagIds["Anne High Old"]!;
    expect(await acknowledgeFlag(t.prisma, physio, id, "Ringet til patienten")).toEqual({ status: "acknowledged" });
    // An acknowledged flag is not offered as the next one.
    expect(await nextOpenFlag(t.prisma, physio, flagIds["Carla Urgent"]!)).toBe(flagIds["Berit High New"]);
    const episodeId = (await t.prisma.flag.findUniqueOrThrow({ where: { id } })).episodeId;
    expect((await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).openHighFlags).toBe(0);

    await undoAcknowledgement(t.prisma, physio, id);
    const flag = await t.prisma.flag.findUniqueOrThrow({
      where: { id },
      include: { events: { orderBy: { at: "asc" } } },
    });
    expect(flag.status).toBe("OPEN");
    expect(flag.events.map((event) => event.type)).toEqual(["ACKNOWLEDGED", "ACKNOWLEDGEMENT_UNDONE"]);
    expect(flag.events.at(-1)!.actorId).toBe(physio.userId);
    expect((await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).openHighFlags).toBe(1);
    await expect(undoAcknowledgement(t.prisma, physio, id)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
