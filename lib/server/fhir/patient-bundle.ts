// A patient's record as a FHIR R4 Bundle (SPEC §9): the Patient with the CPR number as its
// identifier, a Condition (plantar fasciitis) per episode of care with the doctor's referral
// it started from as a ServiceRequest (referral-resource.ts), an Observation per
// measurement, a CarePlan per program assignment, a Procedure per intervention and a
// Communication per message between the patient and the clinic. Codes from
// ICD-10, SNOMED CT and LOINC where they exist, else this product's own code systems. Texts
// (displays) in the reader's language. Pure: the routes, the command and the tests call it.
import { randomUUID } from "node:crypto";

import type {
  Bundle,
  BundleEntry,
  CarePlan,
  CodeableConcept,
  Communication,
  Condition,
  Observation,
  Organization,
  Patient,
  Practitioner,
  Procedure,
  Reference,
  Resource,
} from "@medplum/fhirtypes";

import { INSTRUMENTS } from "../../clinical/instruments";
import type { Instrument, Locale } from "../../generated/prisma/enums";
import { getMessages } from "../../present/i18n";
import { sectionsOf } from "../../present/letters/discharge-letter";
import type { PatientRecord } from "../records/patient-record";
import { FHIR_SYSTEMS, nameOf } from "./fhir-common";
import { clinicOrganization, letterResources } from "./letter-composition";
import { referralServiceRequest } from "./referral-resource";

export { FHIR_SYSTEMS };

/** Plantar fasciitis: ICD-10 M72.2 and SNOMED CT 202882003. */
const PLANTAR_FASCIITIS = [
  { system: FHIR_SYSTEMS.icd10, code: "M72.2", display: "Plantar fascial fibromatosis" },
  { system: FHIR_SYSTEMS.snomed, code: "202882003", display: "Plantar fasciitis" },
];

