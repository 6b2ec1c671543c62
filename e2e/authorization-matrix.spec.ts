// The authorization matrix (SPEC §8), generated from the code: every page, server action and
// route handler the build has (e2e/support/entry-declarations.ts, Next.js's action manifest) ×
// every role (signed out, patient, clinician, administrator, another clinic's clinician) × ids
// that are the caller's own, another patient's, another clinic's, or missing. Each call goes
// over HTTP to the production build, as an attacker's would; the database is compared before
// and after each one that must change nothing.
//
// A cell where the caller may act on their own data is not run for every role (it would
// change the data the other cells use); instead each action is run once as its first allowed
// role, and must change the database: the test can see a change, so "unchanged" means something.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import type { ProgramContent } from "../lib/clinical/programs/default-templates";
import { ZProgramContent } from "../lib/clinical/programs/default-templates";
import { DEFAULT_RULE_SETTINGS, SETTING_NAMES } from "../lib/clinical/rules/settings";
import type { Actor } from "../lib/platform/auth/actor";
import { can, homePath, type Permission } from "../lib/platform/auth/permissions";
import { addDays, DEFAULT_TIME_ZONE, isoDate, today } from "../lib/platform/dates";
import type { Db } from "../lib/platform/db/client";
import { toFieldValue } from "../lib/present/settings/rule-setting-fields";
import { createInvite } from "../lib/server/invites/invites";
import { programContentValues } from "../lib/server/programs/program-content-input";
import { createPatient, createUser } from "../lib/server/seed/builders";
import { DEMO_CLINIC_NAME, DEMO_PASSWORD, SECOND_CLINIC_NAME } from "../lib/server/seed/demo";
import { actorOf } from "../tests/support/actors";
import { changedTables, fingerprint } from "../tests/support/db-fingerprint";
import { type ActionAnswer, callServerAction, getPage, serverActions, signIn } from "../tests/support/http-client";
import { type Declared, declaredEntryPoints } from "./support/entry-declarations";
import { type MatrixServer, startMatrixServer } from "./support/matrix-server";
import { expect, test } from "./support/test";

type Access = Permission | "public";

/** Whose data the ids are: the patient's own record (Peter Patient's), another patient of that clinic, another clinic's. */
type WorldName = "own" | "otherPatient" | "otherClinic";
type World = {
  clinic: "demo" | "other";
  patientId: string;
  episodeId: string;
  /** The episode's treatment start (yyyy-mm-dd): a referral's date is bounded by it. */
  treatmentStart: string;
  assignmentId: string;
  content: ProgramContent;
  outcomeId: string;
  flagId: string;
  templateId: string;
  /** A kind of program the episode has no active one of. */
  freeTemplateId: string;
  /** A patient with no open episode, for opening, archiving and restoring. */
  spareId: string;
  inviteToken: string;
  /** A physiotherapist of the clinic, for the staff actions, and an e-mail of its outbox. */
  staffId: string;
  messageId: string;
  /** An open hold on the patient's record. */
  holdId: string;
  /** A discharged episode of the patient with a signed discharge letter (its pages), and one without a letter yet (its actions). */
  letterEpisodeId: string;
  draftEpisodeId: string;
};

type Role = { key: string; email: string | null; actor: Pick<Actor, "role"> | null; clinic: "demo" | "other" | null };
const ROLES: Role[] = [
  { key: "signed out", email: null, actor: null, clinic: null },
  { key: "patient", email: "patient@demo.dk", actor: { role: "PATIENT" }, clinic: "demo" },
  { key: "clinician", email: "fysio@demo.dk", actor: { role: "CLINICIAN" }, clinic: "demo" },
  { key: "admin", email: "admin@demo.dk", actor: { role: "ADMIN" }, clinic: "demo" },
  { key: "another clinic's clinician", email: "fysio@anden.dk", actor: { role: "CLINICIAN" }, clinic: "other" },
];

/** What an action is called with: its bound arguments and, for forms, the form's fields and files. */
type Input = { args: unknown[]; form?: Record<string, string>; files?: Record<string, { name: string; text: string }> };
type ActionCase = {
  access: Access;
  shape: "form" | "command" | "call";
  /** What its ids are: a clinic's and patient's data (all variants apply), an invitation token, or none. */
  ids: "clinic" | "token" | "none";
  /** The input for a world's ids, or for none (null: every id missing). */
  input: (world: World | null) => Input;
  /** Reads only: run once and answer something, without a change. */
  readOnly?: boolean;
  /** Its ids are choices in a form (another patient's program is no choice of theirs): a field error, not an audited refusal. */
  idsAreChoices?: boolean;
};

