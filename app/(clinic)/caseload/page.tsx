import { AppShell } from "@/components/AppShell";
import { requireActor } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/app-db.server";
import { getMessages } from "@/lib/i18n";
import { countCaseload } from "@/lib/patients/count-caseload";

export default async function CaseloadPage() {
  const actor = await requireActor(["ADMIN", "CLINICIAN"]);
  const messages = getMessages(actor.locale);
  const { total, active } = await countCaseload(await getDb(), actor);
  const summary = actor.role === "ADMIN" ? messages.caseload.clinicSummary : messages.caseload.summary;
  return (
    <AppShell actor={actor} messages={messages} current="/caseload">
      <h1>{messages.caseload.title}</h1>
      <p>{total === 0 ? messages.caseload.empty : summary(active, total)}</p>
    </AppShell>
  );
}
