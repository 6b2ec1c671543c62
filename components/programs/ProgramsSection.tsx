import Link from "next/link";

import { mayStartRunning, type Plan } from "@/lib/clinical/episode-state";
import type { Locale } from "@/lib/generated/prisma/enums";
import { isoDate } from "@/lib/platform/dates";
import { asFormSubmit } from "@/lib/platform/entry-points/form-submit";
import { formatDate, formatNumber } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import { exerciseShortName } from "@/lib/present/programs/exercise-names";
import { planText } from "@/lib/present/programs/plan-text";
import { templateDescription, templateName } from "@/lib/present/programs/template-name";
import { END_REASONS } from "@/lib/server/programs/assignments";
import type { ActiveProgram } from "@/lib/server/programs/current-plan";

import type { CommandAction, FormAction } from "../action-types";
import { DataTableDetails } from "../ui/DataTableDetails";
import { FormDialog } from "../ui/FormDialog";
import { AdherenceStrip, AdherenceTable, PrescriptionDetails } from "./PrescriptionDetails";
import { AssignProgramForm, EndProgramButton, OverrideForm } from "./ProgramForms";

type Props = {
  patientId: string;
  episode: { id: string; treatmentStart: Date };
  /** The plan's status once a program is running (lib/clinical/episode-state.ts). */
  plan: Plan | null;
  programs: ActiveProgram[];
  templates: {
    id: string;
    key: string;
    nameDa: string;
    nameEn: string;
    descriptionDa: string;
    descriptionEn: string;
    version: number;
    sessionsPerWeek: number;
  }[];
  /** A template to preselect in the assign form (from a "start return to running" link). */
  assignTemplateId?: string | undefined;
  /** False for an archived patient or a discharged episode: shown, not changed. */
  editable: boolean;
  today: Date;
  locale: Locale;
  /** The programs' actions, from the page (app/actions/programs.ts); bound here to the patient and each program. */
  actions: {
    assign: FormAction<[patientId: string, episodeId: string]>;
    override: FormAction<[patientId: string, assignmentId: string, phases: number]>;
    end: CommandAction<[patientId: string, assignmentId: string]>;
    maintain: CommandAction<[patientId: string, assignmentId: string]>;
  };
};

/**
 * The episode's active programs: today's prescription, why, and adherence week by week. Every
 * change (assign, adjust, change phase or load, end) sits behind its own button, so the panel
 * reads as a summary rather than a stack of open forms.
 */