const day = isoDate(today(DEFAULT_TIME_ZONE));
/** A phone's push address, on a browser's push service (lib/server/reminders/push-services.ts). */
const MATRIX_PHONE = "https://fcm.googleapis.com/fcm/send/matrix-phone";
const id = (world: World | null, key: keyof World) => (world ? world[key] : undefined);

/** The matrix's expectations: SPEC §8's roles per entry point, and an input that works for each action. */
const ACTIONS: Record<string, ActionCase> = {
  setLocale: { access: "public", shape: "command", ids: "none", input: () => ({ args: [], form: { locale: "en" } }) },
  acceptInviteAction: {
    access: "public",
    shape: "form",
    ids: "token",
    input: (w) => ({
      args: [id(w, "inviteToken")],
      form: {
        email: `matrix-${randomUUID()}@example.test`,
        password: "hælløft på trappetrin",
        confirmPassword: "hælløft på trappetrin",
      },
    }),
  },
  saveHiddenCaseloadColumns: {
    access: "clinic-patients",
    shape: "call",
    ids: "none",
    input: () => ({ args: [["age", "side"]] }),
  },
  savePatientAction: {
    access: "clinic-patients",
    shape: "form",
    ids: "clinic",
    input: (w) => ({
      args: [id(w, "patientId")],
      form: {
        name: "Matrix Patient",
        dateOfBirth: "1970-05-01",
        sex: "FEMALE",
        affectedSide: "LEFT",
        occupation: "Sygeplejerske",
      },
    }),
  },
  acknowledgeFlagAction: {
    access: "clinic-patients",
    shape: "form",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "flagId")], form: { note: "Set og talt med patienten." } }),
  },
  // After acknowledgeFlagAction (the order of this list): it takes that acknowledgement back.
  undoAcknowledgementAction: {
    access: "clinic-patients",
    shape: "command",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "flagId")] }),
  },
  openEpisodeAction: {
    access: "clinic-patients",
    shape: "form",
    ids: "clinic",
    input: (w) => ({
      args: [id(w, "spareId")],
      form: { side: "LEFT", symptomOnset: isoDate(addDays(today(DEFAULT_TIME_ZONE), -40)), treatmentStart: day },
    }),
  },
  changeEpisodeStatusAction: {
    access: "clinic-patients",
    shape: "command",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "patientId"), id(w, "episodeId")], form: { action: "pause", reason: "ILLNESS" } }),
  },
  // Confirmed, not previewed: a refused call must leave an episode that would otherwise be discharged as it was.
  dischargeEpisodeAction: {
    access: "clinic-patients",
    shape: "form",
    ids: "clinic",
    input: (w) => ({
      args: [id(w, "patientId"), id(w, "episodeId")],
      form: { intent: "confirm", date: day, reason: "RECOVERED", NRS_FIRST_STEP: "2" },
    }),
  },
  // The episode's referral, saved and then removed (the order of this list): there is one to remove.
  saveReferralAction: {
    access: "clinic-patients",
    shape: "form",
    ids: "clinic",
    input: (w) => ({
      args: [id(w, "patientId"), id(w, "episodeId")],
      form: {
        referralDate: String(id(w, "treatmentStart")),
        doctorName: "Matrix Læge",
        diagnosisText: "Hælsmerter",
        icd10Code: "DM722",
      },
    }),
  },
  removeReferralAction: {
    access: "clinic-patients",
    shape: "command",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "patientId"), id(w, "episodeId")] }),
  },
  saveRecordAction: {
    access: "clinic-patients",
    shape: "form",
    ids: "clinic",
    input: (w) => ({
      args: ["outcome", { patientId: id(w, "patientId"), episodeId: id(w, "episodeId"), recordId: null }],
      form: { date: day, NRS_ACTIVITY: "4", $stay: "yes" },
    }),
  },
  deleteRecordAction: {
    access: "clinic-patients",
    shape: "command",
    ids: "clinic",
    input: (w) => ({
      args: ["outcome", id(w, "patientId"), id(w, "outcomeId")],
      form: { reason: "Skrevet på den forkerte patient." },
    }),
  },
  assignProgramAction: {
    access: "clinic-patients",
    shape: "form",
    ids: "clinic",
    input: (w) => ({
      args: [id(w, "patientId"), id(w, "episodeId")],
      form: { templateId: String(id(w, "freeTemplateId")), startDate: day, sessionsPerWeek: "3" },
    }),
  },
  adjustAssignmentAction: {
    access: "clinic-patients",
    shape: "form",
    ids: "clinic",
    input: (w) => ({
      args: [id(w, "patientId"), id(w, "assignmentId"), w?.content],
      form: { ...(w ? programContentValues(w.content, "da") : {}), sessionsPerWeek: "4" },
    }),
  },
  overrideProgressionAction: {
    access: "clinic-patients",
    shape: "form",
    ids: "clinic",
    input: (w) => ({
      args: [id(w, "patientId"), id(w, "assignmentId"), w?.content.phases.length],
      form: { date: day, phase: "2", reason: "Tåler mere" },
    }),
  },
  continueAsMaintenanceAction: {
    access: "clinic-patients",
    shape: "command",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "patientId"), id(w, "assignmentId")] }),
  },
  createInviteAction: {
    access: "clinic-patients",
    shape: "form",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "patientId")] }),
  },
  // After the password link above: the patient's own physiotherapist reads it (an audited read).
  revealPasswordLinkAction: {
    access: "clinic-patients",
    shape: "call",
    ids: "clinic",
    readOnly: true,
    input: (w) => ({ args: [id(w, "patientId")] }),
  },
  archivePatientAction: {
    access: "clinic-patients",
    shape: "command",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "spareId")] }),
  },
  restorePatientAction: {
    access: "clinic-admin",
    shape: "command",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "spareId")] }),
  },
  revealCprAction: {
    access: "clinic-patients",
    shape: "call",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "patientId")] }),
  },
  importPatientsAction: {
    access: "clinic-admin",
    shape: "form",
    ids: "none",
    input: () => ({
      args: [],
      form: { $mode: "import" },
      files: {
        file: {
          name: "patienter.csv",
          text: `\uFEFFNavn;Fødselsdato;Køn;Ramt side;Fysioterapeutens e-mail\r\nMatrix Import ${randomUUID().slice(0, 8)};1970-05-01;K;venstre;fysio@demo.dk\r\n`,
        },
      },
    }),
  },
  endAssignmentAction: {
    access: "clinic-patients",
    shape: "command",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "patientId"), id(w, "assignmentId")], form: { reason: "OTHER" } }),
  },
  saveClinicProfileAction: {
    access: "clinic-admin",
    shape: "form",
    ids: "none",
    input: () => ({ args: [], form: { name: "Demo Fysioterapi", phone: "86 12 34 56" } }),
  },
  saveRuleSettingsAction: {
    access: "clinic-admin",
    shape: "form",
    ids: "none",
    input: () => ({
      args: [],
      // The form's units (a share in percent), confirmed: anything but intent=save only previews.
      form: {
        ...Object.fromEntries(
          SETTING_NAMES.map((name) => [name, String(toFieldValue(name, DEFAULT_RULE_SETTINGS[name]))]),
        ),
        followUpDays: "35",
        intent: "save",
      },
    }),
  },
  reevaluationProgressAction: {
    access: "clinic-admin",
    shape: "call",
    ids: "none",
    readOnly: true,
    input: () => ({ args: [] }),
  },
  copyTemplateAction: {
    access: "clinic-admin",
    shape: "form",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "templateId")], form: { nameDa: "Kopi", nameEn: "Copy" } }),
  },
  saveTemplateVersionAction: {
    access: "clinic-admin",
    shape: "form",
    ids: "clinic",
    input: (w) => ({
      args: [id(w, "templateId"), w?.content],
      form: {
        ...(w ? programContentValues(w.content, "da") : {}),
        nameDa: "HSR, klinikkens udgave",
        nameEn: "HSR, the clinic's version",
      },
    }),
  },
  inviteStaffAction: {
    access: "clinic-admin",
    shape: "form",
    ids: "none",
    input: () => ({
      args: [],
      form: { name: "Matrix Fysio", email: `matrix-${randomUUID()}@example.test`, role: "CLINICIAN", locale: "da" },
    }),
  },
  changeStaffRoleAction: {
    access: "clinic-admin",
    shape: "form",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "staffId")], form: { role: "ADMIN" } }),
  },
  sendStaffPasswordResetAction: {
    access: "clinic-admin",
    shape: "form",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "staffId")] }),
  },
  deactivateStaffAction: {
    access: "clinic-admin",
    shape: "form",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "staffId")] }),
  },
  reactivateStaffAction: {
    access: "clinic-admin",
    shape: "form",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "staffId")] }),
  },
  saveOwnProfileAction: {
    access: "own-account",
    shape: "form",
    ids: "none",
    input: () => ({ args: [], form: { name: "Matrix Navn", locale: "da" } }),
  },
  // The same password again: a new hash (a new salt), and later sign-ins still work.
  changeOwnPasswordAction: {
    access: "own-account",
    shape: "form",
    ids: "none",
    input: () => ({
      args: [],
      form: { currentPassword: DEMO_PASSWORD, password: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD },
    }),
  },
  requestPasswordResetAction: {
    access: "public",
    shape: "form",
    ids: "none",
    input: () => ({ args: [], form: { email: "fysio@demo.dk" } }),
  },
  logMorningPainAction: {
    access: "own-record",
    shape: "call",
    ids: "none",
    input: () => ({ args: [{ clientId: randomUUID(), date: day, value: "3" }] }),
  },
  logSessionAction: {
    access: "own-record",
    shape: "call",
    ids: "clinic",
    idsAreChoices: true,
    input: (w) => ({
      args: [
        {
          clientId: randomUUID(),
          ...(w && { assignmentId: w.assignmentId }),
          date: day,
          completed: "yes",
          sets: "3",
          reps: "12",
          painDuring: "2",
          effort: "AS_INTENDED",
        },
      ],
    }),
  },
  saveReminderTimesAction: {
    access: "own-record",
    shape: "form",
    ids: "none",
    input: () => ({ args: [], form: { MORNING_PAIN: "07:30", SESSION: "" } }),
  },
  // Saved, then forgotten (the order of this list): the phone's subscription is there to forget.
  savePushSubscriptionAction: {
    access: "own-record",
    shape: "call",
    ids: "none",
    input: () => ({ args: [{ endpoint: MATRIX_PHONE, keys: { p256dh: "B".repeat(87), auth: "A".repeat(22) } }] }),
  },
  forgetPushSubscriptionAction: {
    access: "own-record",
    shape: "call",
    ids: "none",
    input: () => ({ args: [MATRIX_PHONE] }),
  },
  sendOwnMessageAction: {
    access: "own-record",
    shape: "form",
    ids: "none",
    input: () => ({ args: [], form: { body: "Må jeg cykle i dag?" } }),
  },
  sendPatientMessageAction: {
    access: "clinic-patients",
    shape: "form",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "patientId")], form: { body: "Ja, gerne roligt." } }),
  },
  savePsfsActivitiesAction: {
    access: "clinic-patients",
    shape: "form",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "patientId"), id(w, "episodeId")], form: { "activity.0": "Gå op ad trapper" } }),
  },
  // A score for the activity the clinician may have set above; without one it is left out.
  saveWeeklyCheckInAction: {
    access: "own-record",
    shape: "form",
    ids: "none",
    input: () => ({ args: [], form: { activityPain: "3", globalChange: "1", "psfs.0": "6" } }),
  },
  // The spare patient: a request stops every later write to the patient it names.
  recordErasureRequestAction: {
    access: "clinic-patients",
    shape: "command",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "spareId")] }),
  },
  placeHoldAction: {
    access: "clinic-admin",
    shape: "command",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "patientId")], form: { kind: "SUPERVISION" } }),
  },
  releaseHoldAction: {
    access: "clinic-admin",
    shape: "command",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "patientId"), id(w, "holdId")] }),
  },
  requestOwnErasureAction: { access: "own-record", shape: "call", ids: "none", input: () => ({ args: [] }) },
  // The discharge letter of a discharged episode, in this order: drafted, saved, signed, corrected.
  createLetterAction: {
    access: "clinic-patients",
    shape: "command",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "patientId"), id(w, "draftEpisodeId")] }),
  },
  saveLetterAction: {
    access: "clinic-patients",
    shape: "form",
    ids: "clinic",
    input: (w) => ({
      args: [id(w, "patientId"), id(w, "draftEpisodeId"), 1],
      form: Object.fromEntries(
        ["reason", "diagnosis", "course", "result", "findings", "discharge", "advice"].map((s) => [s, `Matrix ${s}`]),
      ),
    }),
  },
  signLetterAction: {
    access: "clinic-patients",
    shape: "command",
    ids: "clinic",
    input: (w) => ({ args: [id(w, "patientId"), id(w, "draftEpisodeId"), 1] }),
  },
  correctLetterAction: {
    access: "clinic-patients",
    shape: "form",
    ids: "clinic",
    input: (w) => ({
      args: [id(w, "patientId"), id(w, "draftEpisodeId")],
      form: { correctionReason: "Forkert dato" },
    }),
  },
};

