import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, DEFAULT_TIME_ZONE, today as todayInClinic } from "../../lib/platform/dates";
import { PAGE_SIZE, parseCaseloadQuery, type SearchParams } from "../../lib/server/caseload/caseload-query";
import { exportCaseload, listCaseload } from "../../lib/server/caseload/list-caseload";
import { withEpisodeWrite } from "../../lib/server/episodes/with-episode-write";
import { archivePatient, restorePatient } from "../../lib/server/patients/patients";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
// The rules evaluate each write as of the real today, so the data is dated relative to it.
const today = todayInClinic(DEFAULT_TIME_ZONE);
let mine: Actor;
let colleague: Actor;
let admin: Actor;
let outsider: Actor;
let outsiderPatientName: string;

/** A patient with an active episode, pain values and flags, written as the app writes them. */
async function patientWith(
  clinician: Actor,
  name: string,
  opts: {
    pain?: number[];
    startDaysAgo?: number;
    lastVisitDaysAgo?: number;
    flags?: ("URGENT" | "HIGH" | "WARNING")[];
    status?: "ACTIVE" | "PAUSED";
  } = {},
) {
  const patient = await createPatient(t.prisma, { clinicId: clinician.clinicId, clinicianId: clinician.userId, name });
  const start = addDays(today, -(opts.startDaysAgo ?? 30));
  const episode = await t.prisma.episode.create({
    data: {
      clinicId: clinician.clinicId,
      patientId: patient.id,
      side: "LEFT",
      symptomOnset: addDays(start, -30),
      treatmentStart: start,
      status: opts.status ?? "ACTIVE",
    },
  });
  await t.prisma.patient.update({ where: { id: patient.id }, data: { currentEpisodeId: episode.id } });
  await withEpisodeWrite(t.prisma, episode.id, async (tx) => {
    const base = { clinicId: clinician.clinicId, episodeId: episode.id, recordedById: clinician.userId };
    for (const [i, value] of (opts.pain ?? []).entries()) {
      await tx.outcomeMeasurement.create({
        data: { ...base, recordedBy: "CLINICIAN", instrument: "NRS_FIRST_STEP", value, date: addDays(start, i * 7) },
      });
    }
    if (opts.lastVisitDaysAgo !== undefined) {
      await tx.assessment.create({
        data: {
          ...base,
          date: addDays(today, -opts.lastVisitDaysAgo),
          redFlagsScreened: true,
          differentialsExamined: true,
        },
      });
    }
    // One open flag per rule: each of the test's flags is a rule of its own.
    for (const [i, severity] of (opts.flags ?? []).entries()) {
      await tx.flag.create({
        data: {
          clinicId: clinician.clinicId,
          episodeId: episode.id,
          code: `TEST_${i}`,
          severity,
          evidence: {},
          sources: [],
          ruleVersion: 1,
        },
      });
    }
  });
  return patient;
}

const names = async (actor: Actor, params: SearchParams = {}) =>
  (await listCaseload(t.prisma, actor, parseCaseloadQuery(params), today)).rows.map((row) => row.name);

beforeAll(async () => {
  t = await createTestDatabase();
  const clinic = await createClinic(t.prisma);
  const other = await createClinic(t.prisma);
  mine = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
  colleague = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
  admin = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "ADMIN" }));
  outsider = actorOf(await createUser(t.prisma, { clinicId: other.id, role: "CLINICIAN" }));
  await patientWith(mine, "Anna Improving", { pain: [8, 6, 3], lastVisitDaysAgo: 3 });
  await patientWith(mine, "Bo Worse", { pain: [4, 6, 7], lastVisitDaysAgo: 10, flags: ["HIGH"] });
  await patientWith(mine, "Carl Overdue", { pain: [5, 5], startDaysAgo: 100, lastVisitDaysAgo: 60 });
  await patientWith(mine, "Dorte Urgent", { pain: [6], lastVisitDaysAgo: 1, flags: ["URGENT", "WARNING"] });
  await patientWith(mine, "Eva Paused", { pain: [3], status: "PAUSED", lastVisitDaysAgo: 5 });
  await patientWith(colleague, "Finn Colleague", { pain: [9, 9], lastVisitDaysAgo: 2 });
  outsiderPatientName = (await patientWith(outsider, "Gitte Elsewhere", { pain: [10] })).name;
});
afterAll(() => t.close());

