// The facts a discharge letter states, read from the one clinical state the product derives
// (decision record 023): the episode's snapshot and its derivation on the day of discharge (the
// same day values and MCID verdicts as the patient page), the HSR adherence as the clinic report
// stores it, and the referral. Nothing is judged again here. Not scoped: the caller has checked
// that the actor may read the episode.
import { FINDINGS, RED_FLAGS } from "../../clinical/red-flags";
import { adherenceOn } from "../../clinical/reports/adherence";
import type { Prisma } from "../../generated/prisma/client";
import type { InterventionType, Locale, Side } from "../../generated/prisma/enums";
import { isoDate } from "../../platform/dates";
import { AppError } from "../../platform/errors";
import type { LetterFacts } from "../../present/letters/discharge-letter";
import { readEpisodeState } from "../episodes/episode-state";
import { progressOverview } from "../patients/progress-overview";

const STANDING = ["RED_FLAG", "DIAGNOSIS_DOUBT", "WORSENING"] as const;

export type EpisodeForLetter = {
  id: string;
  side: Side;
  dischargedAt: Date | null;
  dischargeReason: string | null;
  referral: {
    doctorName: string;
    practice: string | null;
    referralDate: Date;
    diagnosisText: string;
    icd10Code: string | null;
    referenceId: string | null;
    vederlagsfri: boolean;
  } | null;
};

export async function letterFacts(
  db: Prisma.TransactionClient,
  episode: EpisodeForLetter,
  locale: Locale,
): Promise<LetterFacts> {
  if (!episode.dischargedAt) throw new AppError("CONFLICT");
  const dischargedAt = isoDate(episode.dischargedAt);
  const [read, stored] = await Promise.all([
    readEpisodeState(db, episode.id, episode.dischargedAt),
    db.episodeReportFacts.findUnique({
      where: { episodeId: episode.id },
      select: { programStart: true, sessionsPerWeek: true, weeklyCompleted: true },
    }),
  ]);
  if (!read) throw new AppError("NOT_FOUND");
  const { snapshot, state } = read;
  const kase = snapshot.snapshot;
  const progress = progressOverview(state.judged);
  const upToDischarge = <T extends { date: string }>(rows: T[]) => rows.filter((row) => row.date <= dischargedAt);
  const assessments = upToDischarge(kase.assessments);
  const sessions = upToDischarge(kase.sessions);

  const interventions = new Map<InterventionType, { type: InterventionType; count: number; first: string }>();
  for (const row of upToDischarge(kase.interventions)) {
    const known = interventions.get(row.type);
    if (known) known.count += 1;
    else interventions.set(row.type, { type: row.type, count: 1, first: row.date });
  }
  const found = new Set([...assessments.flatMap((a) => a.redFlags), ...assessments.flatMap((a) => a.findings)]);
  const referral = episode.referral;
  return {
    locale,
    side: episode.side,
    symptomOnset: kase.episode.symptomOnset,
    treatmentStart: kase.episode.treatmentStart,
    dischargedAt,
    dischargeReason: episode.dischargeReason,
    referral: referral && {
      doctorName: referral.doctorName,
      practice: referral.practice,
      date: isoDate(referral.referralDate),
      diagnosisText: referral.diagnosisText,
      icd10Code: referral.icd10Code,
      referenceId: referral.referenceId,
      vederlagsfri: referral.vederlagsfri,
    },
    visits: new Set(assessments.map((a) => a.date)).size,
    programs: kase.programs
      .filter((program) => program.start <= dischargedAt)
      .map((program) => ({
        kind: program.kind,
        start: program.start,
        // A program still running when the course ended ended with it.
        end: program.endedAt && program.endedAt < dischargedAt ? program.endedAt : dischargedAt,
        completedSessions: sessions.filter((s) => s.programId === program.id && s.completed).length,
      })),
    // As the clinic report counts it, from the facts it stores.
    hsrAdherence:
      stored?.programStart && stored.sessionsPerWeek
        ? adherenceOn(
            {
              start: isoDate(stored.programStart),
              sessionsPerWeek: stored.sessionsPerWeek,
              weeklyCompleted: stored.weeklyCompleted,
            },
            dischargedAt,
          )
        : null,
    interventions: [...interventions.values()],
    pain: progress.pain,
    function: progress.function,
    redFlagsScreened: assessments.some((a) => a.redFlagsScreened),
    redFlags: RED_FLAGS.filter((code) => found.has(code)),
    differentialsExamined: assessments.some((a) => a.differentialsExamined),
    findings: FINDINGS.filter((code) => found.has(code)),
    standingAtDischarge: STANDING.filter((code) => state.flags.some((flag) => flag.code === code)),
  };
}