/** Pages and route handlers: who may open them. The public ones are checked on their own below. */
const PAGES: Record<string, Access> = {
  "/": "public",
  "/sign-in": "public",
  "/sign-in/mitid": "public",
  "/invite/[token]": "public",
  "/caseload": "clinic-patients",
  "/flags": "clinic-patients",
  "/flags/[id]": "clinic-patients",
  "/patients/new": "clinic-patients",
  "/patients/[id]": "clinic-patients",
  "/patients/[id]/edit": "clinic-patients",
  "/patients/[id]/handout": "clinic-patients",
  "/patients/[id]/record": "clinic-patients",
  "/patients/[id]/messages": "clinic-patients",
  "/patients/[id]/episodes/[episodeId]/discharge": "clinic-patients",
  "/patients/[id]/programs/[assignmentId]/adjust": "clinic-patients",
  "/patients/[id]/records/[kind]/new": "clinic-patients",
  "/patients/[id]/records/[kind]/[recordId]/edit": "clinic-patients",
  "/patients/[id]/records/[kind]/[recordId]/history": "clinic-patients",
  "/patients/[id]/episodes/[episodeId]/letter": "clinic-patients",
  "/patients/[id]/episodes/[episodeId]/letter/print": "clinic-patients",
  "/settings": "clinic-admin",
  "/admin": "clinic-admin",
  "/settings/templates": "clinic-admin",
  "/settings/templates/[templateId]": "clinic-admin",
  "/admin/users": "clinic-admin",
  "/admin/outbox": "clinic-admin",
  "/admin/outbox/[messageId]": "clinic-admin",
  "/admin/audit": "clinic-admin",
  "/admin/import": "clinic-admin",
  "/admin/backups": "clinic-admin",
  "/admin/clinic": "clinic-admin",
  "/reports": "clinic-patients",
  "/account": "own-account",
  "/forgot-password": "public",
  "/portal": "own-record",
  "/portal/handout": "own-record",
  "/portal/record": "own-record",
  "/portal/learn": "own-record",
  "/portal/erasure": "own-record",
  "/portal/messages": "own-record",
};
const ROUTES: Record<string, Access> = {
  "/caseload/export": "clinic-patients",
  "/reports/export": "clinic-patients",
  "/admin/audit/export": "clinic-admin",
  "/admin/import/template": "clinic-admin",
  "/admin/backups/[name]": "clinic-admin",
  "/patients/[id]/export/fhir": "clinic-patients",
  "/patients/[id]/episodes/[episodeId]/letter/fhir": "clinic-patients",
  "/portal/record/fhir": "own-record",
  "/api/health": "public",
  "/api/auth/[...nextauth]": "public",
  "/api/mitid/start": "public",
  "/api/mitid/callback": "public",
};

