import Link from "next/link";

import type { RuleCode } from "@/lib/clinical/rules/case";
import { fromFlagSeverity } from "@/lib/clinical/rules/severity";
import type { FlagSeverity, FlagStatus, Locale } from "@/lib/generated/prisma/enums";
import { flagRecommendation } from "@/lib/present/flags/flag-text";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";

import { FlagPatientNotes } from "./FlagPatientNotes";
import { SeverityBadge } from "./SeverityBadge";

type Flag = { id: string; code: string; severity: FlagSeverity; status: FlagStatus; evidence: unknown };

/** The episode's open and acknowledged flags, most severe first, each with what to do and what the patient's record adds to it. */
export async function PatientFlags({
  flags,
  patient,
  locale,
}: {
  flags: Flag[];
  patient: { comorbidities: readonly string[]; shoeAgeKm: { toString(): string } | number | null };
  locale: Locale;
}) {
  const messages = await getRequestMessages();
  const text = messages.flags;
  return (
    <section aria-labelledby="flags-heading" className="panel">
      <h2 id="flags-heading">{text.onPatient}</h2>
      {flags.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <ul className="flag-list">
          {flags.map((flag) => (
            <li key={flag.id} data-severity={fromFlagSeverity(flag.severity)}>
              <SeverityBadge severity={fromFlagSeverity(flag.severity)} />{" "}
              <Link href={`/flags/${flag.id}`}>{text.codes[flag.code as RuleCode]}</Link>
              {flag.status !== "OPEN" && <span className="muted"> · {text.statuses[flag.status]}</span>}
              <p>{flagRecommendation(flag, messages, locale)}</p>
              <FlagPatientNotes code={flag.code} patient={patient} locale={locale} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
