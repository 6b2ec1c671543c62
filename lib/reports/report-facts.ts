// Keeps each episode's report facts (episode-facts.ts) in the database: in the transaction of
// every write to the episode (with-episode-write.ts), and in the background for facts made
// with other settings or an older REPORT_FACTS_VERSION, or missing (episodes from before the
// report existed). See decision record 017.
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { programWeeks } from "../programs/progression";
import { ZProgramContent } from "../programs/default-templates";
import { clinicRuleSettings } from "../rules/settings";
import { episodeFacts, reportFactsKey, type ReportInput } from "./episode-facts";

const ymd = (date: Date) => date.toISOString().slice(0, 10);

/** Each episode's report input, read in one query per table. */
async function loadReportInputs(db: Prisma.TransactionClient, episodeIds: string[]): Promise<Map<string, ReportInput & { clinicId: string }>> {
  const [episodes, outcomes, programs] = await Promise.all([
    db.episode.findMany({ where: { id: { in: episodeIds } }, select: { id: true, clinicId: true, treatmentStart: true, dischargedAt: true } }),
    db.outcomeMeasurement.findMany({ where: { episodeId: { in: episodeIds }, deletedAt: null }, select: { episodeId: true, date: true, instrument: true, value: true, recordedBy: true } }),
    db.programAssignment.findMany({
      where: { episodeId: { in: episodeIds }, kind: "HSR" },
      select: { id: true, episodeId: true, startDate: true, sessionsPerWeek: true, endedAt: true, content: true },
      orderBy: [{ startDate: "asc" }, { createdAt: "asc" }],
    }),
  ]);
  // The first HSR program of each episode, and only its sessions.
  const firstProgram = new Map<string, (typeof programs)[number]>();
  for (const program of programs) if (!firstProgram.has(program.episodeId)) firstProgram.set(program.episodeId, program);
  const sessions = await db.sessionLog.findMany({
    where: { assignmentId: { in: [...firstProgram.values()].map((p) => p.id) } },
    select: { episodeId: true, date: true, completed: true },
  });
  const inputs = new Map<string, ReportInput & { clinicId: string }>();
  for (const e of episodes) {
    const program = firstProgram.get(e.id);
    const content = program && ZProgramContent.safeParse(program.content);
    inputs.set(e.id, {
      clinicId: e.clinicId,
      treatmentStart: ymd(e.treatmentStart),
      dischargedAt: e.dischargedAt && ymd(e.dischargedAt),
      outcomes: [],
      hsr: program && content?.success
        ? { start: ymd(program.startDate), sessionsPerWeek: program.sessionsPerWeek, weeks: programWeeks(content.data), endedAt: program.endedAt && ymd(program.endedAt), sessions: [] }
        : null,
    });
  }
  for (const o of outcomes) inputs.get(o.episodeId)!.outcomes.push({ date: ymd(o.date), instrument: o.instrument, value: Number(o.value), recordedBy: o.recordedBy });
  for (const s of sessions) inputs.get(s.episodeId)!.hsr?.sessions.push({ date: ymd(s.date), completed: s.completed });
  return inputs;
}

/** The facts of the given episodes, worked out from their rows with their clinic's current settings, as rows to store. */
export async function workOutReportFacts(db: Prisma.TransactionClient, episodeIds: string[]): Promise<Prisma.EpisodeReportFactsCreateManyInput[]> {
  const inputs = await loadReportInputs(db, episodeIds);
  const clinicIds = [...new Set([...inputs.values()].map((input) => input.clinicId))];
  const clinics = await db.clinic.findMany({ where: { id: { in: clinicIds } }, select: { id: true, ruleSettings: true } });
  const settingsOf = new Map(clinics.map((clinic) => [clinic.id, clinicRuleSettings(clinic.ruleSettings)]));
  return [...inputs].map(([episodeId, input]) => {
    const settings = settingsOf.get(input.clinicId)!;
    const facts = episodeFacts(input, settings);
    return {
      episodeId,
      clinicId: input.clinicId,
      computedWith: reportFactsKey(settings),
      week6: facts.week6.improvement,
      week6Judged: facts.week6.judged,
      week6Improved: facts.week6.improved,
      week12: facts.week12.improvement,
      week12Judged: facts.week12.judged,
      week12Improved: facts.week12.improved,
      recoveryWeek: facts.recovery?.week ?? null,
      recovered: facts.recovery?.recovered ?? false,
      programStart: facts.program ? new Date(`${facts.program.start}T00:00:00Z`) : null,
      weeklyPain: facts.program?.weeklyPain ?? undefined,
      sessionsPerWeek: facts.program?.course.sessionsPerWeek ?? null,
      weeklyCompleted: facts.program?.course.weeklyCompleted ?? [],
    };
  });
}

