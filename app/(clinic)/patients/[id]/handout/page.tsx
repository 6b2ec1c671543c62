import { z } from "zod";

import { PlanHandout } from "@/components/programs/PlanHandout";
import { today } from "@/lib/dates";
import { ids } from "@/lib/entry/ids";
import { page } from "@/lib/entry/page.server";
import { getPatient } from "@/lib/patients/get-patient";
import { getCurrentPlan } from "@/lib/programs/current-plan";

export default page(
  { name: "/patients/[id]/handout", access: "clinic-patients", params: z.object({ id: ids.patient }) },
  async ({ actor, db, params }) => {
    const patient = await getPatient(db, actor, params.id);
    const day = today();
    const current = patient.currentEpisodeId ? await getCurrentPlan(db, actor, patient.currentEpisodeId, day) : null;
    return (
      <PlanHandout
        patientName={patient.name}
        comorbidities={patient.comorbidities}
        current={current}
        today={day}
        backHref={`/patients/${patient.id}`}

        locale={actor.locale}
      />
    );
  },
);
