// The discharge letter's draft (epikrise, SPEC §11): the text a physiotherapist sends the
// patient's doctor at the end of a course, written from a plain facts object in the letter's
// language. The facts are read from the episode's derived state (the same MCID verdicts as the
// patient page and the report) by lib/server/letters/letter-facts.ts; nothing is judged here,
// only said. Pure: the service, the tests and the demo seed call it.
import { z } from "zod";

import { INSTRUMENTS } from "../../clinical/instruments";
import type { Finding, RedFlag } from "../../clinical/red-flags";
import type { InterventionType, Locale, ProgramKind, Side } from "../../generated/prisma/enums";
import type { InstrumentProgress } from "../../server/patients/progress-overview";
import { getMessages } from "../i18n";
import { formatDate, formatNumber } from "../i18n/format";

/** The letter's sections, in the order a doctor reads them; each is plain text. Decision record 032. */
export const LETTER_SECTIONS = ["reason", "diagnosis", "course", "result", "findings", "discharge", "advice"] as const;
export type LetterSection = (typeof LETTER_SECTIONS)[number];
export type LetterSections = Record<LetterSection, string>;

export type LetterFacts = {
  locale: Locale;
  side: Side;
  symptomOnset: string;
  treatmentStart: string;
  dischargedAt: string;
  /** One of DISCHARGE_REASONS, or null where none was given. */
  dischargeReason: string | null;
  referral: {
    doctorName: string;
    practice: string | null;
    date: string;
    diagnosisText: string;
    icd10Code: string | null;
    /** The MedCom REF07 id, quoted in every letter about the course. */
    referenceId: string | null;
    vederlagsfri: boolean;
  } | null;
  /** Days with a clinic visit (an assessment). */
  visits: number;
  programs: { kind: ProgramKind; start: string; end: string; completedSessions: number }[];
  /** The HSR program's completed and prescribed sessions as the clinic report counts them; null without one. */
  hsrAdherence: { completed: number; prescribed: number } | null;
  interventions: { type: InterventionType; count: number; first: string }[];
  /** First-step pain and the function instrument measured last, as the patient page shows them. */
  pain: InstrumentProgress | null;
  function: InstrumentProgress | null;
  redFlagsScreened: boolean;
  /** Every red flag any screening of the course found. */
  redFlags: RedFlag[];
  differentialsExamined: boolean;
  findings: Finding[];
  /** The warning flags the derived state still had on the day of discharge. */
  standingAtDischarge: ("RED_FLAG" | "DIAGNOSIS_DOUBT" | "WORSENING")[];
};

/** Stored sections as written; a row that does not parse (hand-made) reads as empty text rather than failing a page. */
export function sectionsOf(stored: unknown): LetterSections {
  const parsed = z.record(z.string(), z.string()).safeParse(stored);
  const text = parsed.success ? parsed.data : {};
  return Object.fromEntries(LETTER_SECTIONS.map((section) => [section, text[section] ?? ""])) as LetterSections;
}

const day = (ymd: string, locale: Locale) => formatDate(new Date(`${ymd}T00:00:00Z`), locale);

