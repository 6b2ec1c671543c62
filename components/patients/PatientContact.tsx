import type { ReactNode } from "react";

import type { Messages } from "@/lib/present/i18n";
import { telHref } from "@/lib/server/clinics/clinic-profile";

export type PatientContactFields = {
  email: string | null;
  phone: string | null;
  gpName: string | null;
  gpPractice: string | null;
  gpLocationNumber: string | null;
  gpAddress: string | null;
};

/**
 * How to reach the patient and their own doctor, as the patient page, the flag page and the
 * record print show it: the phone dials (a clinician handling a red flag calls from here).
 */
export function contactDetails(patient: PatientContactFields, messages: Messages): [string, ReactNode][] {
  const text = messages.patient;
  const none = messages.caseload.noValue;
  // Who the GP is, and where the practice is, side by side: one long cell would be a tall one.
  const gp = [patient.gpName, patient.gpPractice].filter(Boolean);
  const practice = [patient.gpAddress, patient.gpLocationNumber && text.gpLocation(patient.gpLocationNumber)].filter(
    Boolean,
  );
  return [
    [
      text.phone,
      patient.phone ? (
        <a href={telHref(patient.phone)} aria-label={text.callPatient(patient.phone)}>
          {patient.phone}
        </a>
      ) : (
        none
      ),
    ],
    [text.email, patient.email ?? none],
    [text.gp, gp.length > 0 ? gp.join(", ") : text.gpUnknown],
    ...(practice.length > 0 ? [[messages.patientForm.gpAddress, practice.join(", ")] as [string, ReactNode]] : []),
  ];
}
