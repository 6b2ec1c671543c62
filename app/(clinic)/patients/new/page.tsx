import { savePatientAction } from "@/app/actions/patients";
import { patientFormOptions } from "@/components/patients/patient-form-props";
import { PatientForm } from "@/components/patients/PatientForm";
import { can } from "@/lib/platform/auth/permissions";
import { page } from "@/lib/platform/entry-points/page.server";
import { listClinicians } from "@/lib/server/users/list-clinicians";

export default page({ name: "/patients/new", access: "clinic-patients" }, async ({ actor, db, messages }) => {
  const options = patientFormOptions(messages, await listClinicians(db, actor));
  return (
    <>
      <h1>{messages.patientForm.newTitle}</h1>
      <PatientForm
        action={savePatientAction.bind(null, null)}
        initial={{ clinicianId: can(actor, "own-caseload") ? actor.userId : undefined }}
        options={options}
        showClinician
        cancelHref="/caseload"
      />
    </>
  );
});
