import type { Locale } from "@/lib/generated/prisma/enums";
import { formatDate, formatNumber } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import type { InstrumentProgress } from "@/lib/server/patients/progress-overview";

/**
 * A course that has ended (SPEC §11): when, the result in the patient's words (first-step pain
 * and function from the start to discharge, judged as the clinic judged them), and how to keep
 * the foot well and what to do if the pain returns. The record stays readable below.
 */
export async function CourseEnded({
  ended,
  locale,
}: {
  ended: { dischargedAt: Date; progress: { pain: InstrumentProgress | null; function: InstrumentProgress | null } };
  locale: Locale;
}) {
  const messages = await getRequestMessages();
  const text = messages.portal.ended;
  const results = [
    ended.progress.pain && { label: text.pain, progress: ended.progress.pain },
    ended.progress.function && {
      label: messages.instrument[ended.progress.function.instrument],
      progress: ended.progress.function,
    },
  ].filter((row) => row !== null);
  return (
    <section aria-labelledby="ended-heading" className="panel">
      <h2 id="ended-heading">{text.title}</h2>
      <p>{text.since(formatDate(ended.dischargedAt, locale))}</p>
      {results.length > 0 && (
        <>
          <h3>{text.resultsTitle}</h3>
          <ul>
            {results.map(({ label, progress }) => (
              <li key={progress.instrument}>
                {text.line(label, formatNumber(progress.baseline, locale), formatNumber(progress.latest, locale))}{" "}
                <strong>{text.verdict[progress.verdict]}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{text.adviceTitle}</h3>
      <ul>
        {text.advice.map((advice) => (
          <li key={advice}>{advice}</li>
        ))}
      </ul>
      <p className="hint">{text.keptRecord}</p>
    </section>
  );
}