/** What a cell must answer: sent to sign in, sent home, refused without a change, or done. */
type Outcome = "sign-in" | "home" | "refused" | "done";

function outcomeFor(role: Role, access: Access, world: WorldName | "missing" | null): Outcome {
  if (access !== "public" && !role.actor) return "sign-in";
  if (access !== "public" && !can(role.actor!, access)) return "home";
  if (world === "missing") return "refused";
  // No ids, or an invitation token: anyone allowed may use it.
  if (world === null) return "done";
  const worldClinic = world === "otherClinic" ? "other" : "demo";
  if (role.clinic !== worldClinic) return "refused";
  if (role.actor?.role === "PATIENT" && world !== "own") return "refused";
  return "done";
}

let server: MatrixServer;
let worlds: Record<WorldName, World>;
const cookies = new Map<string, string>();
const counted = { actions: 0, pages: 0, routes: 0, unchanged: 0 };

test.describe.configure({ mode: "serial", timeout: 600_000 });

test.beforeAll(async () => {
  // Starting Next.js in-process on a fresh demo database takes a while on 2 cores.
  test.setTimeout(180_000);
  server = await startMatrixServer();
  worlds = await prepareWorlds(server.db);
  for (const role of ROLES)
    cookies.set(role.key, role.email ? await signIn(server.baseURL, role.email, DEMO_PASSWORD) : "");
});
test.afterAll(async () => {
  console.log(
    `Authorization matrix: ${counted.actions} action calls, ${counted.pages} page loads, ${counted.routes} route calls; ${counted.unchanged} checked to leave the database unchanged.`,
  );
  await server?.close();
});

