import { PlanHandout } from "@/components/programs/PlanHandout";
import { today } from "@/lib/platform/dates";
import { page } from "@/lib/platform/entry-points/page.server";
import { PLAN_STAMP_ATTRIBUTE, planStamp } from "@/lib/platform/offline/offline-pages";
import { getClinicContact } from "@/lib/server/clinics/clinic-profile";
import { getPortalOverview } from "@/lib/server/portal/portal-overview";

export default page({ name: "/portal/handout", access: "own-record" }, async ({ actor, db }) => {
  const day = today(actor.timeZone);
  const [overview, clinic] = await Promise.all([
    getPortalOverview(db, actor, day),
    getClinicContact(db, actor.clinicId),
  ]);
  return (
    <>
      {/* The handout is kept for offline use too: its stamp replaces it when the plan changes. */}
      {overview && <div hidden {...{ [PLAN_STAMP_ATTRIBUTE]: planStamp(overview.plan, overview.programs) }} />}
      <PlanHandout
        patientName={overview?.patient.name ?? actor.name}
        comorbidities={overview?.patient.comorbidities ?? []}
        current={overview && { plan: overview.plan, programs: overview.programs, painLimit: overview.painLimit }}
        today={day}
        backHref="/portal"
        clinic={clinic}
        locale={actor.locale}
      />
    </>
  );
});
