import { z } from "zod";

import { saveTemplateVersionAction } from "@/app/actions/templates";
import { ProgramContentForm } from "@/components/programs/ProgramContentForm";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { templateDescription, templateName } from "@/lib/present/programs/template-name";
import { programContentValues } from "@/lib/server/programs/program-content-input";
import { getTemplate } from "@/lib/server/programs/templates";

export default page(
  { name: "/settings/templates/[templateId]", access: "clinic-admin", params: z.object({ templateId: ids.template }) },
  async ({ actor, db, messages, params }) => {
    const template = await getTemplate(db, actor, params.templateId);
    return (
      <>
        <h1>{messages.templates.editTitle(templateName(template, actor.locale))}</h1>
        <p className="hint">{messages.templates.intro}</p>
        <ProgramContentForm
          action={saveTemplateVersionAction.bind(null, template.id, template.content)}
          initial={{
            ...programContentValues(template.content, actor.locale),
            nameDa: template.nameDa,
            nameEn: template.nameEn,
            descriptionDa: templateDescription(template, "da"),
            descriptionEn: templateDescription(template, "en"),
          }}
          extraFields={[
            { id: "nameDa", label: messages.templates.nameDa },
            { id: "nameEn", label: messages.templates.nameEn },
            { id: "descriptionDa", label: messages.templates.descriptionDa },
            { id: "descriptionEn", label: messages.templates.descriptionEn },
          ]}
          cancelHref="/settings/templates"
          content={template.content}
          purpose="template"
        />
      </>
    );
  },
);
