// The demo clinic: users for every role and patients whose episodes show the situations of
// SPEC §5. Dates are relative to the day of seeding, so the demo stays current. Values come
// from a seeded random generator, so two seeds on the same day give the same data.
import { randomUUID } from "node:crypto";

import { DEFAULT_TEMPLATES } from "../../clinical/programs/default-templates";
import type { Prisma } from "../../generated/prisma/client";
import type { FootType, Instrument, Sex, Side } from "../../generated/prisma/enums";
import { hashPassword } from "../../platform/auth/password";
import { addDays } from "../../platform/dates";
import type { Db } from "../../platform/db/client";
import { refreshEpisodeState } from "../episodes/episode-state";
import { seedDefaultTemplates } from "../programs/templates";
import { createClinic, createPatient, createUser } from "./builders";
import { DEMO_LETTER_PATIENT, seedDemoLetter } from "./demo-letter";
import { syntheticCprs } from "./synthetic-cpr";

export const DEMO_PASSWORD = "heelpain-demo";
export const DEMO_CLINIC_NAME = "Demo Fysioterapi";
export const DEMO_USERS = [
  { email: "admin@demo.dk", name: "Anne Admin", role: "ADMIN" },
  { email: "fysio@demo.dk", name: "Frederik Fysio", role: "CLINICIAN" },
  { email: "fysio2@demo.dk", name: "Sofie Skov", role: "CLINICIAN" },
  { email: "patient@demo.dk", name: "Peter Patient", role: "PATIENT" },
] as const;
export const SECOND_CLINIC_NAME = "Anden Fysioterapi";
export const SECOND_CLINIC_CLINICIAN = { email: "fysio@anden.dk", name: "Mette Mortensen" } as const;

/** The course each demo episode follows, named for the rule of SPEC §5 it shows. */
export type Scenario =
  | "IMPROVING"
  | "PLATEAU"
  | "WORSENING"
  | "RED_FLAG"
  | "DIAGNOSIS_DOUBT"
  | "LONG_3_MONTHS"
  | "LONG_12_MONTHS"
  | "LOW_ADHERENCE"
  | "LOAD_RESPONSE"
  | "RETURN_TO_RUN_READY"
  | "BASELINE_MISSING"
  | "FOLLOW_UP_OVERDUE"
  | "FIRST_WEEK"
  | "DISCHARGED";

type Course = {
  /** Days from treatment start to today. */
  days: number;
  /** First-step pain at the start and today (0–10). */
  pain: [number, number];
  /** Share of prescribed HSR sessions done. */
  adherence: number;
  /** Days between clinic visits. */
  visitEvery: number;
};

const COURSES: Record<Scenario, Course> = {
  IMPROVING: { days: 70, pain: [7, 2], adherence: 0.9, visitEvery: 21 },
  PLATEAU: { days: 48, pain: [6, 6], adherence: 0.85, visitEvery: 21 },
  WORSENING: { days: 35, pain: [5, 8], adherence: 0.8, visitEvery: 14 },
  RED_FLAG: { days: 20, pain: [6, 7], adherence: 0.8, visitEvery: 10 },
  DIAGNOSIS_DOUBT: { days: 25, pain: [5, 5], adherence: 0.8, visitEvery: 12 },
  LONG_3_MONTHS: { days: 120, pain: [7, 7], adherence: 0.8, visitEvery: 28 },
  LONG_12_MONTHS: { days: 400, pain: [6, 6], adherence: 0.7, visitEvery: 35 },
  LOW_ADHERENCE: { days: 40, pain: [6, 5], adherence: 0.2, visitEvery: 20 },
  LOAD_RESPONSE: { days: 30, pain: [6, 4], adherence: 0.9, visitEvery: 15 },
  RETURN_TO_RUN_READY: { days: 84, pain: [7, 1], adherence: 0.95, visitEvery: 21 },
  BASELINE_MISSING: { days: 10, pain: [6, 6], adherence: 0.8, visitEvery: 30 },
  FOLLOW_UP_OVERDUE: { days: 90, pain: [7, 5], adherence: 0.7, visitEvery: 60 },
  FIRST_WEEK: { days: 3, pain: [6, 6], adherence: 1, visitEvery: 30 },
  DISCHARGED: { days: 150, pain: [7, 0], adherence: 0.9, visitEvery: 28 },
};

