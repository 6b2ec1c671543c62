import type { Locale } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/i18n";
import { formatNumber } from "@/lib/i18n/format";
import type { Prescription } from "@/lib/programs/progression";
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
      <details className="data-table-details">
        <summary>{text.adherence}</summary>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{text.adherence}</caption>
            <thead>
              <tr>
                <th scope="col">{text.weekColumn}</th>
                <th scope="col">{text.phaseColumn}</th>
                <th scope="col">{text.doneColumn}</th>
                <th scope="col">{text.responseColumn}</th>
              </tr>
            </thead>
            <tbody>
              {[...p.weeks].reverse().map((week) => (
                <tr key={week.week}>
                  <td>{week.week}</td>
                  <td>{week.phase}</td>
                  <td>
                    {week.completed} / {week.prescribed}
                  </td>
                  <td>{week.loadResponse ? text.yes : text.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
