import { AppShell } from "@/components/AppShell";
import { PlanHandout } from "@/components/programs/PlanHandout";
import { today } from "@/lib/dates";
import { getPortalOverview } from "@/lib/portal/portal-overview";
import { page } from "@/lib/entry/page.server";

export default page({ name: "/portal/handout", access: "own-record" }, async ({ actor, db, messages }) => {
  const day = today();
  const overview = await getPortalOverview(db, actor, day);
  return (
    <AppShell actor={actor} messages={messages} current="/portal">
      <PlanHandout patientName={overview?.patient.name ?? actor.name} comorbidities={overview?.patient.comorbidities ?? []} programs={overview?.programs ?? []} today={day} backHref="/portal" messages={messages} locale={actor.locale} />
    </AppShell>
  );
});
