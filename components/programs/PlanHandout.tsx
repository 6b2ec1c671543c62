import Link from "next/link";

import { iceAdvice } from "@/lib/clinical/comorbidities";
import type { Locale } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import { doseText } from "@/lib/present/programs/dose-text";
import { exerciseName, exerciseShortName } from "@/lib/present/programs/exercise-names";
import { heldLoadSentences } from "@/lib/present/programs/plan-text";
import type { ClinicContact as ClinicContactFacts } from "@/lib/server/clinics/clinic-profile";
import type { CurrentPlan } from "@/lib/server/programs/current-plan";

import { ClinicContact } from "../ClinicContact";
import { ExerciseDrawing, exerciseDrawingLabel } from "../exercises/ExerciseDrawing";
import { WarningSignsBody } from "../portal/WarningSigns";
import { PrintButton } from "../ui/PrintButton";
import { PrescriptionDetails } from "./PrescriptionDetails";

/**
 * The patient's current plan on paper (SPEC §7): this week's prescription, how to do each
 * exercise, every phase, the pain rule and when to get in touch. The clinic's patient page
 * and the portal both show it; the print stylesheet drops the app's chrome.
 */
export async function PlanHandout({
  patientName,
  comorbidities,
  current,
  today,
  backHref,
  locale,
  clinic,
}: {
  patientName: string;
  /** Printed under the title: whom the patient calls. */
  clinic: ClinicContactFacts;
  /** The patient's conditions that change the advice (lib/clinical/comorbidities.ts). */
  comorbidities: readonly string[];
  /** The plan; none for a patient without an open episode. */
  current: Pick<CurrentPlan, "plan" | "programs" | "painLimit"> | null;
  today: Date;
  backHref: string;
  locale: Locale;
}) {
  const messages = await getRequestMessages();
  const text = messages.handout;
  const warning = messages.education.contactClinic;
  // A plan on hold is printed as on hold: no exercise and no dose (SPEC §6).
  const onHold = current?.plan?.status === "ON_HOLD";
  const programs = onHold ? [] : (current?.programs ?? []);
  const painLimit = current?.painLimit ?? 0;
  const heldLoad = heldLoadSentences(current?.plan ?? null, messages);
  return (
    <article className="handout">
      <div className="page-heading">
        <h1>{text.title}</h1>
        <div className="heading-actions no-print">
          {programs.length > 0 && <PrintButton label={text.print} />}
          <Link href={backHref} className="button secondary">
            {text.back}
          </Link>
        </div>
      </div>
      <p>{text.for(patientName, formatDate(today, locale))}</p>
      <ClinicContact clinic={clinic} />
      {onHold && (
        <div className="warning-box" role="note">
          <h2>{messages.portal.hold.title}</h2>
          <p>{messages.portal.hold.handout}</p>
        </div>
      )}
      {!onHold && programs.length === 0 && <p>{text.none}</p>}
      {programs.map((program) => {
        // Each exercise once, with the day it starts where that is not the program's first.
        const exercises = [
          ...new Map(program.content.phases.flatMap((phase) => phase.exercises).map((e) => [e.exercise, e])).values(),
        ];
        return (
          <section key={program.id} className="handout-program" aria-labelledby={`handout-${program.id}`}>
            <h2 id={`handout-${program.id}`}>{messages.program[program.kind]}</h2>
            <p>{text.sessions(program.sessionsPerWeek)}</p>
            {program.prescription && (
              <>
                <h3>{text.thisWeek}</h3>
                {/* The handout is the patient's: the plain wording of the portal. Its drawings are with the steps below. */}
                <PrescriptionDetails
                  prescription={program.prescription}

                  locale={locale}
                  plainWording
                  drawing={false}
                  painRule={false}
                  heldLoad={heldLoad}
                />
              </>
            )}
            <h3>{text.howTo}</h3>
            {exercises.map(({ exercise, fromDay }) => {
              const drawingLabel = exerciseDrawingLabel(messages, exercise);
              return (
                <div key={exercise} className="handout-exercise">
                  <h4>
                    {exerciseName(messages, exercise)}
                    {fromDay > 1 && ` (${messages.prescription.fromDay(fromDay).toLowerCase()})`}
                  </h4>
                  <ol>
                    {(text.steps[exercise as keyof typeof text.steps] ?? []).map((step) => (
                      <li key={step}>{step}</li>
                    ))}
                  </ol>
                  {drawingLabel && <ExerciseDrawing exercise={exercise} label={drawingLabel} />}
                </div>
              );
            })}
            <ul>
              {text.advice[program.kind].map((advice) => (
                <li key={advice}>{advice}</li>
              ))}
              {/* Ice, unless the patient's sensation or circulation makes it unsafe (SPEC §3). */}
              {program.kind === "FIRST_WEEK" && <li>{text.iceAdvice[iceAdvice(comorbidities)]}</li>}
            </ul>
            {program.content.phases.length > 1 && (
              <>
                <h3>{text.allPhases}</h3>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{messages.prescription.weekColumn}</th>
                      <th scope="col">{messages.prescription.doseLabel}</th>
                      <th scope="col">{messages.prescription.loadLabel}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {program.content.phases.map((phase) => (
                      <tr key={phase.code}>
                        <td>{text.weeks(phase.weeks[0], phase.weeks[1])}</td>
                        <td>
                          {phase.exercises.map((e) => (
                            <div key={e.exercise}>
                              {phase.exercises.length > 1 && `${exerciseShortName(messages, e.exercise)}: `}
                              {doseText(e, messages)}
                            </div>
                          ))}
                        </td>
                        <td>{messages.programs.loadGuidance[phase.load]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            <h3>{text.painRuleTitle}</h3>
            <p>{messages.prescription.painRule(painLimit)}</p>
          </section>
        );
      })}
      {/* The same warning signs, and where to turn, as the education page: one list. */}
      <section className="handout-contact" aria-labelledby="handout-warning">
        <h2 id="handout-warning">{warning.heading}</h2>
        <WarningSignsBody />
        <p>{text.askPhysio}</p>
      </section>
    </article>
  );
}
