import { AppShell } from "@/components/AppShell";
import { requireActor } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/app-db.server";
import { getMessages } from "@/lib/i18n";
import { getOwnPatient } from "@/lib/patients/get-own-patient";

export default async function PortalPage() {
  const actor = await requireActor(["PATIENT"]);
  const messages = getMessages(actor.locale);
  const patient = await getOwnPatient(await getDb(), actor);
  return (
    <AppShell actor={actor} messages={messages} current="/portal">
      <h1>{messages.portal.title}</h1>
      {patient ? (
        <>
          <p>{messages.portal.greeting(patient.name)}</p>
          <p>{messages.portal.clinician(patient.clinician.name)}</p>
          <p>{messages.portal.noPlanYet}</p>
        </>
      ) : (
        <p>{messages.portal.noRecord}</p>
      )}
    </AppShell>
  );
}
