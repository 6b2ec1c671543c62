// An episode's referral (SPEC §11) as a FHIR R4 ServiceRequest: the doctor's order for
// physiotherapy the course started from. The referring doctor and practice are contained (a
// PractitionerRole joining a Practitioner and an Organization): the clinic knows them only as
// the referral names them, not as records of its own. Pure, like the bundle it goes in.
import type {
  Condition,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  Reference,
  ServiceRequest,
} from "@medplum/fhirtypes";

import type { Messages } from "../../present/i18n";

export const REFERRAL_SYSTEMS = {
  /** A UUID as an identifier's value (urn:uuid:…): the REF07 referral's id. */
  uuid: "urn:ietf:rfc:3986",
  /**
   * A GS1 location number (GLN, "lokationsnummer"), as MedCom's FHIR guides name an EAN
   * identifier (DK MedCom Messaging, its Organization examples); not the OID urn:oid:1.3.88.
   */
  gln: "https://www.gs1.org/gln",
  icd10: "http://hl7.org/fhir/sid/icd-10",
  snomed: "http://snomed.info/sct",
} as const;

/** Physiotherapy, the service referred for: SNOMED CT 91251008 "Physical therapy procedure". */
const PHYSIOTHERAPY = { system: REFERRAL_SYSTEMS.snomed, code: "91251008", display: "Physical therapy procedure" };

type Referral = {
  id: string;
  referenceId: string | null;
  referralDate: Date;
  doctorName: string;
  practice: string | null;
  doctorPhone: string | null;
  locationNumber: string | null;
  diagnosisText: string;
  icd10Code: string | null;
  vederlagsfri: boolean;
};

export function referralServiceRequest(
  referral: Referral,
  links: { subject: Reference<Patient>; condition: Condition; discharged: boolean },
  m: Messages,
): ServiceRequest {
  const practitioner: Practitioner = {
    resourceType: "Practitioner",
    id: "doctor",
    name: [{ text: referral.doctorName }],
    ...(referral.doctorPhone && { telecom: [{ system: "phone", value: referral.doctorPhone, use: "work" }] }),
  };
  const practice: Organization | null =
    referral.practice || referral.locationNumber
      ? {
          resourceType: "Organization",
          id: "practice",
          ...(referral.practice && { name: referral.practice }),
          ...(referral.locationNumber && {
            identifier: [{ system: REFERRAL_SYSTEMS.gln, value: referral.locationNumber }],
          }),
        }
      : null;
  const role: PractitionerRole = {
    resourceType: "PractitionerRole",
    id: "requester",
    practitioner: { reference: "#doctor", display: referral.doctorName },
    ...(practice && { organization: { reference: "#practice", ...(practice.name && { display: practice.name }) } }),
  };
  return {
    resourceType: "ServiceRequest",
    id: referral.id,
    contained: [role, practitioner, ...(practice ? [practice] : [])],
    ...(referral.referenceId && {
      identifier: [{ system: REFERRAL_SYSTEMS.uuid, value: `urn:uuid:${referral.referenceId}` }],
    }),
    // The referral was acted on: the course it started is this episode, ended or not.
    status: links.discharged ? "completed" : "active",
    intent: "order",
    code: { coding: [PHYSIOTHERAPY], text: m.fhir.referral },
    ...(referral.vederlagsfri && { orderDetail: [{ text: m.referral.vederlagsfri }] }),
    subject: links.subject,
    authoredOn: referral.referralDate.toISOString().slice(0, 10),
    requester: { reference: "#requester", display: referral.doctorName },
    reasonCode: [
      {
        ...(referral.icd10Code && { coding: [{ system: REFERRAL_SYSTEMS.icd10, code: referral.icd10Code }] }),
        text: referral.diagnosisText,
      },
    ],
    reasonReference: [{ reference: `urn:uuid:${links.condition.id}` }],
  };
}