describe(`caseload on ${TEST_DB_KIND}`, () => {
  it("shows a clinician their own active patients by name by default", async () => {
    expect(await names(mine)).toEqual(["Anna Improving", "Bo Worse", "Carl Overdue", "Dorte Urgent"]);
  });

  it("switches a clinician to the whole clinic, and shows an admin the clinic", async () => {
    expect(await names(mine, { scope: "clinic" })).toContain("Finn Colleague");
    expect(await names(admin)).toContain("Finn Colleague");
    expect(await names(admin, { clinician: colleague.userId })).toEqual(["Finn Colleague"]);
  });

  it("never shows another clinic's patients, whatever the filter says", async () => {
    for (const params of [
      { scope: "clinic" },
      { clinician: outsider.userId },
      { q: "Gitte" },
      { status: "any", scope: "clinic" },
    ]) {
      expect(await names(mine, params)).not.toContain(outsiderPatientName);
    }
    expect(await names(mine, { clinician: outsider.userId, scope: "clinic" })).toEqual([]);
  });

  it("sorts by latest first-step pain, highest first, with empty values last", async () => {
    expect(await names(mine, { sort: "pain", dir: "desc" })).toEqual([
      "Bo Worse",
      "Dorte Urgent",
      "Carl Overdue",
      "Anna Improving",
    ]);
  });

  it("sorts by the most severe open flag", async () => {
    expect((await names(mine, { sort: "flags", dir: "desc" })).slice(0, 2)).toEqual(["Dorte Urgent", "Bo Worse"]);
  });

  it("filters by status, flag severity and name", async () => {
    expect(await names(mine, { status: "PAUSED" })).toEqual(["Eva Paused"]);
    expect(await names(mine, { severity: "high" })).toEqual(["Bo Worse", "Dorte Urgent"]);
    expect(await names(mine, { q: "dorte" })).toEqual(["Dorte Urgent"]);
  });

  it("sorts by weeks in treatment and last visit both ways, name breaking ties", async () => {
    expect(await names(mine, { sort: "weeks" })).toEqual([
      "Anna Improving",
      "Bo Worse",
      "Dorte Urgent",
      "Carl Overdue",
    ]);
    expect(await names(mine, { sort: "weeks", dir: "desc" })).toEqual([
      "Carl Overdue",
      "Anna Improving",
      "Bo Worse",
      "Dorte Urgent",
    ]);
    expect(await names(mine, { sort: "lastVisit", dir: "desc" })).toEqual([
      "Dorte Urgent",
      "Anna Improving",
      "Bo Worse",
      "Carl Overdue",
    ]);
    expect(await names(mine, { sort: "lastVisit" })).toEqual([
      "Carl Overdue",
      "Bo Worse",
      "Anna Improving",
      "Dorte Urgent",
    ]);
    expect(await names(mine, { sort: "name", dir: "desc" })).toEqual([
      "Dorte Urgent",
      "Carl Overdue",
      "Bo Worse",
      "Anna Improving",
    ]);
  });

  it("filters by program, and finds a patient without an episode among every status, as a search always does", async () => {
    expect(await names(mine, { program: "NONE" })).toEqual([
      "Anna Improving",
      "Bo Worse",
      "Carl Overdue",
      "Dorte Urgent",
    ]);
    expect(await names(mine, { program: "HSR" })).toEqual([]);
    await createPatient(t.prisma, { clinicId: mine.clinicId, clinicianId: mine.userId, name: "Kim Uden Forløb" });
    expect(await names(mine, {})).not.toContain("Kim Uden Forløb");
    expect(await names(mine, { q: "Kim" })).toEqual(["Kim Uden Forløb"]);
    expect(await names(mine, { q: "Kim", program: "NONE", status: "any" })).toEqual([]);
    expect(await names(mine, { q: "Kim", status: "any" })).toEqual(["Kim Uden Forløb"]);
  });

  it("searches names as written (% and _ are letters) and a CPR number exactly", async () => {
    await createPatient(t.prisma, {
      clinicId: mine.clinicId,
      clinicianId: mine.userId,
      name: "Lis 50%_Rabat",
      cpr: "0101801001",
    });
    expect(await names(mine, { q: "%", status: "any" })).toEqual(["Lis 50%_Rabat"]);
    expect(await names(mine, { q: "0%_r", status: "any" })).toEqual(["Lis 50%_Rabat"]);
    expect(await names(mine, { q: "_", status: "any" })).toEqual(["Lis 50%_Rabat"]);
    expect(await names(mine, { q: "010180-1001", status: "any" })).toEqual(["Lis 50%_Rabat"]);
    expect(await names(mine, { q: "010180-1002", status: "any" })).toEqual([]);
  });

  it("lists urgent or high flags and overdue follow-ups as needing attention", async () => {
    expect(await names(mine, { view: "attention" })).toEqual(["Bo Worse", "Carl Overdue", "Dorte Urgent"]);
  });

  it("orders the attention view by the most severe open flag, then by who has waited longest at it", async () => {
    const clinic = await createClinic(t.prisma);
    const physio = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
    await patientWith(physio, "Aase Recent High", { flags: ["HIGH"] });
    const waiting = await patientWith(physio, "Bent Waiting High", { flags: ["HIGH"] });
    await patientWith(physio, "Cilla Urgent", { flags: ["URGENT"] });
    // Bent's flag has been open for a week: he comes before Aase, whose flag is as severe but new.
    await t.prisma.flag.updateMany({
      where: { episode: { patientId: waiting.id } },
      data: { openedAt: addDays(new Date(), -7) },
    });
    const attention = { view: "attention", sort: "flags", dir: "desc" };
    expect(await names(physio, attention)).toEqual(["Cilla Urgent", "Bent Waiting High", "Aase Recent High"]);
  });

  it("lists whoever wrote and is not yet read, a colleague's patients and a discharged one too, in the clinic's view", async () => {
    const clinic = await createClinic(t.prisma);
    const [away, present] = await Promise.all(
      [1, 2].map(async () => actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }))),
    );
    const wrote = await patientWith(away!, "Erik Wrote", {});
    const discharged = await patientWith(away!, "Fie Discharged Wrote", {});
    await t.prisma.episode.updateMany({ where: { patientId: discharged.id }, data: { status: "DISCHARGED" } });
    const read = await patientWith(away!, "Gorm Read", {});
    await patientWith(away!, "Hanne Silent", {});
    const message = (patientId: string, readAt: Date | null) =>
      t.prisma.message.create({
        data: {
          clinicId: clinic.id,
          patientId,
          senderId: away!.userId,
          fromPatient: true,
          body: "Må jeg løbe?",
          readAt,
        },
      });
    await Promise.all([message(wrote.id, null), message(discharged.id, null), message(read.id, new Date())]);
    const messages = { view: "messages", scope: "clinic" };
    expect(await names(present!, messages)).toEqual(["Erik Wrote", "Fie Discharged Wrote"]);
    // Another clinic's view has none of them.
    expect(await names(mine, messages)).not.toContain("Erik Wrote");
  });

  it("names the rules of a row's open flags, most severe first", async () => {
    const { rows } = await listCaseload(t.prisma, mine, parseCaseloadQuery({ view: "attention" }), today);
    // Bo's own test flag is no rule of the product's; the rules raised WORSENING for pain 4 → 7.
    expect(rows.find((row) => row.name === "Bo Worse")!.openRules).toEqual(["WORSENING"]);
    expect(rows.find((row) => row.name === "Carl Overdue")!.openRules).toContain("FOLLOW_UP_OVERDUE");
  });

  it("gives each row its summary: trend, flags, phase, weeks", async () => {
    const { rows } = await listCaseload(t.prisma, mine, parseCaseloadQuery({}), today);
    const anna = rows.find((row) => row.name === "Anna Improving")!;
    expect(anna).toMatchObject({ latestPain: 3, painTrend: "IMPROVING", weeksInTreatment: 4, status: "ACTIVE" });
    // The test's own HIGH flag, and the WORSENING flag the rules raise for pain 4 → 7.
    expect(rows.find((row) => row.name === "Bo Worse")).toMatchObject({
      painTrend: "WORSENING",
      flags: { urgent: 0, high: 2, warning: 0, info: 0 },
    });
  });

  it("shows the rules' own pain trend: one diary spike is no worsening, a confirmed rise is", async () => {
    const diaryPatient = async (name: string, diary: number[]) => {
      const patient = await patientWith(colleague, name, { pain: [4] });
      const episode = (await t.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).currentEpisodeId!;
      await withEpisodeWrite(t.prisma, episode, async (tx) => {
        for (const [i, value] of diary.entries()) {
          await tx.outcomeMeasurement.create({
            data: {
              clinicId: colleague.clinicId,
              episodeId: episode,
              recordedById: colleague.userId,
              recordedBy: "PATIENT",
              instrument: "NRS_FIRST_STEP",
              value,
              date: addDays(today, i - diary.length + 1),
            },
          });
        }
      });
      return (await listCaseload(t.prisma, colleague, parseCaseloadQuery({ q: name }), today)).rows[0]!;
    };
    expect(await diaryPatient("Hans Spike", [6])).toMatchObject({ painTrend: "STABLE", flags: { high: 0 } });
    expect(await diaryPatient("Ida Worse", [6, 6])).toMatchObject({ painTrend: "WORSENING", flags: { high: 1 } });
  });

  it("finds archived patients under their own filter, and only an admin restores one", async () => {
    const patient = await patientWith(mine, "Jonna Archived", { pain: [5] });
    await archivePatient(t.prisma, mine, patient.id);
    expect(await names(mine, { q: "Jonna" })).toEqual([]);
    expect(await names(mine, { q: "Jonna", archived: "yes" })).toEqual(["Jonna Archived"]);
    expect(await names(mine, { archived: "yes" })).not.toContain("Anna Improving");
    await expect(restorePatient(t.prisma, mine, patient.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(restorePatient(t.prisma, outsider, patient.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await restorePatient(t.prisma, admin, patient.id);
    expect(await names(mine, { q: "Jonna" })).toEqual(["Jonna Archived"]);
    expect(
      await t.prisma.auditEvent.count({
        where: { actorId: admin.userId, entity: "Patient", entityId: patient.id, action: "UPDATE" },
      }),
    ).toBe(1);
    await expect(restorePatient(t.prisma, admin, patient.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("pages through the view and shows the last page for a page past the end", async () => {
    for (let i = 0; i < PAGE_SIZE; i += 1) await patientWith(admin, `Zz Paging ${String(i).padStart(2, "0")}`);
    const first = await listCaseload(t.prisma, admin, parseCaseloadQuery({ q: "Zz Paging" }), today);
    expect(first).toMatchObject({ total: PAGE_SIZE, page: 1, pageCount: 1 });
    const all = await listCaseload(t.prisma, admin, parseCaseloadQuery({}), today);
    expect(all.pageCount).toBe(2);
    const beyond = await listCaseload(t.prisma, admin, parseCaseloadQuery({ page: "500" }), today);
    expect(beyond.page).toBe(2);
    expect(beyond.rows.length).toBe(all.total - PAGE_SIZE);
  });

  it("exports the whole view and audits views and exports", async () => {
    const rows = await exportCaseload(t.prisma, admin, parseCaseloadQuery({}), today);
    expect(rows.length).toBe((await listCaseload(t.prisma, admin, parseCaseloadQuery({}), today)).total);
    expect(
      await t.prisma.auditEvent.count({ where: { actorId: admin.userId, action: "EXPORT", entity: "Caseload" } }),
    ).toBe(1);
    expect(
      await t.prisma.auditEvent.count({ where: { actorId: admin.userId, action: "READ", entity: "Caseload" } }),
    ).toBeGreaterThan(0);
  });

  it("refuses the caseload to a patient", async () => {
    const patientUser = actorOf(await createUser(t.prisma, { clinicId: mine.clinicId, role: "PATIENT" }));
    await expect(listCaseload(t.prisma, patientUser, parseCaseloadQuery({}), today)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