/** 42 demo patients: every scenario three times, in a fixed order (and the discharge letter's patient after them). */
export const DEMO_SCENARIOS: Scenario[] = (Object.keys(COURSES) as Scenario[]).flatMap((scenario) => [
  scenario,
  scenario,
  scenario,
]);

const FIRST_NAMES = [
  "Mette",
  "Lars",
  "Hanne",
  "Jens",
  "Susanne",
  "Peter",
  "Camilla",
  "Søren",
  "Louise",
  "Anders",
  "Maria",
  "Henrik",
  "Julie",
  "Mikkel",
];
const LAST_NAMES = [
  "Nielsen",
  "Jensen",
  "Hansen",
  "Pedersen",
  "Andersen",
  "Christensen",
  "Larsen",
  "Sørensen",
  "Rasmussen",
  "Jørgensen",
  "Petersen",
  "Madsen",
];
const OCCUPATIONS = [
  "Sygeplejerske",
  "Lærer",
  "Butiksassistent",
  "Tømrer",
  "Kontorassistent",
  "Pædagog",
  "Frisør",
  "Lagerarbejder",
];

/** mulberry32: a small, fast, seeded generator; quality is ample for demo data. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export type DemoSeedResult = { clinicId: string; secondClinicId: string; patients: number };

/** Whether the demo clinic is already there (a seed is then skipped). */
export async function demoExists(db: Db): Promise<boolean> {
  return (await db.clinic.count({ where: { name: DEMO_CLINIC_NAME } })) > 0;
}

export async function seedDemo(db: Prisma.TransactionClient, seedDay: Date): Promise<DemoSeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // A profile as a clinic fills it in (admin/clinic): the handout and the portal say whom to call.
  const clinic = await createClinic(db, {
    name: DEMO_CLINIC_NAME,
    address: "Vestergade 5, 8000 Aarhus C",
    phone: "86 12 34 56",
    openingHours: "Telefontid man–fre 8–15",
  });
  const users = Object.fromEntries(
    await Promise.all(
      DEMO_USERS.map(async (user) => [
        user.email,
        await createUser(db, { ...user, clinicId: clinic.id, passwordHash }),
      ]),
    ),
  );
  const clinicians = [users["fysio@demo.dk"]!, users["fysio2@demo.dk"]!];
  const templates = await seedTemplates(db, clinic.id);

  const rng = random(20260222);
  const cprs = syntheticCprs();
  for (const [index, scenario] of DEMO_SCENARIOS.entries()) {
    // The first clinician holds two thirds of the caseload; the portal patient is theirs.
    const clinician = clinicians[index % 3 === 2 ? 1 : 0]!;
    await seedDemoPatient(db, {
      clinicId: clinic.id,
      clinicianId: clinician.id,
      templates,
      scenario,
      variant: index % 3,
      seedDay,
      rng,
      passwordHash,
      portalEmail: `patient${index}@demo.dk`,
      portalUserId: index === 0 ? users["patient@demo.dk"]!.id : undefined,
      name: index === 0 ? "Peter Patient" : undefined,
      // Every eighth patient is a visitor from abroad, without a CPR number.
      cpr: index % 8 === 7 ? null : { next: cprs, index },
    });
  }

  await seedDemoMessages(db, clinic.id, users["fysio@demo.dk"]!.id, users["patient@demo.dk"]!.id, seedDay);
  await seedDemoReferralAndGps(db, clinic.id, users["patient@demo.dk"]!.id);

  const second = await createClinic(db, { name: SECOND_CLINIC_NAME });
  const secondClinician = await createUser(db, {
    ...SECOND_CLINIC_CLINICIAN,
    role: "CLINICIAN",
    clinicId: second.id,
    passwordHash,
  });
  const secondTemplates = await seedTemplates(db, second.id);
  const secondScenarios: Scenario[] = ["IMPROVING", "PLATEAU", "WORSENING", "RED_FLAG", "LONG_3_MONTHS"];
  const secondCprs = syntheticCprs();
  for (const [index, scenario] of secondScenarios.entries()) {
    await seedDemoPatient(db, {
      clinicId: second.id,
      clinicianId: secondClinician.id,
      templates: secondTemplates,
      scenario,
      variant: 0,
      seedDay,
      rng,
      passwordHash,
      portalEmail: `patient${index}@anden.dk`,
      cpr: { next: secondCprs, index },
    });
  }
  // Issue 46, the discharge letter: one more discharged patient of the demo clinic, improved,
  // with her GP's referral and a signed letter (demo-letter.ts). Last, so that the random
  // sequence every other demo patient draws from is the same as before.
  await seedDemoPatient(db, {
    clinicId: clinic.id,
    clinicianId: clinicians[0]!.id,
    templates,
    scenario: "DISCHARGED",
    variant: 0,
    seedDay,
    rng,
    passwordHash,
    portalEmail: DEMO_LETTER_PATIENT.email,
    name: DEMO_LETTER_PATIENT.name,
    cpr: { next: cprs, index: DEMO_SCENARIOS.length },
  });
  await seedDemoLetter(db, clinic.id, clinicians[0]!.id);
  // The letterhead's numbers, as an admin fills them in (admin/clinic).
  await db.clinic.update({ where: { id: clinic.id }, data: { cvr: "12345678", locationNumber: "5790001234567" } });

  return { clinicId: clinic.id, secondClinicId: second.id, patients: DEMO_SCENARIOS.length + 1 };
}

