// A session the tissue did not tolerate (SPEC §5 LOAD_RESPONSE, §6 "responded"): pain during it
// above the pain limit, or first-step pain the next morning at least `morningRise` points above
// the session's morning, both mornings as day values (lib/clinical/day-values.ts). Shared by the
// rules and the prescription, which pass the clinic's thresholds.
import { type DayValue, valueOn } from "./day-values";

export type LoadLimits = { maxPain: number; morningRise: number };

const EPSILON = 1e-9;

/** Pain during the session above the limit. */
export const painfulSession = (painDuring: number | null, limits: LoadLimits) =>
  painDuring !== null && painDuring > limits.maxPain + EPSILON;

/**
 * The session's morning and the next one, when the next day is known (on or before
 * `knownUntil`) and at least `morningRise` above the session's; otherwise null.
 */
export function worseNextMorning(
  sessionDay: number,
  mornings: readonly DayValue[],
  knownUntil: number,
  limits: LoadLimits,
) {
  if (sessionDay + 1 > knownUntil) return null;
  const sessionMorning = valueOn(mornings, sessionDay);
  const nextMorning = valueOn(mornings, sessionDay + 1);
  if (sessionMorning === undefined || nextMorning === undefined) return null;
  return nextMorning - sessionMorning >= limits.morningRise - EPSILON ? { sessionMorning, nextMorning } : null;
}

/** Whether a session responded, as known on `knownUntil`. */
export function responded(
  session: { day: number; painDuring: number | null },
  mornings: readonly DayValue[],
  knownUntil: number,
  limits: LoadLimits,
): boolean {
  return (
    painfulSession(session.painDuring, limits) || worseNextMorning(session.day, mornings, knownUntil, limits) !== null
  );
}
