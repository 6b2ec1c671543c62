import { notFound } from "next/navigation";
import { z } from "zod";

import { adjustAssignmentAction } from "@/app/actions/programs";
import { ProgramContentForm } from "@/components/programs/ProgramContentForm";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { getActiveAssignment } from "@/lib/server/programs/assignments";
import { programContentValues } from "@/lib/server/programs/program-content-input";

export default page(
  {
    name: "/patients/[id]/programs/[assignmentId]/adjust",
    access: "clinic-patients",
    params: z.object({ id: ids.patient, assignmentId: ids.assignment }),
  },
  async ({ actor, db, messages, params: { id, assignmentId } }) => {
    const assignment = await getActiveAssignment(db, actor, assignmentId);
    if (assignment.patientId !== id) notFound();
    return (
      <>
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
          content={assignment.content}
          purpose="assignment"
        />
      </>
    );
  },
);