/**
 * A short conversation for the portal's demo patient (SPEC §10): the clinician's note, which
 * the patient has read, and the patient's question, which waits on the caseload as unread.
 */
async function seedDemoMessages(
  db: Prisma.TransactionClient,
  clinicId: string,
  clinicianId: string,
  portalUserId: string,
  seedDay: Date,
) {
  const patient = await db.patient.findUniqueOrThrow({ where: { portalUserId }, select: { id: true } });
  const at = (daysAgo: number, hour: number) => new Date(addDays(seedDay, -daysAgo).getTime() + hour * 3_600_000);
  await db.message.createMany({
    data: [
      {
        clinicId,
        patientId: patient.id,
        senderId: clinicianId,
        fromPatient: false,
        sentAt: at(3, 9),
        readAt: at(2, 7),
        readById: portalUserId,
        body: "Hej Peter. Husk at notere morgensmerten hver dag, så kan vi se, om belastningen passer til dig. Skriv endelig, hvis noget i planen er uklart.",
      },
      {
        clinicId,
        patientId: patient.id,
        senderId: portalUserId,
        fromPatient: true,
        sentAt: at(1, 19),
        body: "Tak. Skal jeg blive ved med rygsækken, hvis hælen er lidt øm dagen efter?",
      },
    ],
  });
}

/**
 * The portal patient's phone, GP and the GP's referral (REF07) their episode started from, and a
 * GP on a few other patients (SPEC §11): the patient page, the flag page and the FHIR export
 * show them. Fixed values, no random draws, so the rest of the demo stays as it was.
 */
async function seedDemoReferralAndGps(db: Prisma.TransactionClient, clinicId: string, portalUserId: string) {
  const peter = await db.patient.findUniqueOrThrow({
    where: { portalUserId },
    select: { id: true, currentEpisode: { select: { id: true, treatmentStart: true } } },
  });
  const gp = {
    gpName: "Anne Holm",
    gpPractice: "Lægerne i Vestergade",
    gpLocationNumber: "5790001234567",
    gpAddress: "Vestergade 20, 8000 Aarhus C",
  };
  await db.patient.update({ where: { id: peter.id }, data: { ...gp, phone: "20 30 40 50" } });
  await db.referral.create({
    data: {
      clinicId,
      episodeId: peter.currentEpisode!.id,
      referenceId: "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
      referralDate: addDays(peter.currentEpisode!.treatmentStart, -12),
      doctorName: gp.gpName,
      practice: gp.gpPractice,
      doctorPhone: "86 20 30 40",
      locationNumber: gp.gpLocationNumber,
      diagnosisText: "Hælsmerter ved første skridt om morgenen gennem 3 måneder, plantar fasciopati",
      icd10Code: "M72.2",
      vederlagsfri: false,
    },
  });
  const others = await db.patient.findMany({
    where: { clinicId, id: { not: peter.id } },
    orderBy: { name: "asc" },
    take: 3,
    select: { id: true },
  });
  const practices = [
    { gpName: "Jonas Krogh", gpPractice: "Lægehuset Frederiksbjerg", gpLocationNumber: "5790002345678" },
    { gpName: "Sofie Dahl", gpPractice: "Lægerne på Trøjborg", gpLocationNumber: null },
    { gpName: "Mads Berg", gpPractice: null, gpLocationNumber: null },
  ];
  for (const [index, patient] of others.entries())
    await db.patient.update({ where: { id: patient.id }, data: practices[index]! });
}