/** LOINC's 0–10 numeric pain rating, where an instrument is one. */
const LOINC: Partial<Record<Instrument, { code: string; display: string }>> = {
  NRS_FIRST_STEP: { code: "72514-3", display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported" },
  NRS_ACTIVITY: { code: "72514-3", display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported" },
};

const GENDER = { FEMALE: "female", MALE: "male", OTHER: "other" } as const;
/** Discharged recovered or self-managing is resolved; other discharges are inactive. */
const RESOLVED_REASONS = ["RECOVERED", "IMPROVED_SELF_MANAGING"];

const ymd = (date: Date) => date.toISOString().slice(0, 10);
/** A reference to another resource of the bundle, by its full URL. */
const ref = <T extends Resource>(resource: T, display?: string): Reference<T> => ({
  reference: `urn:uuid:${resource.id}`,
  ...(display && { display }),
});
const concept = (text: string, ...coding: { system: string; code: string; display?: string }[]): CodeableConcept => ({
  coding,
  text,
});

export function patientBundle(record: PatientRecord, locale: Locale, now: Date): Bundle {
  const m = getMessages(locale);
  const patient: Patient = {
    resourceType: "Patient",
    id: record.id,
    ...(record.cpr && { identifier: [{ use: "official", system: FHIR_SYSTEMS.cpr, value: record.cpr }] }),
    name: [nameOf(record.name)],
    gender: GENDER[record.sex],
    birthDate: ymd(record.dateOfBirth),
    ...((record.email || record.phone) && {
      telecom: [
        ...(record.phone ? [{ system: "phone" as const, value: record.phone }] : []),
        ...(record.email ? [{ system: "email" as const, value: record.email }] : []),
      ],
    }),
    generalPractitioner: [{ display: record.clinician.name }],
    managingOrganization: { display: record.clinicName },
  };
  const subject = ref(patient, record.name);
  /** Who recorded a row, by name (users are never deleted, so the name is there). */
  const recorder = (id: string): Reference<Practitioner> => ({ display: record.recorderNames.get(id) ?? id });

  const resources: Resource[] = [patient];
  for (const episode of record.episodes) {
    const condition: Condition = {
      resourceType: "Condition",
      id: episode.id,
      clinicalStatus: concept(
        m.episodeStatus[episode.status],
        episode.status !== "DISCHARGED"
          ? { system: FHIR_SYSTEMS.conditionClinical, code: "active" }
          : {
              system: FHIR_SYSTEMS.conditionClinical,
              code: RESOLVED_REASONS.includes(episode.dischargeReason ?? "") ? "resolved" : "inactive",
            },
      ),
      verificationStatus: concept("confirmed", { system: FHIR_SYSTEMS.conditionVerification, code: "confirmed" }),
      category: [
        concept("Encounter diagnosis", { system: FHIR_SYSTEMS.conditionCategory, code: "encounter-diagnosis" }),
      ],
      code: concept(m.fhir.condition, ...PLANTAR_FASCIITIS),
      bodySite: [{ text: m.overview.heel[episode.side] }],
      subject,
      onsetDateTime: ymd(episode.symptomOnset),
      recordedDate: ymd(episode.treatmentStart),
      ...(episode.dischargedAt && { abatementDateTime: ymd(episode.dischargedAt) }),
    };
    resources.push(condition);
    if (episode.referral)
      resources.push(
        referralServiceRequest(
          episode.referral,
          { subject, condition, discharged: episode.status === "DISCHARGED" },
          m,
        ),
      );

    for (const outcome of episode.outcomes) {
      const spec = INSTRUMENTS[outcome.instrument];
      const loinc = LOINC[outcome.instrument];
      const items = Array.isArray(outcome.psfsItems)
        ? (outcome.psfsItems as { activity: string; score: number }[])
        : [];
      const observation: Observation = {
        resourceType: "Observation",
        id: outcome.id,
        status: "final",
        category: [concept("Survey", { system: FHIR_SYSTEMS.observationCategory, code: "survey" })],
        code: concept(m.instrument[outcome.instrument], ...(loinc ? [{ system: FHIR_SYSTEMS.loinc, ...loinc }] : []), {
          system: FHIR_SYSTEMS.instrument,
          code: outcome.instrument,
          display: m.instrument[outcome.instrument],
        }),
        subject,
        focus: [ref(condition)],
        effectiveDateTime: ymd(outcome.date),
        performer: [outcome.recordedBy === "PATIENT" ? subject : recorder(outcome.recordedById)],
        valueQuantity: { value: Number(outcome.value), unit: spec.unit, system: FHIR_SYSTEMS.ucum, code: spec.unit },
        // PSFS: each activity in the patient's own words, with its score.
        ...(items.length > 0 && {
          component: items.map((item) => ({
            code: { text: item.activity },
            valueQuantity: { value: item.score, unit: "{score}", system: FHIR_SYSTEMS.ucum, code: "{score}" },
          })),
        }),
      };
      resources.push(observation);
    }

    for (const assignment of episode.assignments) {
      const name = locale === "da" ? assignment.template.nameDa : assignment.template.nameEn;
      const ended = assignment.status === "ENDED";
      const carePlan: CarePlan = {
        resourceType: "CarePlan",
        id: assignment.id,
        status: ended ? (assignment.endReason === "COMPLETED" ? "completed" : "revoked") : "active",
        intent: "plan",
        title: name,
        description: m.fhir.carePlan(
          m.program[assignment.kind],
          assignment.sessionsPerWeek,
          assignment.template.version,
        ),
        subject,
        period: { start: ymd(assignment.startDate), ...(assignment.endedAt && { end: ymd(assignment.endedAt) }) },
        addresses: [ref(condition)],
        activity: [
          {
            detail: {
              code: concept(m.program[assignment.kind], {
                system: FHIR_SYSTEMS.program,
                code: assignment.kind,
                display: m.program[assignment.kind],
              }),
              status: ended ? (assignment.endReason === "COMPLETED" ? "completed" : "stopped") : "in-progress",
              description: m.fhir.sessionsPerWeek(assignment.sessionsPerWeek),
            },
          },
        ],
      };
      resources.push(carePlan);
    }

    for (const intervention of episode.interventions) {
      const procedure: Procedure = {
        resourceType: "Procedure",
        id: intervention.id,
        status: "completed",
        code: concept(m.intervention.types[intervention.type], {
          system: FHIR_SYSTEMS.intervention,
          code: intervention.type,
          display: m.intervention.types[intervention.type],
        }),
        subject,
        performedDateTime: ymd(intervention.date),
        recorder: recorder(intervention.recordedById),
        reasonReference: [ref(condition)],
        ...(intervention.note && { note: [{ text: intervention.note }] }),
      };
      resources.push(procedure);
    }
  }

  // Each episode's discharge letter: its latest signed version, replacing the one before.
  const custodian = clinicOrganization(record.clinic);
  const letters = record.episodes.flatMap((episode) => {
    const latest = episode.letters.at(-1);
    if (!latest?.signedAt || !latest.signedBy) return [];
    const letter = {
      ...latest,
      signedAt: latest.signedAt,
      signedBy: latest.signedBy,
      sections: sectionsOf(latest.sections),
    };
    return letterResources(letter, subject, custodian, episode.letters.at(-2)?.id ?? null);
  });
  if (letters.length > 0) {
    const known = new Set(resources.map((r) => `${r.resourceType}/${r.id}`));
    for (const resource of [custodian, ...letters]) {
      // One signer of several letters is one Practitioner.
      if (!known.has(`${resource.resourceType}/${resource.id}`)) resources.push(resource);
      known.add(`${resource.resourceType}/${resource.id}`);
    }
  }

  // Messages: `received` is when the other side opened it (the read receipt).
  const clinic: Reference<Organization> = { display: record.clinicName };
  for (const message of record.messages) {
    const communication: Communication = {
      resourceType: "Communication",
      id: message.id,
      status: "completed",
      subject,
      sent: message.sentAt.toISOString(),
      ...(message.readAt && { received: message.readAt.toISOString() }),
      sender: message.fromPatient ? subject : { display: message.sender.name },
      recipient: [message.fromPatient ? clinic : subject],
      payload: [{ contentString: message.body }],
    };
    resources.push(communication);
  }

  return {
    resourceType: "Bundle",
    id: randomUUID(),
    type: "collection",
    timestamp: now.toISOString(),
    entry: resources.map((resource): BundleEntry => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
