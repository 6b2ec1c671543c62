import type { Locale } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/i18n";
import { formatNumber } from "@/lib/i18n/format";
import { doseKind, doseText } from "@/lib/programs/exercise-dose";
import type { Prescription, WeekOutcome, WeekReview } from "@/lib/programs/prescription";
import { DataTableDetails } from "../DataTableDetails";
import { DetailsList } from "../DetailsList";
import { ExerciseDrawing, exerciseDrawingLabel } from "../exercises/ExerciseDrawing";

export function exerciseName(messages: Messages, code: string): string {
  return messages.prescription.exercise[code as keyof Messages["prescription"]["exercise"]] ?? code;
}

type Wording = { week: (week: number, phase: number) => string; reasons: Record<WeekOutcome, string> };

/**
 * A prescription: exercise, sets × reps, load, tempo, the exercise's drawing, the pain rule, and
 * why it is what it is. `wording` replaces the clinical phrasing of the week and the reason (the
 * portal's plain words); `drawing={false}` leaves the drawing to a page that shows it elsewhere;
 * `heldLoad` says why the load does not rise (a plan whose load is held, SPEC §6).
 */
export function PrescriptionDetails({
  prescription: p,
  messages,
  locale,
  wording,
  drawing = true,
  heldLoad,
}: {
  prescription: Prescription;
  messages: Messages;
  locale: Locale;
  wording?: Wording;
  drawing?: boolean;
  heldLoad?: string[];
}) {
  const text = messages.prescription;
  const words = wording ?? text;
  // Load and tempo belong to the loaded exercise only (a stretch has neither).
  const loadable = doseKind(p.phaseSpec.exercise) === "SETS_REPS";
  const items: [string, string][] = [
    [text.exerciseLabel, exerciseName(messages, p.phaseSpec.exercise)],
    [text.doseLabel, doseText(p.phaseSpec, messages)],
    ...(loadable ? [[text.loadLabel, p.suggestedLoadKg > 0 ? text.load(formatNumber(p.suggestedLoadKg, locale)) : text.bodyWeight] as [string, string]] : []),
    ...(loadable && p.tempo ? [[text.tempoLabel, text.tempo(p.tempo.upSeconds, p.tempo.holdSeconds, p.tempo.downSeconds)] as [string, string]] : []),
  ];
  const drawingLabel = drawing ? exerciseDrawingLabel(messages, p.phaseSpec.exercise) : undefined;
  return (
    <>
      <p>{words.week(p.week, p.phase)}</p>
      {drawingLabel ? (
        <div className="prescription-exercise">
          <DetailsList items={items} />
          <ExerciseDrawing exercise={p.phaseSpec.exercise} label={drawingLabel} />
        </div>
      ) : (
        <DetailsList items={items} />
      )}
      {loadable && heldLoad && heldLoad.length > 0 && (
        <div className="warning-box" role="note">
          {heldLoad.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </div>
      )}
      <p>
        {text.painRule(p.maxPain)} {text.worseMorning}
      </p>
      <p>
        <strong>{text.why}:</strong> {words.reasons[p.reason]}
        {loadable && p.loadReason !== "KEPT" && ` ${text.loadReasons[p.loadReason]}`}
      </p>
    </>
  );
}

/** Completed against prescribed sessions, newest week first. */
export function AdherenceTable({ prescription, messages }: { prescription: Prescription; messages: Messages }) {
  const text = messages.prescription;
  return (
    <DataTableDetails
      summary={text.adherence}
      columns={[text.weekColumn, text.phaseColumn, text.doneColumn, text.responseColumn]}
      rows={[...prescription.weeks].reverse().map((week) => ({
        key: String(week.week),
        cells: [week.week, week.phase, `${week.completed} / ${week.prescribed}`, week.loadResponse ? text.yes : text.no],
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
export function AdherenceStrip({ prescription, messages }: { prescription: Prescription; messages: Messages }) {
  const text = messages.prescription;
  const level = (week: WeekReview) => (week.completed >= week.prescribed ? "met" : week.completed === 0 ? "none" : "partial");
  return (
    <ol className="adherence-strip" aria-label={text.adherenceRecent}>
      {prescription.weeks.slice(-STRIP_WEEKS).map((week) => {
        const current = week.week === prescription.week;
        return (
          <li key={week.week} data-adherence={current ? undefined : level(week)} aria-current={current ? "true" : undefined}>
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