test("every entry point is declared through a wrapper, with the access the matrix expects", () => {
  const declared = declaredEntryPoints();
  const access = (kind: Declared["kind"]) =>
    Object.fromEntries(declared.filter((d) => d.kind === kind).map((d) => [d.name, d.access]));
  expect(access("action")).toEqual(Object.fromEntries(Object.entries(ACTIONS).map(([name, c]) => [name, c.access])));
  expect(access("page")).toEqual(PAGES);
  expect(access("route")).toEqual(ROUTES);
  // The build has exactly these actions: none outside app/actions, none missing from the matrix.
  expect(
    serverActions()
      .map((a) => a.name)
      .sort(),
  ).toEqual(Object.keys(ACTIONS).sort());
  // Roles are named in lib/platform/auth/permissions.ts only: app/ asks for permissions.
  const rolesInApp = readdirSync("app", { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file))
    .filter((file) => /\.role\b|"ADMIN"|"CLINICIAN"|getActor\(/.test(readFileSync(path.join("app", file), "utf8")));
  expect(rolesInApp).toEqual([]);
});

test("pages and route handlers: each role, with own, another patient's, another clinic's and malformed ids", async () => {
  for (const [pattern, access] of [...Object.entries(PAGES), ...Object.entries(ROUTES)]) {
    const isRoute = pattern in ROUTES;
    const dynamic = pattern.includes("[");
    for (const role of ROLES) {
      for (const variant of dynamic ? (["own", "otherPatient", "otherClinic", "missing"] as const) : [null]) {
        const url = fill(pattern, variant);
        const where = `${url} as ${role.key}`;
        const answer = await (async () => {
          const expected = expectedPage(pattern, role, access, variant);
          // An allowed read may write its audit event; everything else must change nothing.
          if (expected.status === 200) return getPage(server.baseURL, cookies.get(role.key)!, url);
          return unchanged(where, () => getPage(server.baseURL, cookies.get(role.key)!, url));
        })();
        expect(
          { status: answer.status, location: answer.location && new URL(answer.location, server.baseURL).pathname },
          where,
        ).toEqual(expectedPage(pattern, role, access, variant));
        if (isRoute) counted.routes += 1;
        else counted.pages += 1;
      }
    }
  }
});

test("server actions: each role, with own, another patient's, another clinic's and missing ids", async () => {
  const actions = serverActions();
  for (const [name, action] of Object.entries(ACTIONS)) {
    const actionId = actions.find((a) => a.name === name)!.id;
    const variants = {
      clinic: ["own", "otherPatient", "otherClinic", "missing"],
      token: [null, "missing"],
      none: [null],
    }[action.ids] as (WorldName | "missing" | null)[];
    for (const role of ROLES) {
      for (const variant of variants) {
        const outcome = outcomeFor(role, action.access, variant);
        if (outcome === "done") continue; // run once below, as the positive control
        const input = action.input(variant === "missing" ? null : worlds[variant ?? "own"]);
        const where = `${name} as ${role.key} with ${variant ?? "its input"}`;
        const refusalsBefore = await refusals();
        const answer = await unchanged(where, () => callAction(role, actionId, action, input), {
          ignoreReads: outcome === "home",
        });
        expectRefusal(where, answer, outcome, role, action);
        // A signed-in caller's refusal is audited (another role, or an id out of reach); a missing id is bad input, not a refusal.
        if (
          role.actor &&
          (outcome === "home" || (outcome === "refused" && variant !== "missing" && !action.idsAreChoices))
        )
          expect(await refusals(), `${where} was not audited`).toBeGreaterThan(refusalsBefore);
        counted.actions += 1;
      }
    }
  }
});

test("server actions: each runs for its first allowed role on its own data and changes the database", async () => {
  const actions = serverActions();
  const first = (access: Access) => ROLES.find((role) => outcomeFor(role, access, "own") === "done")!;
  // Archive before restore; open an episode for the spare patient before its erasure request;
  // end the program and the course after the others have used them; the patient's own erasure
  // request, which closes their account, last of all.
  const last = [
    "recordErasureRequestAction",
    "endAssignmentAction",
    "dischargeEpisodeAction",
    "requestOwnErasureAction",
  ];
  const order = Object.keys(ACTIONS).sort((a, b) => last.indexOf(a) - last.indexOf(b));
  for (const name of order) {
    const action = ACTIONS[name]!;
    const role = first(action.access);
    const before = await fingerprint(server.db);
    const answer = await callAction(role, actions.find((a) => a.name === name)!.id, action, action.input(worlds.own));
    const changed = changedTables(before, await fingerprint(server.db));
    expect(answer.threw, `${name} threw`).toBe(false);
    if (action.readOnly) expect(answer.value, `${name} answered nothing`).not.toBeNull();
    else expect(changed, `${name} as ${role.key} changed nothing: ${JSON.stringify(answer.value)}`).not.toEqual([]);
    counted.actions += 1;
  }
  // Saving the rule settings re-evaluates the clinic in the background: let it finish.
  await expect.poll(() => server.db.clinic.count({ where: { reevaluationRequestedAt: { not: null } } })).toBe(0);
});

/** The status and redirect target a page or route must answer. */
function expectedPage(
  pattern: string,
  role: Role,
  access: Access,
  variant: WorldName | "missing" | null,
): { status: number; location: string | null } {
  const isRoute = pattern in ROUTES;
  if (pattern === "/") return { status: 307, location: role.actor ? homePath(role.actor) : "/sign-in" };
  if (pattern === "/sign-in" || pattern === "/forgot-password")
    return role.actor ? { status: 307, location: homePath(role.actor) } : { status: 200, location: null };
  // The matrix's server has no MitID broker configured: MitID's pages and routes are not there
  // (e2e/mitid.spec.ts runs them against one).
  if (pattern === "/sign-in/mitid" || pattern.startsWith("/api/mitid/")) return { status: 404, location: null };
  if (pattern === "/invite/[token]")
    return variant === "missing" ? { status: 404, location: null } : { status: 200, location: null };
  if (access === "public") return { status: 200, location: null };
  const outcome = outcomeFor(role, access, variant);
  // The matrix database holds two clinics, so a backup (the whole database) is no admin's to download.
  if (pattern === "/admin/backups/[name]" && outcome !== "sign-in" && outcome !== "home")
    return { status: variant === "missing" ? 404 : 403, location: null };
  if (isRoute) return { status: { "sign-in": 401, home: 404, refused: 404, done: 200 }[outcome], location: null };
  if (outcome === "sign-in") return { status: 307, location: "/sign-in" };
  if (outcome === "home") return { status: 307, location: homePath(role.actor!) };
  return outcome === "refused" ? { status: 404, location: null } : { status: 200, location: null };
}

/** A URL of the pattern with the world's ids in its segments; malformed ids for "missing". */
function fill(pattern: string, variant: WorldName | "missing" | null): string {
  const w = variant && variant !== "missing" ? worlds[variant] : null;
  const segment: Record<string, string> = {
    "[id]": w?.patientId ?? "not-an-id",
    "[assignmentId]": w?.assignmentId ?? "not-an-id",
    // A letter is of a discharged course; the discharge page is of one still open.
    "[episodeId]": (pattern.endsWith("/discharge") ? w?.episodeId : w?.letterEpisodeId) ?? "not-an-id",
    "[recordId]": w?.outcomeId ?? "not-an-id",
    "[templateId]": w?.templateId ?? "not-an-id",
    "[kind]": "outcome",
    "[token]": w?.inviteToken ?? "not-a-token",
    "[messageId]": w?.messageId ?? "not-an-id",
    // Backups are the database's, not a world's: a name a backup could have, or one it never has.
    "[name]": w ? "backup-2026-12-01T01-00-00Z.sql" : "not-a-backup",
    "[...nextauth]": "session",
  };
  return pattern.replace(/\[[^\]]+\]/g, (name) =>
    name === "[id]" && pattern.startsWith("/flags/") ? (w?.flagId ?? "not-an-id") : segment[name]!,
  );
}

