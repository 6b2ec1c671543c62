import { savePatientAction } from "@/app/actions/patients";
import { AppShell } from "@/components/AppShell";
import { PatientForm } from "@/components/patients/PatientForm";
import { patientFormProps } from "@/components/patients/patient-form-props";
import { requireActor } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/app-db.server";
import { getMessages } from "@/lib/i18n";
import { listClinicians } from "@/lib/users/list-clinicians";

export default async function NewPatientPage() {
  const actor = await requireActor(["ADMIN", "CLINICIAN"]);
  const messages = getMessages(actor.locale);
  const { text, options } = patientFormProps(messages, await listClinicians(await getDb(), actor));
  return (
    <AppShell actor={actor} messages={messages} current="/caseload">
      <h1>{messages.patientForm.newTitle}</h1>
      <PatientForm
        action={savePatientAction.bind(null, null)}
        initial={{ clinicianId: actor.role === "CLINICIAN" ? actor.userId : undefined }}
        text={text}
        options={options}
        showClinician
        cancelHref="/caseload"
      />
    </AppShell>
  );
}
