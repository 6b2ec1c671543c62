// What every FHIR resource this product writes shares: the code systems and how a name is split.
// Its own module so that the record's bundle and the letter's document both read it.
import type { HumanName } from "@medplum/fhirtypes";

export const FHIR_SYSTEMS = {
  /** The CPR number (the Danish civil registration system's OID). */
  cpr: "urn:oid:1.2.208.176.1.2",
  icd10: "http://hl7.org/fhir/sid/icd-10",
  snomed: "http://snomed.info/sct",
  loinc: "http://loinc.org",
  ucum: "http://unitsofmeasure.org",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  conditionClinical: "http://terminology.hl7.org/CodeSystem/condition-clinical",
  conditionVerification: "http://terminology.hl7.org/CodeSystem/condition-ver-status",
  conditionCategory: "http://terminology.hl7.org/CodeSystem/condition-category",
  // This product's own code systems, for what no standard terminology names.
  instrument: "urn:heelpain:codesystem:outcome-instrument",
  intervention: "urn:heelpain:codesystem:intervention-type",
  program: "urn:heelpain:codesystem:program",
} as const;

/** The whole name as text, and the last word as the family name. */
export function nameOf(name: string): HumanName {
  const words = name.trim().split(/\s+/);
  return { use: "official", text: name, family: words.at(-1)!, ...(words.length > 1 && { given: words.slice(0, -1) }) };
}
