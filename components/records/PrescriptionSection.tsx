import type { Locale } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/i18n";
import { formatNumber } from "@/lib/i18n/format";
import type { Prescription } from "@/lib/programs/progression";
import { DataTableDetails } from "../DataTableDetails";
import { DetailsList } from "../DetailsList";

/** Today's HSR prescription, why it is what it is, and adherence per week. */
export function PrescriptionSection({ prescription, messages, locale }: { prescription: Prescription; messages: Messages; locale: Locale }) {
  const text = messages.prescription;
  const p = prescription;
  const exercise = text.exercise[p.phaseSpec.exercise as keyof typeof text.exercise] ?? p.phaseSpec.exercise;
  const items: [string, string][] = [
    [text.exerciseLabel, exercise],
    [text.doseLabel, text.setsReps(p.sets, p.reps[0], p.reps[1])],
    [text.loadLabel, p.suggestedLoadKg > 0 ? text.load(formatNumber(p.suggestedLoadKg, locale)) : text.bodyWeight],
    ...(p.tempo ? [[text.tempoLabel, text.tempo(p.tempo.upSeconds, p.tempo.holdSeconds, p.tempo.downSeconds)] as [string, string]] : []),
  ];
  return (
    <section aria-labelledby="prescription-heading" className="panel">
      <h2 id="prescription-heading">{text.title}</h2>
      <p>
        {messages.program.HSR} · {text.week(p.week, p.phase)}
      </p>
      <DetailsList items={items} />
      <p>{text.painRule(p.maxPain)}</p>
      <p>
        <strong>{text.why}:</strong> {text.reasons[p.reason]}
      </p>
      <DataTableDetails
        summary={text.adherence}
        columns={[text.weekColumn, text.phaseColumn, text.doneColumn, text.responseColumn]}
        rows={[...p.weeks].reverse().map((week) => ({
          key: String(week.week),
          cells: [week.week, week.phase, `${week.completed} / ${week.prescribed}`, week.loadResponse ? text.yes : text.no],
        }))}
      />
    </section>
  );
}
