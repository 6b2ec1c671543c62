import { notFound } from "next/navigation";
import { adjustAssignmentAction } from "@/app/actions/programs";
import { AppShell } from "@/components/AppShell";
import { ProgramContentForm } from "@/components/programs/ProgramContentForm";
import { programEditorProps } from "@/components/programs/program-editor-props";
import { requireActor } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/app-db.server";
import { getMessages } from "@/lib/i18n";
import { orNotFound } from "@/lib/not-found-for-page.server";
import { getActiveAssignment } from "@/lib/programs/assignments";
import { programContentValues } from "@/lib/programs/program-content-input";

export default async function AdjustProgramPage({ params }: { params: Promise<{ id: string; assignmentId: string }> }) {
  const actor = await requireActor(["ADMIN", "CLINICIAN"]);
  const messages = getMessages(actor.locale);
  const { id, assignmentId } = await params;
  const assignment = await orNotFound(assignmentId, async () => getActiveAssignment(await getDb(), actor, assignmentId));
  if (assignment.patientId !== id) notFound();
  const editor = programEditorProps(messages, assignment.content, { save: messages.record.save, saving: messages.record.saving });
  return (
    <AppShell actor={actor} messages={messages} current="/caseload">
      <h1>{messages.programs.adjustTitle(assignment.templateName)}</h1>
      <p>{messages.programs.adjustIntro}</p>
      <ProgramContentForm
        action={adjustAssignmentAction.bind(null, id, assignment.id, assignment.content)}
        initial={{ ...programContentValues(assignment.content, actor.locale), sessionsPerWeek: String(assignment.sessionsPerWeek) }}
        extraFields={[{ id: "sessionsPerWeek", label: messages.programs.sessionsPerWeek, inputMode: "numeric" }]}
        cancelHref={`/patients/${id}`}
        {...editor}
      />
    </AppShell>
  );
}