async function callAction(role: Role, actionId: string, action: ActionCase, input: Input): Promise<ActionAnswer> {
  const form = new FormData();
  for (const [key, value] of Object.entries(input.form ?? {})) form.set(key, value);
  for (const [key, file] of Object.entries(input.files ?? {}))
    form.set(key, new File([file.text], file.name, { type: "text/csv" }));
  const args = { form: [...input.args, { attempt: 0 }, form], command: [...input.args, form], call: input.args }[
    action.shape
  ];
  return callServerAction(server.baseURL, cookies.get(role.key)!, actionId, args);
}

const refusals = () => server.db.auditEvent.count({ where: { action: "REFUSED" } });

/** Runs a request that must change nothing, and checks that it did not. */
async function unchanged<T>(
  where: string,
  request: () => Promise<T>,
  options: { ignoreReads?: boolean } = {},
): Promise<T> {
  const before = await fingerprint(server.db, options);
  const answer = await request();
  expect(changedTables(before, await fingerprint(server.db, options)), `${where} changed the database`).toEqual([]);
  counted.unchanged += 1;
  return answer;
}

function expectRefusal(where: string, answer: ActionAnswer, outcome: Outcome, role: Role, action: ActionCase) {
  expect(answer.threw, `${where} threw instead of answering`).toBe(false);
  if (outcome === "sign-in") return expect(answer.redirect, where).toBe("/sign-in");
  if (outcome === "home") return expect(answer.redirect, where).toBe(homePath(role.actor!));
  expect(answer.redirect, `${where} redirected`).toBeNull();
  // Refused by the wrapper or the service: the answer says so in the shape the client reads.
  const value = answer.value as { formError?: string | null; error?: string | null } | null;
  if (action.shape === "form") expect(value?.formError, where).toEqual(expect.any(String));
  if (action.shape === "command") expect(value?.error, where).toEqual(expect.any(String));
  // A call whose ids are choices answers the field error the form shows; any other refused call answers null.
  if (action.shape === "call" && action.idsAreChoices) expect(value?.formError, where).toEqual(expect.any(String));
  else if (action.shape === "call") expect(value, where).toBeNull();
}