type Templates = Record<
  string,
  { id: string; kind: "FIRST_WEEK" | "HSR" | "RETURN_TO_RUN"; content: Prisma.InputJsonValue }
>;

async function seedTemplates(db: Prisma.TransactionClient, clinicId: string): Promise<Templates> {
  await seedDefaultTemplates(db, clinicId);
  const rows = await db.programTemplate.findMany({
    where: { clinicId, key: { in: DEFAULT_TEMPLATES.map((template) => template.key) }, version: 1 },
  });
  return Object.fromEntries(
    rows.map((row) => [row.key, { id: row.id, kind: row.kind, content: row.content as Prisma.InputJsonValue }]),
  );
}

type PatientSeed = {
  clinicId: string;
  clinicianId: string;
  templates: Templates;
  scenario: Scenario;
  /** Which of a scenario's three patients (0–2): each shows a different red flag or differential. */
  variant: number;
  seedDay: Date;
  rng: ReturnType<typeof random>;
  passwordHash: string;
  /** The portal account to create for the patient, unless `portalUserId` names one. */
  portalEmail: string;
  portalUserId?: string | undefined;
  name?: string | undefined;
  /** The clinic's CPR numbers, and this patient's place among them; null: a visitor without one. */
  cpr: { next: ReturnType<typeof syntheticCprs>; index: number } | null;
};

