import { saveTemplateVersionAction } from "@/app/actions/templates";
import { AppShell } from "@/components/AppShell";
import { ProgramContentForm } from "@/components/programs/ProgramContentForm";
import { programEditorProps } from "@/components/programs/program-editor-props";
import { requireActor } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/app-db.server";
import { getMessages } from "@/lib/i18n";
import { orNotFound } from "@/lib/not-found-for-page.server";
import { programContentValues } from "@/lib/programs/program-content-input";
import { templateName } from "@/lib/programs/template-name";
import { getTemplate } from "@/lib/programs/templates";

export default async function EditTemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const actor = await requireActor(["ADMIN"]);
  const messages = getMessages(actor.locale);
  const { templateId } = await params;
  const template = await orNotFound(templateId, async () => getTemplate(await getDb(), actor, templateId));
  const editor = programEditorProps(messages, template.content, { save: messages.templates.saveVersion, saving: messages.templates.saving });
  return (
    <AppShell actor={actor} messages={messages} current="/settings">
      <h1>{messages.templates.editTitle(templateName(template, actor.locale))}</h1>
      <p className="hint">{messages.templates.intro}</p>
      <ProgramContentForm
        action={saveTemplateVersionAction.bind(null, template.id, template.content)}
        initial={{ ...programContentValues(template.content, actor.locale), nameDa: template.nameDa, nameEn: template.nameEn }}
        extraFields={[
          { id: "nameDa", label: messages.templates.nameDa },
          { id: "nameEn", label: messages.templates.nameEn },
        ]}
        cancelHref="/settings/templates"
        {...editor}
      />
    </AppShell>
  );
}