export async function ProgramsSection({
  patientId,
  episode,
  plan,
  programs,
  templates,
  assignTemplateId,
  editable,
  today,
  locale,
  actions,
}: Props) {
  const messages = await getRequestMessages();
  const text = messages.programs;
  const date = (value: Date | string) =>
    formatDate(typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value, locale);
  const defaultTemplate = templates.find((template) => template.id === assignTemplateId) ?? templates[0];
  const firstWeekActive = programs.some((program) => program.kind === "FIRST_WEEK");
  const runningAllowed = mayStartRunning(plan);
  return (
    <section aria-labelledby="programs-heading" className="panel">
      <div className="panel-heading">
        <h2 id="programs-heading">{text.title}</h2>
        <div className="heading-actions">
          {programs.length > 0 && (
            <Link href={`/patients/${patientId}/handout`} className="button secondary">
              {text.handout}
            </Link>
          )}
          {editable && defaultTemplate && (
            <FormDialog
              trigger={text.assignTitle}
              title={text.assignTitle}
              close={messages.dialog.close}
              open={assignTemplateId !== undefined}
              primary={programs.length === 0}
            >
              <AssignProgramForm
                action={actions.assign.bind(null, patientId, episode.id)}
                templates={templates.map((template) => ({
                  value: template.id,
                  label: text.templateVersion(templateName(template, locale), template.version),
                  description: templateDescription(template, locale),
                }))}
                defaults={{
                  startDate: isoDate(today),
                  sessionsPerWeek: String(defaultTemplate.sessionsPerWeek),
                  templateId: assignTemplateId,
                }}
                endFirstWeek={firstWeekActive ? text.endFirstWeek : undefined}
                earliest={isoDate(episode.treatmentStart)}
              />
            </FormDialog>
          )}
        </div>
      </div>
      {programs.length === 0 && <p>{text.none}</p>}
      {plan && plan.status !== "ACTIVE" && (
        <div className="warning-box plan-box" data-plan={plan.status} role="note">
          <p>
            <strong>{messages.plan.label}:</strong> {planText(plan, messages)}
          </p>
          <p>{messages.plan.explain[plan.status]}</p>
        </div>
      )}
      {programs.map((program) => (
        <article key={program.id} className="program" aria-labelledby={`program-${program.id}`}>
          <h3 id={`program-${program.id}`}>{messages.program[program.kind]}</h3>
          <p className="hint">
            {text.templateVersion(program.templateName, program.templateVersion)} ·{" "}
            {text.summary(date(program.startDate), program.sessionsPerWeek)}
          </p>
          {program.kind === "FIRST_WEEK" && programs.length > 1 && editable && (
            <p className="warning-box">{text.firstWeekStillActive}</p>
          )}
          {program.prescription?.completed && !program.maintenanceSince && (
            <div className="warning-box" role="status">
              <h4>{text.completedTitle(program.prescription.week, program.prescription.totalWeeks)}</h4>
              <p>{text.completedBody[program.kind]}</p>
              {editable && (
                <div className="program-actions">
                  <form action={asFormSubmit(actions.maintain.bind(null, patientId, program.id))}>
                    <button type="submit" className="button secondary">
                      {text.maintain}
                    </button>
                  </form>
                  {program.kind === "HSR" && runningAllowed && (
                    <Link href={`/patients/${patientId}?assign=return-to-run`} className="button secondary">
                      {text.startReturnToRun}
                    </Link>
                  )}
                </div>
              )}
            </div>
          )}
          {program.maintenanceSince && <p className="hint">{text.maintaining(date(program.maintenanceSince))}</p>}
          {program.prescription ? (
            <>
              {/* The clinician knows the exercises; their drawings are on the handout one click away, so
                  the card stays short now that a phase holds several exercises (SPEC §6). */}
              <PrescriptionDetails
                prescription={program.prescription}

                locale={locale}
                drawing={false}
              />
              <AdherenceStrip prescription={program.prescription} />
            </>
          ) : (
            <p>{text.notStarted(date(program.startDate))}</p>
          )}
          <div className="disclosures">
            {program.prescription && <AdherenceTable prescription={program.prescription} />}
            {program.sessions.length > 0 && (
              <DataTableDetails
                summary={text.sessionsTable}
                columns={[
                  text.sessionColumns.date,
                  text.sessionColumns.done,
                  text.sessionColumns.exercises,
                  text.sessionColumns.dose,
                  text.sessionColumns.load,
                  text.sessionColumns.pain,
                  text.sessionColumns.effort,
                ]}
                rows={program.sessions.map((s) => ({
                  key: s.id,
                  cells: [
                    date(s.date),
                    s.completed ? messages.prescription.yes : messages.prescription.no,
                    s.exercises.length > 0
                      ? s.exercises.map((code) => exerciseShortName(messages, code)).join(", ")
                      : "–",
                    s.sets && s.reps ? `${s.sets} × ${s.reps}` : "–",
                    s.loadKg === null ? "–" : formatNumber(s.loadKg, locale),
                    s.painDuring ?? "–",
                    s.effort ? messages.portal.effortOptions[s.effort] : "–",
                  ],
                }))}
              />
            )}
          </div>
          {program.overrides.length > 0 && (
            <>
              <h4>{text.overrides}</h4>
              <ul>
                {program.overrides.map((o) => (
                  <li key={o.id}>
                    {text.overrideItem(
                      date(o.date),
                      [
                        o.phase !== undefined && text.overridePhaseValue(o.phase),
                        o.loadKg !== undefined && text.overrideLoadValue(formatNumber(o.loadKg, locale)),
                      ]
                        .filter(Boolean)
                        .join(", "),
                      o.reason,
                      o.by,
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {editable && (
            <div className="program-actions">
              <Link href={`/patients/${patientId}/programs/${program.id}/adjust`} className="button secondary">
                {text.adjust}
              </Link>
              <FormDialog trigger={text.overrideTitle} title={text.overrideTitle} close={messages.dialog.close}>
                <OverrideForm
                  action={actions.override.bind(null, patientId, program.id, program.content.phases.length)}
                  phases={program.content.phases.map((_, i) => ({
                    value: String(i + 1),
                    label: messages.programs.editor.phase(i + 1),
                  }))}
                  today={isoDate(today)}
                />
              </FormDialog>
              <EndProgramButton
                action={actions.end.bind(null, patientId, program.id)}
                reasons={END_REASONS.map((value) => ({ value, label: text.endReasons[value] }))}
              />
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
