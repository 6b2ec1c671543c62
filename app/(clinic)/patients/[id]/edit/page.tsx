import { notFound } from "next/navigation";
import { z } from "zod";

import { savePatientAction } from "@/app/actions/patients";
import { patientFormOptions } from "@/components/patients/patient-form-props";
import { PatientForm } from "@/components/patients/PatientForm";
import { maskedCpr } from "@/lib/platform/cpr/cpr";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { formatInputNumber } from "@/lib/present/i18n/format";
import { getPatient } from "@/lib/server/patients/get-patient";
import { comorbidityField } from "@/lib/server/patients/patient-input";
import { listClinicians } from "@/lib/server/users/list-clinicians";

export default page(
  { name: "/patients/[id]/edit", access: "clinic-patients", params: z.object({ id: ids.patient }) },
  async ({ actor, db, messages, params }) => {
    const patient = await getPatient(db, actor, params.id);
    if (patient.archivedAt) notFound();
    const options = patientFormOptions(messages, await listClinicians(db, actor));
    const storedCpr = patient.cprHash ? maskedCpr(patient.dateOfBirth) : null;
    // In the form's own notation (decimal comma in Danish), which the number parser reads back.
    const decimal = (value: { toString(): string } | number | null) =>
      value === null ? undefined : formatInputNumber(Number(value), actor.locale);
    return (
      <>
        <h1>{messages.patientForm.editTitle(patient.name)}</h1>
        <PatientForm
          action={savePatientAction.bind(null, patient.id)}
          initial={{
            name: patient.name,
            dateOfBirth: patient.dateOfBirth.toISOString().slice(0, 10),
            sex: patient.sex,
            email: patient.email ?? undefined,
            phone: patient.phone ?? undefined,
            gpName: patient.gpName ?? undefined,
            gpPractice: patient.gpPractice ?? undefined,
            gpLocationNumber: patient.gpLocationNumber ?? undefined,
            gpAddress: patient.gpAddress ?? undefined,
            affectedSide: patient.affectedSide,
            occupation: patient.occupation ?? undefined,
            standingHoursPerDay: decimal(patient.standingHoursPerDay),
            runningKmPerWeek: decimal(patient.runningKmPerWeek),
            recentLoadChange: patient.recentLoadChange ? "on" : undefined,
            shoeAgeKm: decimal(patient.shoeAgeKm),
            heightCm: decimal(patient.heightCm),
            weightKg: decimal(patient.weightKg),
            footType: patient.footType,
            clinicianId: patient.clinicianId,
            ...Object.fromEntries(patient.comorbidities.map((code) => [comorbidityField(code), "on"])),
          }}
          options={options}
          showClinician
          storedCpr={storedCpr}
          cancelHref={`/patients/${patient.id}`}
        />
      </>
    );
  },
);
