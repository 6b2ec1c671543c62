import { z } from "zod";

import { PlanHandout } from "@/components/programs/PlanHandout";
import { today } from "@/lib/platform/dates";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { getPatient } from "@/lib/server/patients/get-patient";
import { getCurrentPlan } from "@/lib/server/programs/current-plan";

export default page(
  { name: "/patients/[id]/handout", access: "clinic-patients", params: z.object({ id: ids.patient }) },
  async ({ actor, db, params }) => {
    const patient = await getPatient(db, actor, params.id);
    const day = today(actor.timeZone);
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
