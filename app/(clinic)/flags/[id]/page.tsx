import Link from "next/link";
import { z } from "zod";

import { acknowledgeFlagAction, undoAcknowledgementAction } from "@/app/actions/flags";
import { AcknowledgeForm } from "@/components/flags/AcknowledgeForm";
import { FlagPatientNotes } from "@/components/flags/FlagPatientNotes";
import { SeverityBadge } from "@/components/flags/SeverityBadge";
import { UndoAcknowledgement } from "@/components/flags/UndoAcknowledgement";
import { contactDetails } from "@/components/patients/PatientContact";
import { SourceList } from "@/components/SourceList";
import { DetailsList } from "@/components/ui/DetailsList";
import { isReferenceKey } from "@/lib/clinical/references";
import type { RuleCode } from "@/lib/clinical/rules/case";
import { fromFlagSeverity } from "@/lib/clinical/rules/severity";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { describeEvidence } from "@/lib/present/flags/describe-evidence";
import { flagRecommendation } from "@/lib/present/flags/flag-text";
import type { Messages } from "@/lib/present/i18n";
import { formatMoment } from "@/lib/present/i18n/format";
import { getFlag, nextOpenFlag } from "@/lib/server/flags/list-flags";

type EventType = keyof Messages["flags"]["events"];

export default page(
  { name: "/flags/[id]", access: "clinic-patients", params: z.object({ id: ids.flag }) },
  async ({ actor, db, messages, params }) => {
    const text = messages.flags;
    const [flag, next] = await Promise.all([getFlag(db, actor, params.id), nextOpenFlag(db, actor, params.id)]);
    const recommendation = flagRecommendation(flag, messages, actor.locale);
    return (
      <>
        <p className="breadcrumb">
          <Link href={`/patients/${flag.episode.patient.id}`}>{flag.episode.patient.name}</Link>
        </p>
        <h1>{text.codes[flag.code as RuleCode]}</h1>
        <p>
          <SeverityBadge severity={fromFlagSeverity(flag.severity)} /> · {text.statuses[flag.status]} · {text.opened}{" "}
          {formatMoment(flag.openedAt, actor.locale)}
        </p>
        <section className="panel" aria-labelledby="recommendation-heading">
          <h2 id="recommendation-heading">{text.recommendation}</h2>
          <p>{recommendation}</p>
          <FlagPatientNotes code={flag.code} patient={flag.episode.patient} locale={actor.locale} />
          <h3>{text.source}</h3>
          <SourceList sources={flag.sources.filter(isReferenceKey)} clinicDefault={text.clinicDefault} />
        </section>
        <section className="panel" aria-labelledby="contact-heading">
          <h2 id="contact-heading">{text.contact}</h2>
          <DetailsList items={contactDetails(flag.episode.patient, messages)} compact />
        </section>
        <section className="panel" aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">{text.evidence}</h2>
          <DetailsList items={describeEvidence(flag.evidence as Record<string, unknown>, messages, actor.locale)} />
        </section>
        {flag.status === "OPEN" && (
          <section className="panel" aria-labelledby="acknowledge-heading">
            <h2 id="acknowledge-heading">{text.acknowledge}</h2>
            <AcknowledgeForm action={acknowledgeFlagAction.bind(null, flag.id)} />
          </section>
        )}
        {flag.status === "ACKNOWLEDGED" && (
          // Right after acknowledging: the next flag to see, or the acknowledgement taken back.
          <div className="form-actions" role="group" aria-label={text.statuses.ACKNOWLEDGED}>
            {next ? (
              <Link className="button primary" href={`/flags/${next}`}>
                {text.nextFlag}
              </Link>
            ) : (
              <p>{text.noNextFlag}</p>
            )}
            <UndoAcknowledgement action={undoAcknowledgementAction.bind(null, flag.id)} />
          </div>
        )}
        <section className="panel" aria-labelledby="history-heading">
          <h2 id="history-heading">{text.history}</h2>
          <ol className="timeline">
            {flag.events.map((event) => (
              <li key={event.id} className="timeline-item">
                <p>
                  <strong>{formatMoment(event.at, actor.locale, true)}</strong> ·{" "}
                  {text.events[event.type as EventType] ?? event.type} · {text.severities[event.severity]}
                  {event.actorId && ` · ${flag.actorNames.get(event.actorId) ?? ""}`}
                </p>
                {event.note && <p>{event.note}</p>}
              </li>
            ))}
          </ol>
        </section>
      </>
    );
  },
);