/** The ids of the three worlds, from the demo data and a few rows made for the positive controls. */
async function prepareWorlds(db: Db): Promise<Record<WorldName, World>> {
  const clinic = async (name: string) => (await db.clinic.findFirstOrThrow({ where: { name } })).id;
  const demo = await clinic(DEMO_CLINIC_NAME);
  const other = await clinic(SECOND_CLINIC_NAME);
  const peter = await db.patient.findFirstOrThrow({
    where: { clinicId: demo, portalUser: { email: "patient@demo.dk" } },
  });
  const world = async (clinicId: string, patientWhere: object, tag: "demo" | "other"): Promise<World> => {
    const assignment = await db.programAssignment.findFirstOrThrow({
      where: {
        clinicId,
        status: "ACTIVE",
        kind: "HSR",
        episode: { status: "ACTIVE", patient: { archivedAt: null, ...patientWhere } },
      },
      include: { episode: true },
    });
    const episodeId = assignment.episodeId;
    const patientId = assignment.episode.patientId;
    const clinician = await db.user.findFirstOrThrow({ where: { clinicId, role: { not: "PATIENT" } } });
    const outcome = await db.outcomeMeasurement.create({
      data: {
        clinicId,
        episodeId,
        recordedById: clinician.id,
        recordedBy: "CLINICIAN",
        date: today(DEFAULT_TIME_ZONE),
        instrument: "NRS_ACTIVITY",
        value: 5,
      },
    });
    // An open flag to acknowledge: the episode's own, or one made for the test.
    const flag =
      (await db.flag.findFirst({ where: { episodeId, status: "OPEN" } })) ??
      (await db.flag.create({
        data: { clinicId, episodeId, code: "MATRIX_TEST", severity: "INFO", evidence: {}, sources: [], ruleVersion: 2 },
      }));
    const template = await db.programTemplate.findFirstOrThrow({
      where: { clinicId, kind: "HSR", archivedAt: null },
      orderBy: { version: "desc" },
    });
    const free = await db.programTemplate.findFirstOrThrow({
      where: { clinicId, kind: "RETURN_TO_RUN", archivedAt: null },
    });
    await db.programAssignment.updateMany({
      where: { episodeId, kind: "RETURN_TO_RUN", status: "ACTIVE" },
      data: { status: "ENDED", endedAt: today(DEFAULT_TIME_ZONE), endReason: "OTHER" },
    });
    const spare = await createPatient(db, {
      clinicId,
      clinicianId: clinician.id,
      email: `spare-${randomUUID()}@example.test`,
    });
    const actor = actorOf(clinician);
    const invite = await createInvite(db, actor, spare.id, new Date(), server.baseURL);
    if (invite.status !== "created") throw new Error("the matrix's invitation was refused");
    // No password: nobody signs in as this user, and hashing one would only cost time.
    const staff = await createUser(db, {
      clinicId,
      role: "CLINICIAN",
      email: `matrix-staff-${randomUUID()}@example.test`,
      passwordHash: "none",
    });
    const message = await db.emailMessage.create({
      data: { clinicId, kind: "STAFF_INVITE", to: staff.email, subject: "Matrix", text: "Matrix" },
    });
    const hold = await db.recordHold.create({
      data: { clinicId, patientId, kind: "COMPLAINT", placedById: clinician.id },
    });
    // Two earlier, discharged courses of the patient: one with a signed letter, one waiting for its letter.
    const discharged = () =>
      db.episode.create({
        data: {
          clinicId,
          patientId,
          side: "LEFT",
          symptomOnset: addDays(today(DEFAULT_TIME_ZONE), -400),
          treatmentStart: addDays(today(DEFAULT_TIME_ZONE), -380),
          status: "DISCHARGED",
          dischargedAt: addDays(today(DEFAULT_TIME_ZONE), -300),
          dischargeReason: "RECOVERED",
        },
      });
    const [lettered, waiting] = [await discharged(), await discharged()];
    await db.dischargeLetter.create({
      data: {
        clinicId,
        episodeId: lettered.id,
        version: 1,
        locale: "da",
        recipientKind: "NONE",
        sections: { reason: "Matrix", advice: "Matrix" },
        authorId: clinician.id,
        signedById: clinician.id,
        signedAt: new Date(),
      },
    });
    return {
      clinic: tag,
      patientId,
      episodeId,
      treatmentStart: isoDate(assignment.episode.treatmentStart),
      assignmentId: assignment.id,
      content: ZProgramContent.parse(assignment.content),
      outcomeId: outcome.id,
      flagId: flag.id,
      templateId: template.id,
      freeTemplateId: free.id,
      spareId: spare.id,
      inviteToken: invite.token,
      staffId: staff.id,
      messageId: message.id,
      holdId: hold.id,
      letterEpisodeId: lettered.id,
      draftEpisodeId: waiting.id,
    };
  };
  return {
    own: await world(demo, { id: peter.id }, "demo"),
    otherPatient: await world(demo, { id: { not: peter.id } }, "demo"),
    otherClinic: await world(other, {}, "other"),
  };
}