/**
 * Works out the facts of the given episodes and stores them. Call it in the transaction that
 * changed the rows, after the change, so the report never disagrees with the record.
 */
export async function refreshReportFacts(db: Prisma.TransactionClient, episodeIds: string[]): Promise<void> {
  if (episodeIds.length === 0) return;
  const rows = await workOutReportFacts(db, episodeIds);
  // Two statements whatever the number of episodes: the background refresh passes hundreds.
  await db.episodeReportFacts.deleteMany({ where: { episodeId: { in: episodeIds } } });
  await db.episodeReportFacts.createMany({ data: rows });
}

/** Episodes per transaction in the background refresh. */
const BATCH = 500;

/** The ids of up to `limit` episodes of the clinic whose facts are missing or were made with other settings. */
async function outdatedEpisodes(db: Db, clinicId: string, key: string, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT e.id::text FROM "Episode" e
    JOIN "Patient" p ON p.id = e."patientId"
    LEFT JOIN "EpisodeReportFacts" f ON f."episodeId" = e.id
    WHERE e."clinicId" = ${clinicId}::uuid AND p."processingStoppedAt" IS NULL
      AND (f."episodeId" IS NULL OR f."computedWith" <> ${key})
    ORDER BY e.id LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/** How many of the clinic's episodes have facts not made with its current settings. */
export async function outdatedReportFacts(db: Db, clinicId: string): Promise<number> {
  const key = reportFactsKey(await clinicSettings(db, clinicId));
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "Episode" e
    JOIN "Patient" p ON p.id = e."patientId"
    LEFT JOIN "EpisodeReportFacts" f ON f."episodeId" = e.id
    WHERE e."clinicId" = ${clinicId}::uuid AND p."processingStoppedAt" IS NULL
      AND (f."episodeId" IS NULL OR f."computedWith" <> ${key})`;
  return row?.count ?? 0;
}

async function clinicSettings(db: Db, clinicId: string) {
  const clinic = await db.clinic.findUniqueOrThrow({ where: { id: clinicId }, select: { ruleSettings: true } });
  return clinicRuleSettings(clinic.ruleSettings);
}

/**
 * Works out again, in batches, every episode of the clinic whose facts are out of date, until
 * none is. Each batch locks its episodes first, so a write in progress finishes before its
 * episode is worked out (and then with the settings read after the lock). Safe to run on
 * several servers at once: they work out the same facts. Patients who asked to be erased are
 * left out, as the report leaves them out (SPEC §9). Returns the number of episodes worked out.
 */
export async function refreshOutdatedReportFacts(db: Db, clinicId: string, { batchSize = BATCH, stopBefore = () => false } = {}): Promise<number> {
  let done = 0;
  let previous = "";
  while (!stopBefore()) {
    const ids = await outdatedEpisodes(db, clinicId, reportFactsKey(await clinicSettings(db, clinicId)), batchSize);
    // The same batch twice would mean the refresh cannot store them: stop rather than spin.
    if (ids.length === 0 || ids.join() === previous) return done;
    previous = ids.join();
    await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM "Episode" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
        await refreshReportFacts(tx, ids);
      },
      { timeout: 300_000 },
    );
    done += ids.length;
  }
  return done;
}
