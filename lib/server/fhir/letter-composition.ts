// A signed discharge letter in FHIR R4 (SPEC §11; decision record 032): a Composition of LOINC
// 18842-5 "Discharge summary", final, about the Patient, authored and legally attested by the
// physiotherapist who signed it, kept by the clinic, with one section per part of the letter as
// narrative. R4's Composition has no recipient element; the letter names it with HL7 Europe's
// extension information-recipient (a Reference to the doctor, and to the practice where known).
// A correction "replaces" the version before it. The record's bundle carries these resources;
// the letter alone is a `document` Bundle with the Composition first.
import { randomUUID } from "node:crypto";

import type { Bundle, Composition, Organization, Patient, Practitioner, Reference, Resource } from "@medplum/fhirtypes";

import type { LetterRecipient, Locale } from "../../generated/prisma/enums";
import { getMessages } from "../../present/i18n";
import { LETTER_SECTIONS, type LetterSections } from "../../present/letters/discharge-letter";
import { FHIR_SYSTEMS, nameOf } from "./fhir-common";

export const LETTER_FHIR = {
  dischargeSummary: { system: FHIR_SYSTEMS.loinc, code: "18842-5", display: "Discharge summary" },
  informationRecipient: "http://hl7.eu/fhir/StructureDefinition/information-recipient",
  /** A Danish location number (lokationsnummer) is a GS1 Global Location Number. */
  gln: "urn:oid:1.3.88",
  /** An id that is a URI: the letter version's own uuid. */
  uri: "urn:ietf:rfc:3986",
} as const;

export type SignedLetter = {
  id: string;
  version: number;
  locale: Locale;
  recipientKind: LetterRecipient;
  recipientName: string;
  recipientPractice: string;
  recipientLocationNumber: string;
  sections: LetterSections;
  signedAt: Date;
  signedBy: { id: string; name: string };
};

export type LetterClinic = { id: string; name: string; locationNumber: string };

const ref = <T extends Resource>(resource: T, display?: string): Reference<T> => ({
  reference: `urn:uuid:${resource.id}`,
  ...(display && { display }),
});

const escapeXml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** Plain text as FHIR narrative: one paragraph per line. */
const narrative = (text: string) => ({
  status: "generated" as const,
  div: `<div xmlns="http://www.w3.org/1999/xhtml">${text
    .split(/\n+/)
    .map((line) => `<p>${escapeXml(line)}</p>`)
    .join("")}</div>`,
});

/** The clinic as the custodian of the letter, by its id so that several letters share it. */
export function clinicOrganization(clinic: LetterClinic): Organization {
  return {
    resourceType: "Organization",
    id: clinic.id,
    name: clinic.name,
    ...(clinic.locationNumber && { identifier: [{ system: LETTER_FHIR.gln, value: clinic.locationNumber }] }),
  };
}

/**
 * The Composition of one signed version and the resources it refers to besides the patient
 * and the clinic: the signer, the recipient doctor and their practice. `previousId` is the
 * version it corrects, if any.
 */
export function letterResources(
  letter: SignedLetter,
  subject: Reference<Patient>,
  clinic: Organization,
  previousId: string | null,
): Resource[] {
  const m = getMessages(letter.locale);
  const signer: Practitioner = {
    resourceType: "Practitioner",
    id: letter.signedBy.id,
    name: [nameOf(letter.signedBy.name)],
  };
  const doctor: Practitioner | null = letter.recipientName
    ? { resourceType: "Practitioner", id: randomUUID(), name: [nameOf(letter.recipientName)] }
    : null;
  const practice: Organization | null =
    letter.recipientPractice || letter.recipientLocationNumber
      ? {
          resourceType: "Organization",
          id: randomUUID(),
          ...(letter.recipientPractice && { name: letter.recipientPractice }),
          ...(letter.recipientLocationNumber && {
            identifier: [{ system: LETTER_FHIR.gln, value: letter.recipientLocationNumber }],
          }),
        }
      : null;
  const recipients = [doctor, practice].filter((r): r is Practitioner | Organization => r !== null);
  const composition: Composition = {
    resourceType: "Composition",
    id: letter.id,
    language: letter.locale,
    identifier: { system: LETTER_FHIR.uri, value: `urn:uuid:${letter.id}` },
    status: "final",
    type: { coding: [LETTER_FHIR.dischargeSummary], text: m.letter.title },
    subject,
    date: letter.signedAt.toISOString(),
    author: [ref(signer, letter.signedBy.name)],
    title: m.letter.subject(subject.display ?? ""),
    attester: [{ mode: "legal", time: letter.signedAt.toISOString(), party: ref(signer, letter.signedBy.name) }],
    custodian: ref(clinic, clinic.name),
    ...(previousId && {
      relatesTo: [{ code: "replaces", targetIdentifier: { system: LETTER_FHIR.uri, value: `urn:uuid:${previousId}` } }],
    }),
    ...(recipients.length > 0 && {
      extension: recipients.map((recipient) => ({
        url: LETTER_FHIR.informationRecipient,
        valueReference: ref(
          recipient,
          recipient.resourceType === "Organization" ? recipient.name : letter.recipientName,
        ),
      })),
    }),
    section: LETTER_SECTIONS.filter((section) => letter.sections[section]).map((section) => ({
      title: m.letter.sections[section],
      text: narrative(letter.sections[section]),
    })),
  };
  return [composition, signer, ...recipients];
}

/**
 * One signed letter alone as a FHIR `document` Bundle: the Composition first, then every
 * resource it refers to, each with its full URL; an identifier and a timestamp of its own.
 */
export function letterDocumentBundle(
  letter: SignedLetter,
  patient: { id: string; name: string; dateOfBirth: Date; cpr: string | null },
  clinic: LetterClinic,
  previousId: string | null,
  now: Date,
): Bundle {
  const person: Patient = {
    resourceType: "Patient",
    id: patient.id,
    ...(patient.cpr && { identifier: [{ use: "official", system: FHIR_SYSTEMS.cpr, value: patient.cpr }] }),
    name: [nameOf(patient.name)],
    birthDate: patient.dateOfBirth.toISOString().slice(0, 10),
  };
  const organization = clinicOrganization(clinic);
  const [composition, ...referenced] = letterResources(letter, ref(person, patient.name), organization, previousId);
  return {
    resourceType: "Bundle",
    id: randomUUID(),
    identifier: { system: LETTER_FHIR.uri, value: `urn:uuid:${randomUUID()}` },
    type: "document",
    timestamp: now.toISOString(),
    entry: [composition!, person, organization, ...referenced].map((resource) => ({
      fullUrl: `urn:uuid:${resource.id}`,
      resource,
    })),
  };
}
