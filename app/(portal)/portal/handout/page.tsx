import { AppShell } from "@/components/AppShell";
import { PlanHandout } from "@/components/programs/PlanHandout";
import { requireActor } from "@/lib/auth/session.server";
import { today } from "@/lib/dates";
import { getDb } from "@/lib/db/app-db.server";
import { getMessages } from "@/lib/i18n";
import { getPortalOverview } from "@/lib/portal/portal-overview";

export default async function PortalHandoutPage() {
  const actor = await requireActor(["PATIENT"]);
  const messages = getMessages(actor.locale);
  const day = today();
  const overview = await getPortalOverview(await getDb(), actor, day);
  return (
    <AppShell actor={actor} messages={messages} current="/portal">
      <PlanHandout patientName={overview?.patient.name ?? actor.name} comorbidities={overview?.patient.comorbidities ?? []} programs={overview?.programs ?? []} today={day} backHref="/portal" messages={messages} locale={actor.locale} />
    </AppShell>
  );
}
