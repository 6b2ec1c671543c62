import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, DEFAULT_TIME_ZONE, today } from "../../lib/platform/dates";
import { isAppError } from "../../lib/platform/errors";
import { getWeeklyCheckIn, savePsfsActivities, saveWeeklyCheckIn } from "../../lib/server/portal/weekly-check-in";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

// The weekly check-in (SPEC §10) on a real database: the clinician sets the patient's own PSFS
// activities, the portal asks once a week, and the answers are patient-recorded measurements
// that the rules' summary of the episode reads like the clinic's.
let t: TestDatabase;
let clinician: Actor;
let patient: Actor;
let episodeId: string;
const day = today(DEFAULT_TIME_ZONE);

beforeAll(async () => {
  t = await createTestDatabase();
  const clinicId = (await createClinic(t.prisma)).id;
  clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
  const portalUser = await createUser(t.prisma, { clinicId, role: "PATIENT" });
  patient = actorOf(portalUser);
  const { id: patientId } = await createPatient(t.prisma, {
    clinicId,
    clinicianId: clinician.userId,
    portalUserId: portalUser.id,
  });
  const start = addDays(day, -60);
  episodeId = (
    await t.prisma.episode.create({
      data: { clinicId, patientId, side: "LEFT", symptomOnset: start, treatmentStart: start },
    })
  ).id;
  await t.prisma.patient.update({ where: { id: patientId }, data: { currentEpisodeId: episodeId } });
});
afterAll(() => t.close());

describe(`the weekly check-in on ${TEST_DB_KIND}`, () => {
  it("stores the clinician's PSFS activities in the patient's words, leaving out empty fields, and refuses one too long", async () => {
    expect(
      await savePsfsActivities(t.prisma, clinician, episodeId, {
        "activity.0": " Gå op ad trapper ",
        "activity.2": "Løbe 5 km",
      }),
    ).toEqual({ status: "saved", activities: ["Gå op ad trapper", "Løbe 5 km"] });
    expect(await savePsfsActivities(t.prisma, clinician, episodeId, { "activity.1": "x".repeat(121) })).toEqual({
      status: "invalid",
      fieldErrors: { "activity.1": "tooLong" },
    });
    expect((await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).psfsActivities).toEqual([
      "Gå op ad trapper",
      "Løbe 5 km",
    ]);
    // A patient cannot set them.
    expect(
      isAppError(
        await savePsfsActivities(t.prisma, patient, episodeId, {}).catch((error: unknown) => error),
        "NOT_FOUND",
      ),
    ).toBe(true);
  });

  it("asks once a week, with each activity and the rating of change, and refuses a score outside its scale without storing anything", async () => {
    // Not in the first week: the clinic measured the baseline when treatment started.
    const started = addDays(day, -60);
    expect(await getWeeklyCheckIn(t.prisma, patient, addDays(started, 6))).toMatchObject({
      lastDate: null,
      due: false,
      nextDate: addDays(started, 7),
    });
    // Sent anyway in the first week (a stale page, a hand-made request): refused, nothing stored.
    expect(
      await saveWeeklyCheckIn(
        t.prisma,
        patient,
        { activityPain: "3", globalChange: "1", "psfs.0": "4", "psfs.1": "4" },
        addDays(started, 6),
      ),
    ).toEqual({ status: "notYet", nextDate: addDays(started, 7) });
    expect(await getWeeklyCheckIn(t.prisma, patient, day)).toEqual({
      activities: ["Gå op ad trapper", "Løbe 5 km"],
      lastDate: null,
      due: true,
      nextDate: addDays(started, 7),
    });
    expect(await saveWeeklyCheckIn(t.prisma, patient, { activityPain: "11", "psfs.0": "4" }, day)).toEqual({
      status: "invalid",
      fieldErrors: { activityPain: "outOfRange", globalChange: "required", "psfs.1": "required" },
    });
    expect(
      await saveWeeklyCheckIn(
        t.prisma,
        patient,
        { activityPain: "3", globalChange: "4", "psfs.0": "4", "psfs.1": "4" },
        day,
      ),
    ).toEqual({
      status: "invalid",
      fieldErrors: { globalChange: "outOfRange" },
    });
    expect(await t.prisma.outcomeMeasurement.count({ where: { episodeId } })).toBe(0);
  });

  it("stores the answers as the patient's measurements, the PSFS as the mean with each activity, the rating of change as it was given, once a day", async () => {
    const earlier = addDays(day, -35);
    expect(
      await saveWeeklyCheckIn(
        t.prisma,
        patient,
        { activityPain: "6", globalChange: "0", "psfs.0": "3", "psfs.1": "2" },
        earlier,
      ),
    ).toEqual({ status: "saved", nextDate: addDays(earlier, 7) });
    // Sent again the same day: the day's answers change, no second row.
    await saveWeeklyCheckIn(
      t.prisma,
      patient,
      { activityPain: "5", globalChange: "-1", "psfs.0": "3", "psfs.1": "4" },
      earlier,
    );
    const rows = await t.prisma.outcomeMeasurement.findMany({ where: { episodeId }, orderBy: { instrument: "asc" } });
    expect(rows.map((row) => [row.instrument, row.recordedBy, Number(row.value)])).toEqual([
      ["NRS_ACTIVITY", "PATIENT", 5],
      ["PSFS", "PATIENT", 3.5],
      ["GLOBAL_CHANGE", "PATIENT", -1],
    ]);
    expect(rows.find((row) => row.instrument === "PSFS")!.psfsItems).toEqual([
      { activity: "Gå op ad trapper", score: 3 },
      { activity: "Løbe 5 km", score: 4 },
    ]);

    // Weeks later it is due again; after today's it is not, until next week.
    expect((await getWeeklyCheckIn(t.prisma, patient, day))!.due).toBe(true);
    await saveWeeklyCheckIn(
      t.prisma,
      patient,
      { activityPain: "2", globalChange: "2", "psfs.0": "8", "psfs.1": "6" },
      day,
    );
    expect(await getWeeklyCheckIn(t.prisma, patient, day)).toMatchObject({ due: false, nextDate: addDays(day, 7) });
  });

  it("counts in the clinic report's judgement of the episode like the clinic's measurements, and is audited", async () => {
    // Five weeks from the first check-in to today: both instruments judgeable, both improved by their MCID. The
    // rating of change is a change already: it has no baseline to be judged against.
    const facts = await t.prisma.episodeReportFacts.findUniqueOrThrow({ where: { episodeId } });
    expect(facts).toMatchObject({
      week12: "IMPROVED",
      week12Judged: ["NRS_ACTIVITY", "PSFS"],
      week12Improved: ["NRS_ACTIVITY", "PSFS"],
    });
    const audit = await t.prisma.auditEvent.count({ where: { actorId: patient.userId, entity: "OutcomeMeasurement" } });
    expect(audit).toBe(9);
  });
});
