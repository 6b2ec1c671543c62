import { AppShell } from "@/components/AppShell";
import { PlanHandout } from "@/components/programs/PlanHandout";
import { requireActor } from "@/lib/auth/session.server";
import { today } from "@/lib/dates";
import { getDb } from "@/lib/db/app-db.server";
import { getMessages } from "@/lib/i18n";
import { findPatientForPage } from "@/lib/patients/find-patient-for-page.server";
import { listActivePrograms } from "@/lib/programs/active-programs";

export default async function PatientHandoutPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor(["ADMIN", "CLINICIAN"]);
  const messages = getMessages(actor.locale);
  const db = await getDb();
  const patient = await findPatientForPage(db, actor, (await params).id);
  const day = today();
  const programs = patient.currentEpisodeId ? await listActivePrograms(db, actor, patient.currentEpisodeId, day) : [];
  return (
    <AppShell actor={actor} messages={messages} current="/caseload">
      <PlanHandout patientName={patient.name} comorbidities={patient.comorbidities} programs={programs} today={day} backHref={`/patients/${patient.id}`} messages={messages} locale={actor.locale} />
    </AppShell>
  );
}
