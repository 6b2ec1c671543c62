// A session that the tissue did not tolerate (SPEC §5 LOAD_RESPONSE, §6 pain rule): pain
// during it above the limit, or first-step pain the next morning at least `morningRise`
// points higher than that morning. Dates are yyyy-mm-dd; shared by the rules and the program
// progression, which pass the clinic's thresholds.

export type LoggedSession = { date: string; painDuring: number | null };
export type MorningPain = { date: string; value: number };
export type LoadLimits = { maxPain: number; morningRise: number };

const DAY_MS = 86_400_000;
const nextDay = (ymd: string) => new Date(Date.parse(`${ymd}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** Per date, the highest first-step pain logged that day. */
export function morningPainByDate(values: MorningPain[]): Map<string, number> {
  const byDate = new Map<string, number>();
  for (const v of values) byDate.set(v.date, Math.max(byDate.get(v.date) ?? -Infinity, v.value));
  return byDate;
}

export function loadResponse(sessions: LoggedSession[], mornings: Map<string, number>, limits: LoadLimits) {
  const painfulSessions = sessions
    .filter((s) => s.painDuring !== null && s.painDuring > limits.maxPain)
    .map((s) => ({ date: s.date, painDuring: s.painDuring }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const worseNextMornings = [...new Set(sessions.map((s) => s.date))]
    .sort()
    .filter((date) => mornings.has(date) && mornings.has(nextDay(date)) && mornings.get(nextDay(date))! - mornings.get(date)! >= limits.morningRise - 1e-9)
    .map((date) => ({ sessionDate: date, sessionMorning: mornings.get(date)!, nextMorning: mornings.get(nextDay(date))! }));
  return { painfulSessions, worseNextMornings, hit: painfulSessions.length > 0 || worseNextMornings.length > 0 };
}
