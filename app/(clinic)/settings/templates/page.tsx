import Link from "next/link";

import { copyTemplateAction } from "@/app/actions/templates";
import { CopyTemplateForm } from "@/components/programs/CopyTemplateForm";
import { page } from "@/lib/platform/entry-points/page.server";
import { getMessages } from "@/lib/present/i18n";
import { templateDescription, templateName } from "@/lib/present/programs/template-name";
import { listTemplates } from "@/lib/server/programs/templates";

export default page({ name: "/settings/templates", access: "clinic-admin" }, async ({ actor, db, messages }) => {
  const text = messages.templates;
  const templates = await listTemplates(db, actor);
  return (
    <>
      <h1>{text.title}</h1>
      <p className="hint">{text.intro}</p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{text.name}</th>
              <th scope="col">{text.kind}</th>
              <th scope="col">{text.version}</th>
              <th scope="col">{text.actions}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => (
              <tr key={template.id}>
                <td>
                  {templateName(template, actor.locale)}
                  <p className="hint">{templateDescription(template, actor.locale)}</p>
                </td>
                <td>{messages.program[template.kind]}</td>
                <td>{template.version}</td>
                <td className="row-actions">
                  <Link
                    href={`/settings/templates/${template.id}`}
                    className="button secondary"
                    aria-label={`${text.edit}: ${templateName(template, actor.locale)}`}
                  >
                    {text.edit}
                  </Link>
                  <CopyTemplateForm
                    action={copyTemplateAction.bind(null, template.id)}
                    defaultNames={{
                      nameDa: getMessages("da").templates.copyOf(template.nameDa),
                      nameEn: getMessages("en").templates.copyOf(template.nameEn),
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
});
