import { needsBloodSugarNote } from "@/lib/clinical/comorbidities";
import type { InterventionType, Locale } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";

/** The episode's interventions (insoles, shockwave, injections, referrals …), newest first; an injection given to a patient with diabetes carries the blood-sugar note. */
export async function InterventionList({
  interventions,
  comorbidities,
  locale,
}: {
  interventions: { id: string; date: Date; type: InterventionType; note: string | null }[];
  comorbidities: readonly string[];
  locale: Locale;
}) {
  const messages = await getRequestMessages();
  const text = messages.overview;
  return (
    <section aria-labelledby="interventions-heading" className="panel">
      <h2 id="interventions-heading">{text.interventions}</h2>
      {interventions.length === 0 ? (
        <p>{text.noInterventions}</p>
      ) : (
        <ul className="intervention-list">
          {interventions.map((row) => (
            <li key={row.id}>
              <strong>{formatDate(row.date, locale)}</strong> · {messages.intervention.types[row.type]}
              {row.note && <span className="muted"> – {row.note}</span>}
              {row.type === "CORTICOSTEROID_INJECTION" && needsBloodSugarNote(comorbidities) && (
                <p className="warning-box">{messages.flags.bloodSugar}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