/** The draft of every section, in the facts' language. */
export function draftLetter(facts: LetterFacts): LetterSections {
  const { locale } = facts;
  const m = getMessages(locale);
  const t = m.letter.draft;
  const date = (ymd: string) => day(ymd, locale);
  const number = (value: number) => formatNumber(value, locale);
  const sentences = (...parts: (string | false | null)[]) => parts.filter(Boolean).join(" ");

  const referral = facts.referral;
  const reason = referral
    ? sentences(
        t.referredBy(
          [referral.doctorName, referral.practice].filter(Boolean).join(", "),
          date(referral.date),
          referral.diagnosisText,
          referral.icd10Code,
        ),
        referral.vederlagsfri && t.vederlagsfri,
        referral.referenceId ? t.referenceId(referral.referenceId) : t.noReferenceId,
        t.symptomsSince(date(facts.symptomOnset)),
      )
    : sentences(t.selfReferred, t.symptomsSince(date(facts.symptomOnset)));

  const diagnosis = t.diagnosis(m.overview.heel[facts.side]);

  const weeks = Math.max(
    0,
    Math.round((Date.parse(facts.dischargedAt) - Date.parse(facts.treatmentStart)) / (7 * 86_400_000)),
  );
  const course = sentences(
    t.period(date(facts.treatmentStart), date(facts.dischargedAt), weeks, facts.visits),
    facts.programs.length > 0
      ? t.programs(
          facts.programs
            .map((p) => t.program(m.program[p.kind], date(p.start), date(p.end), p.completedSessions))
            .join("; "),
        )
      : t.noPrograms,
    facts.hsrAdherence &&
      t.adherence(
        facts.hsrAdherence.completed,
        facts.hsrAdherence.prescribed,
        Math.round((100 * facts.hsrAdherence.completed) / facts.hsrAdherence.prescribed),
      ),
    facts.interventions.length > 0
      ? t.interventions(
          facts.interventions
            .map((i) => t.intervention(m.intervention.types[i.type], i.count, date(i.first)))
            .join("; "),
        )
      : t.noInterventions,
  );

  // The patient page's verdict, said; "unchanged" only where the value did not move the wrong way:
  // a function score that fell is not worse by SPEC §5 (that is NRS only), but it is not unchanged either.
  const verdict = (progress: InstrumentProgress) =>
    progress.verdict === "NO_CHANGE" &&
    (INSTRUMENTS[progress.instrument].better === "lower" ? progress.change > 0 : progress.change < 0)
      ? t.verdicts.NO_CHANGE_WORSE_DIRECTION
      : t.verdicts[progress.verdict];
  const measure = (progress: InstrumentProgress) =>
    t.measure(
      m.instrument[progress.instrument],
      number(progress.baseline),
      date(progress.baselineDate),
      number(progress.latest),
      date(progress.latestDate),
      verdict(progress),
      // The MCID is the yardstick of "improved"; beside "worse" (the rules' own rise) or a
      // verdict not yet possible it would only confuse.
      progress.verdict === "IMPROVED" || progress.verdict === "NO_CHANGE" ? number(progress.mcid) : null,
    );
  const result = sentences(
    facts.pain ? measure(facts.pain) : t.noPain,
    facts.function ? measure(facts.function) : t.noFunction,
    (facts.pain || facts.function) && t.mcidExplained,
  );

  const findings = sentences(
    facts.redFlags.length > 0
      ? t.redFlags(facts.redFlags.map((code) => m.assessment.redFlag[code]).join("; "))
      : facts.redFlagsScreened
        ? t.noRedFlags
        : t.notScreened,
    facts.standingAtDischarge.includes("RED_FLAG") && t.redFlagStanding,
    facts.findings.length > 0
      ? t.findings(facts.findings.map((code) => m.assessment.finding[code]).join("; "))
      : facts.differentialsExamined
        ? t.noFindings
        : t.notExamined,
    facts.standingAtDischarge.includes("DIAGNOSIS_DOUBT") && t.doubtStanding,
  );

  const discharge = sentences(
    t.dischargedOn(date(facts.dischargedAt)),
    facts.dischargeReason && facts.dischargeReason in m.patient.dischargeReasons
      ? t.dischargeReason(m.patient.dischargeReasons[facts.dischargeReason as keyof typeof m.patient.dischargeReasons])
      : null,
    facts.pain && t.latestPain(number(facts.pain.latest)),
    facts.standingAtDischarge.includes("WORSENING") && t.worseningStanding,
  );

  // A red flag still standing at discharge changes the advice: offload until a doctor has seen it.
  const advice = facts.standingAtDischarge.includes("RED_FLAG") ? t.adviceRedFlag : t.advice;
  return { reason, diagnosis, course, result, findings, discharge, advice };
}
