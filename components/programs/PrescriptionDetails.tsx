import type { PhaseExercise } from "@/lib/clinical/programs/default-templates";
import { doseKind, exercisesOn } from "@/lib/clinical/programs/exercise-dose";
import type { Prescription, WeekOutcome, WeekReview } from "@/lib/clinical/programs/prescription";
import { TEMPO_REPS } from "@/lib/clinical/programs/tempo-reps";
import type { Locale } from "@/lib/generated/prisma/enums";
import { formatNumber } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import { doseText } from "@/lib/present/programs/dose-text";
import { exerciseName } from "@/lib/present/programs/exercise-names";

import { ExerciseDrawing, exerciseDrawingLabel } from "../exercises/ExerciseDrawing";
import { DataTableDetails } from "../ui/DataTableDetails";
import { DetailsList } from "../ui/DetailsList";

type Wording = { week: (week: number, phase: number) => string; reasons: Record<WeekOutcome, string> };

/** One exercise with its own dose; load and tempo only for the heel raise (a stretch has neither). */
async function ExerciseDetails({
  exercise,
  prescription: p,
  locale,
  drawing,
}: {
  exercise: PhaseExercise;
  prescription: Prescription;
  locale: Locale;
  drawing: boolean;
}) {
  const messages = await getRequestMessages();
  const text = messages.prescription;
  const loaded = doseKind(exercise.exercise) === "SETS_REPS";
  const items: [string, string][] = [
    [text.exerciseLabel, exerciseName(messages, exercise.exercise)],
    [text.doseLabel, doseText(exercise, messages)],
    ...(loaded
      ? [
          [
            text.loadLabel,
            p.suggestedLoadKg > 0 ? text.load(formatNumber(p.suggestedLoadKg, locale)) : text.bodyWeight,
          ] as [string, string],
        ]
      : []),
    ...(loaded && p.tempo
      ? [[text.tempoLabel, text.tempo(p.tempo.upSeconds, p.tempo.holdSeconds, p.tempo.downSeconds)] as [string, string]]
      : []),
  ];
  const drawingLabel = drawing ? exerciseDrawingLabel(messages, exercise.exercise) : undefined;
  return (
    <div className="prescription-exercise">
      <div className="prescription-dose">
        <DetailsList items={items} />
        {loaded && p.tempo && exercise.reps[1] <= TEMPO_REPS && <p className="hint">{text.eightReps}</p>}
      </div>
      {drawingLabel && <ExerciseDrawing exercise={exercise.exercise} label={drawingLabel} />}
    </div>
  );
}

/**
 * A prescription: the phase's exercises of the day, each with its own dose, load and tempo for
 * the heel raise, its drawing; those that start later in the program named with their start day;
 * the pain rule, and why the plan is what it is. `plainWording` replaces the clinical phrasing of
 * the week and the reason with the portal's plain words; `drawing={false}` leaves the drawings to a page
 * that shows them elsewhere, `painRule={false}` the pain rule; `heldLoad` says why the load does
 * not rise (a plan whose load is held, SPEC §6).
 */
export async function PrescriptionDetails({
  prescription: p,
  locale,
  plainWording = false,
  drawing = true,
  painRule = true,
  heldLoad,
}: {
  prescription: Prescription;
  locale: Locale;
  plainWording?: boolean;
  drawing?: boolean;
  painRule?: boolean;
  heldLoad?: string[];
}) {
  const messages = await getRequestMessages();
  const text = messages.prescription;
  const words: Wording = plainWording ? { week: messages.portal.week, reasons: messages.portal.reasons } : text;
  const today = exercisesOn(p.phaseSpec, p.day);
  const later = p.phaseSpec.exercises.filter((exercise) => !today.includes(exercise));
  const loadedToday = today.some((exercise) => doseKind(exercise.exercise) === "SETS_REPS");
  return (
    <>
      <p>{words.week(p.week, p.phase)}</p>
      {today.map((exercise) => (
        <ExerciseDetails
          key={exercise.exercise}
          exercise={exercise}
          prescription={p}

          locale={locale}
          drawing={drawing}
        />
      ))}
      {later.length > 0 && (
        <p>
          <strong>{text.startsLater}:</strong>{" "}
          {later
            .map(
              (exercise) =>
                `${exerciseName(messages, exercise.exercise)} (${text.fromDay(exercise.fromDay).toLowerCase()})`,
            )
            .join("; ")}
        </p>
      )}
      {loadedToday && heldLoad && heldLoad.length > 0 && (
        <div className="warning-box" role="note">
          {heldLoad.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </div>
      )}
      {painRule && <p>{text.painRule(p.maxPain)}</p>}
      <p>
        <strong>{text.why}:</strong> {words.reasons[p.reason]}
        {loadedToday && p.loadReason !== "KEPT" && ` ${text.loadReasons[p.loadReason]}`}
      </p>
    </>
  );
}

/** Completed against prescribed sessions, newest week first. */
export async function AdherenceTable({ prescription }: { prescription: Prescription }) {
  const messages = await getRequestMessages();
  const text = messages.prescription;
  return (
    <DataTableDetails
      summary={text.adherence}
      columns={[text.weekColumn, text.phaseColumn, text.doneColumn, text.responseColumn]}
      rows={[...prescription.weeks].reverse().map((week) => ({
        key: String(week.week),
        cells: [
          week.week,
          week.phase,
          `${week.completed} / ${week.prescribed}`,
          week.loadResponse ? text.yes : text.no,
        ],
      }))}
    />
  );
}

/** How many weeks the strip shows: a 12-week program whole, a longer one's latest weeks. */
const STRIP_WEEKS = 12;

/**
 * Completed against prescribed sessions in the latest weeks at a glance, oldest first, this
 * week marked as still running; the table above holds every week.
 */
export async function AdherenceStrip({ prescription }: { prescription: Prescription }) {
  const messages = await getRequestMessages();
  const text = messages.prescription;
  const level = (week: WeekReview) =>
    week.completed >= week.prescribed ? "met" : week.completed === 0 ? "none" : "partial";
  return (
    <ol className="adherence-strip" aria-label={text.adherenceRecent}>
      {prescription.weeks.slice(-STRIP_WEEKS).map((week) => {
        const current = week.week === prescription.week;
        return (
          <li
            key={week.week}
            data-adherence={current ? undefined : level(week)}
            aria-current={current ? "true" : undefined}
          >
            <span className="week">{text.weekShort(week.week)}</span>
            <strong aria-hidden="true">
              {week.completed}/{week.prescribed}
              {week.loadResponse && " !"}
            </strong>
            <span className="visually-hidden">
              {text.sessionsOf(week.completed, week.prescribed)}
              {week.loadResponse && `, ${text.responseColumn.toLowerCase()}`}
              {current && `, ${text.weekRunning}`}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