async function seedDemoPatient(db: Prisma.TransactionClient, seed: PatientSeed) {
  const { rng, scenario, seedDay, clinicId } = seed;
  const course = COURSES[scenario];
  const side = rng.pick<Side>(["LEFT", "RIGHT", "LEFT", "RIGHT", "BOTH"]);
  const treatmentStart = addDays(seedDay, -course.days);
  const name = seed.name ?? `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const portalUserId =
    seed.portalUserId ??
    (
      await createUser(db, {
        clinicId,
        role: "PATIENT",
        email: seed.portalEmail,
        name,
        passwordHash: seed.passwordHash,
      })
    ).id;
  const dateOfBirth = new Date(Date.UTC(rng.int(1950, 2000), rng.int(0, 11), rng.int(1, 28)));
  const patient = await createPatient(db, {
    clinicId,
    clinicianId: seed.clinicianId,
    portalUserId,
    name,
    dateOfBirth,
    ...(seed.cpr ? { cpr: seed.cpr.next(dateOfBirth, seed.cpr.index) } : {}),
    sex: rng.pick<Sex>(["FEMALE", "MALE", "FEMALE", "MALE", "OTHER"]),
    affectedSide: side,
    occupation: rng.pick(OCCUPATIONS),
    standingHoursPerDay: rng.int(2, 9),
    runningKmPerWeek: rng.pick([0, 0, 10, 20, 35]),
    recentLoadChange: rng.next() < 0.4,
    shoeAgeKm: rng.int(100, 1200),
    heightCm: rng.int(155, 195),
    weightKg: rng.int(55, 110),
    footType: rng.pick<FootType>(["NORMAL", "FLAT", "HIGH_ARCH", "NORMAL"]),
    // Conditions that change the advice: an injection candidate with diabetes, a first-week
    // patient who must not use ice.
    comorbidities:
      seed.variant === 0 && scenario === "LONG_12_MONTHS"
        ? ["DIABETES"]
        : seed.variant === 0 && scenario === "FIRST_WEEK"
          ? ["PERIPHERAL_NEUROPATHY"]
          : [],
  });
  const episode = await db.episode.create({
    data: {
      clinicId,
      patientId: patient.id,
      side,
      symptomOnset: addDays(treatmentStart, -rng.int(20, 120)),
      treatmentStart,
      status: scenario === "DISCHARGED" ? "DISCHARGED" : "ACTIVE",
      dischargedAt: scenario === "DISCHARGED" ? addDays(seedDay, -10) : null,
      dischargeReason: scenario === "DISCHARGED" ? "RECOVERED" : null,
    },
  });
  await db.patient.update({ where: { id: patient.id }, data: { currentEpisodeId: episode.id } });
  const base = { clinicId, episodeId: episode.id };
  const lastDay = scenario === "DISCHARGED" ? course.days - 10 : course.days;
  const painOn = (day: number) => {
    const progress = lastDay === 0 ? 0 : day / lastDay;
    const trend = course.pain[0] + (course.pain[1] - course.pain[0]) * progress;
    return clamp(Math.round(trend + (rng.next() - 0.5) * 1.6), 0, 10);
  };

  // Clinic visits: one at treatment start, then every `visitEvery` days.
  const visitDays = [0];
  for (let day = course.visitEvery; day <= lastDay; day += course.visitEvery) visitDays.push(day);
  if (scenario === "FOLLOW_UP_OVERDUE") visitDays.splice(1); // only the first visit, long ago
  // What the red-flag and differential scenarios show (SPEC §5): a red flag ticked or found by
  // the squeeze test, sometimes followed by a visit that skipped the screen (the flag stays);
  // a differential ticked or found by Tinel's sign.
  const redFlagCase =
    scenario === "RED_FLAG" ? (["SQUEEZE", "FEVER_MALAISE", "NIGHT_OR_REST_PAIN"] as const)[seed.variant]! : null;
  const unscreenedAfterRedFlag = redFlagCase === "FEVER_MALAISE" && visitDays.length > 1;
  const doubtCase =
    scenario === "DIAGNOSIS_DOUBT" ? (["TINEL", "INFLAMMATORY_SIGNS", "TESTS_NEGATIVE"] as const)[seed.variant]! : null;
  const assessments: Prisma.AssessmentCreateManyInput[] = visitDays.map((day, i) => {
    const latest = i === visitDays.length - 1;
    const redFlagVisit = redFlagCase !== null && i === visitDays.length - (unscreenedAfterRedFlag ? 2 : 1);
    const doubt = latest ? doubtCase : null;
    const ready = scenario === "RETURN_TO_RUN_READY" && latest;
    return {
      ...base,
      id: randomUUID(),
      recordedById: seed.clinicianId,
      date: addDays(treatmentStart, day),
      painLocation: "MEDIAL_HEEL",
      // Without a baseline there is no first-step pain either: it would be a measurement.
      firstStepPain: scenario === "BASELINE_MISSING" ? null : painOn(day),
      palpationPositive: doubt !== "TESTS_NEGATIVE",
      windlassPositive: doubt === "TESTS_NEGATIVE" ? false : rng.next() < 0.8,
      // The squeeze test and Tinel's sign at the first visit, and where a scenario needs them.
      calcanealSqueezePositive: redFlagVisit && redFlagCase === "SQUEEZE" ? true : i === 0 ? false : null,
      tinelPositive: doubt === "TINEL" ? true : i === 0 ? false : null,
      ankleDorsiflexionDeg: i === 0 ? rng.int(0, 15) : null,
      redFlagsScreened: !(unscreenedAfterRedFlag && latest),
      redFlags: redFlagVisit && redFlagCase !== "SQUEEZE" ? [redFlagCase!] : [],
      differentialsExamined: true,
      findings: doubt === "INFLAMMATORY_SIGNS" ? [doubt] : [],
      riskFactors: { recentLoadChange: rng.next() < 0.4, calfTightness: rng.next() < 0.5 },
      walkToleranceMin: ready ? 40 : rng.int(5, 25),
      walkNextMorningWorse: ready ? false : rng.next() < 0.5,
    };
  });
  await db.assessment.createMany({ data: assessments });

  if (scenario !== "BASELINE_MISSING") {
    await db.outcomeMeasurement.createMany({
      data: [
        // Each visit's first-step pain is that visit's measurement (SPEC §3).
        ...assessments
          .filter((a) => a.firstStepPain != null)
          .map((a) => ({
            ...base,
            recordedById: seed.clinicianId,
            recordedBy: "CLINICIAN" as const,
            date: a.date,
            instrument: "NRS_FIRST_STEP" as const,
            value: a.firstStepPain!,
            assessmentId: a.id!,
          })),
        ...clinicOutcomes(visitDays, painOn, course, rng).map((outcome) => ({
          ...base,
          recordedById: seed.clinicianId,
          recordedBy: "CLINICIAN" as const,
          date: addDays(treatmentStart, outcome.day),
          instrument: outcome.instrument,
          value: outcome.value,
        })),
      ],
    });
  }

  if (scenario === "IMPROVING") {
    await db.intervention.create({
      data: {
        ...base,
        recordedById: seed.clinicianId,
        date: addDays(treatmentStart, 14),
        type: "ORTHOSIS",
        note: "Hælkop i begge sko",
      },
    });
  }
  if (scenario === "LONG_3_MONTHS" || scenario === "LONG_12_MONTHS") {
    await db.intervention.createMany({
      data: [
        { ...base, recordedById: seed.clinicianId, date: addDays(treatmentStart, 30), type: "ORTHOSIS" },
        ...(scenario === "LONG_12_MONTHS"
          ? [
              {
                ...base,
                recordedById: seed.clinicianId,
                date: addDays(treatmentStart, 200),
                type: "CORTICOSTEROID_INJECTION" as const,
              },
            ]
          : []),
      ],
    });
  }

  await seedProgramsAndLogs(db, seed, { ...base, portalUserId, treatmentStart, lastDay, course, painOn });
  // The demo's patients are not told that their plans are on hold: nobody changed them.
  await refreshEpisodeState(db, [episode.id], seedDay, { notify: false });
}

function clinicOutcomes(
  visitDays: number[],
  painOn: (day: number) => number,
  course: Course,
  rng: ReturnType<typeof random>,
) {
  const [startPain, endPain] = course.pain;
  return visitDays.flatMap((day) => {
    const nrs = painOn(day);
    // FAAM ADL moves with pain: about 8 points per point of pain, around 60 % at pain 5.
    const faam = clamp(Math.round(100 - nrs * 8 + (rng.next() - 0.5) * 6), 0, 100);
    const outcomes: { day: number; instrument: Instrument; value: number }[] = [
      { day, instrument: "NRS_ACTIVITY", value: clamp(nrs + rng.int(-1, 1), 0, 10) },
      { day, instrument: "FAAM_ADL", value: faam },
    ];
    if (startPain !== endPain || day === 0) {
      outcomes.push({ day, instrument: "FFI", value: clamp(Math.round(nrs * 9 + rng.int(-4, 4)), 0, 100) });
    }
    // At follow-ups the patient rates the change since the start: about a step per two points of
    // pain below the course's start (painOn draws from the random sequence, so it is not asked again).
    if (day > 0)
      outcomes.push({ day, instrument: "GLOBAL_CHANGE", value: clamp(Math.round((startPain - nrs) / 2), -3, 3) });
    return outcomes;
  });
}

type EpisodeCourse = {
  clinicId: string;
  portalUserId: string;
  episodeId: string;
  treatmentStart: Date;
  lastDay: number;
  course: Course;
  painOn: (day: number) => number;
};

/** First week, then 12 weeks of HSR with session logs, and daily morning pain from the portal. */
async function seedProgramsAndLogs(db: Prisma.TransactionClient, seed: PatientSeed, episode: EpisodeCourse) {
  const { rng, scenario, templates } = seed;
  const { clinicId, episodeId, portalUserId, treatmentStart, lastDay, course, painOn } = episode;
  const firstWeek = templates["first-week"]!;
  const hsr = templates["hsr-12-weeks"]!;
  await db.programAssignment.create({
    data: {
      clinicId,
      episodeId,
      templateId: firstWeek.id,
      kind: "FIRST_WEEK",
      startDate: treatmentStart,
      sessionsPerWeek: 7,
      content: firstWeek.content,
      status: lastDay >= 7 ? "ENDED" : "ACTIVE",
      endedAt: lastDay >= 7 ? addDays(treatmentStart, 7) : null,
      endReason: lastDay >= 7 ? "COMPLETED" : null,
    },
  });
  if (lastDay < 7) return;

  const hsrStart = addDays(treatmentStart, 7);
  const hsrEndDay = Math.min(lastDay, 7 + 84);
  const sessionsPerWeek = 3;
  const hsrEnded = scenario === "DISCHARGED" || hsrEndDay < lastDay;
  const assignment = await db.programAssignment.create({
    data: {
      clinicId,
      episodeId,
      templateId: hsr.id,
      kind: "HSR",
      startDate: hsrStart,
      sessionsPerWeek,
      startingLoadKg: 0,
      content: hsr.content,
      status: hsrEnded ? "ENDED" : "ACTIVE",
      endedAt: hsrEnded ? addDays(treatmentStart, hsrEndDay) : null,
      endReason: hsrEnded ? "COMPLETED" : null,
    },
  });

  // Sessions on Monday, Wednesday and Friday of each program week, done with `adherence`.
  const sessions: Prisma.SessionLogCreateManyInput[] = [];
  for (let day = 7; day <= hsrEndDay; day += 1) {
    const weekday = addDays(treatmentStart, day).getUTCDay();
    if (![1, 3, 5].includes(weekday) || rng.next() > course.adherence) continue;
    const week = Math.floor((day - 7) / 7) + 1;
    const recent = lastDay - day < 7;
    sessions.push({
      clinicId,
      episodeId,
      assignmentId: assignment.id,
      clientId: randomUUID(),
      kind: "HSR",
      date: addDays(treatmentStart, day),
      // The heel raise, and on Mondays and Fridays the towel curls beside it.
      exercises: weekday === 3 ? ["HEEL_RAISE_TOWEL"] : ["HEEL_RAISE_TOWEL", "TOWEL_CURLS"],
      sets: 3,
      // At a load dosed by repetition maximum the last reps are hard: now and then one is missed,
      // which holds the load where it is (lib/clinical/programs/prescription.ts).
      reps: (week <= 3 ? 12 : week <= 6 ? 10 : 8) - (rng.next() < 0.4 ? 1 : 0),
      loadKg: week <= 3 ? 0 : Math.min(20, (week - 3) * 2),
      painDuring: scenario === "LOAD_RESPONSE" && recent ? 5 : clamp(painOn(day) - 3, 0, 3),
      completed: true,
    });
  }
  await db.sessionLog.createMany({ data: sessions });

  // Daily morning first-step pain logged by the patient over the last 120 days of the course.
  const firstLogDay = Math.max(0, lastDay - 120);
  const dailyPain: Prisma.OutcomeMeasurementCreateManyInput[] = [];
  for (let day = firstLogDay; day <= lastDay; day += 1) {
    if (rng.next() < 1 - course.adherence * 0.9 - 0.05) continue; // some mornings are missed
    dailyPain.push({
      clinicId,
      episodeId,
      recordedById: portalUserId,
      recordedBy: "PATIENT",
      date: addDays(treatmentStart, day),
      instrument: "NRS_FIRST_STEP",
      value: painOn(day),
    });
  }
  if (scenario !== "BASELINE_MISSING") await db.outcomeMeasurement.createMany({ data: dailyPain });
}

/** Seeds the demo clinics in one transaction: all of it or, on any failure, none. */
export async function seedDemoOnce(db: Db, seedDay: Date): Promise<DemoSeedResult | null> {
  if (await demoExists(db)) return null;
  return db.$transaction((tx) => seedDemo(tx, seedDay), { timeout: 300_000 });
}

export function describeDemoSignIns(): string {
  const rows = [
    ...DEMO_USERS.map((user) => `  ${user.email.padEnd(18)} ${user.role.padEnd(10)} ${DEMO_CLINIC_NAME}`),
    `  ${SECOND_CLINIC_CLINICIAN.email.padEnd(18)} ${"CLINICIAN".padEnd(10)} ${SECOND_CLINIC_NAME}`,
  ];
  return `Demo sign-ins (password for all: ${DEMO_PASSWORD}):\n${rows.join("\n")}`;
}
