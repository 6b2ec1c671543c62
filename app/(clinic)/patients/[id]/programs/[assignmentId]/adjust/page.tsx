import { notFound } from "next/navigation";
import { z } from "zod";

import { adjustAssignmentAction } from "@/app/actions/programs";
import { AppShell } from "@/components/AppShell";
import { programEditorProps } from "@/components/programs/program-editor-props";
import { ProgramContentForm } from "@/components/programs/ProgramContentForm";
import { ids } from "@/lib/entry/ids";
import { page } from "@/lib/entry/page.server";
import { getActiveAssignment } from "@/lib/programs/assignments";
import { programContentValues } from "@/lib/programs/program-content-input";

export default page(
  {
    name: "/patients/[id]/programs/[assignmentId]/adjust",
    access: "clinic-patients",
    params: z.object({ id: ids.patient, assignmentId: ids.assignment }),
  },
  async ({ actor, db, messages, params: { id, assignmentId } }) => {
    const assignment = await getActiveAssignment(db, actor, assignmentId);
    if (assignment.patientId !== id) notFound();
    const editor = programEditorProps(messages, assignment.content, {
      save: messages.record.save,
      saving: messages.record.saving,
    });
    return (
      <AppShell actor={actor} messages={messages} current="/caseload">
        <h1>{messages.programs.adjustTitle(assignment.templateName)}</h1>
        <p>{messages.programs.adjustIntro}</p>
        <ProgramContentForm
          action={adjustAssignmentAction.bind(null, id, assignment.id, assignment.content)}
          initial={{
            ...programContentValues(assignment.content, actor.locale),
            sessionsPerWeek: String(assignment.sessionsPerWeek),
          }}
          extraFields={[{ id: "sessionsPerWeek", label: messages.programs.sessionsPerWeek, inputMode: "numeric" }]}
          cancelHref={`/patients/${id}`}
          {...editor}
        />
      </AppShell>
    );
  },
);
