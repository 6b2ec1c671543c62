import { PlanHandout } from "@/components/programs/PlanHandout";
import { today } from "@/lib/platform/dates";
import { page } from "@/lib/platform/entry-points/page.server";
import { PLAN_STAMP_ATTRIBUTE, planStamp } from "@/lib/platform/offline/offline-pages";
import { getPortalOverview } from "@/lib/server/portal/portal-overview";

export default page({ name: "/portal/handout", access: "own-record" }, async ({ actor, db }) => {
  const day = today(actor.timeZone);
  const overview = await getPortalOverview(db, actor, day);
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

        locale={actor.locale}
      />
    </>
  );
});
