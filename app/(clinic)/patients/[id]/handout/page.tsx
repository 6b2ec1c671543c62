import { z } from "zod";

import { PlanHandout } from "@/components/programs/PlanHandout";
import { today } from "@/lib/platform/dates";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { getClinicContact } from "@/lib/server/clinics/clinic-profile";
import { getPatient } from "@/lib/server/patients/get-patient";
import { getCurrentPlan } from "@/lib/server/programs/current-plan";

export default page(
  { name: "/patients/[id]/handout", access: "clinic-patients", params: z.object({ id: ids.patient }) },
  async ({ actor, db, params }) => {
    const patient = await getPatient(db, actor, params.id);
    const day = today(actor.timeZone);
    const [current, clinic] = await Promise.all([
      patient.currentEpisodeId ? getCurrentPlan(db, actor, patient.currentEpisodeId, day) : null,
      getClinicContact(db, actor.clinicId),
    ]);
    return (
      <PlanHandout
        patientName={patient.name}
        comorbidities={patient.comorbidities}
        current={current}
        today={day}
        backHref={`/patients/${patient.id}`}
        clinic={clinic}
        locale={actor.locale}
      />
    );
  },
);
