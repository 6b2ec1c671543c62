// What a change of the rule settings would do, before it is saved (usability finding 14): a dry
// run of the same derivation the re-evaluation stores (lib/clinical/episode-state.ts, through the
// snapshots of lib/server/episodes/episode-snapshot.ts), once with the clinic's settings and
// once with the proposed ones, on today's date, for the clinic's open episodes. An episode
// counts when its set of flags (rule and severity) differs between the two. Nothing is written.
//
// Both sides are derived today, so the answer is the change's own effect: flags the nightly
// sweep would move anyway (a day passing) count on neither side.
import { deriveEpisodeState } from "../../clinical/episode-state";
import type { RuleFlag } from "../../clinical/rules/case";
import type { RuleSettings } from "../../clinical/rules/settings";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import { isoDate, today } from "../../platform/dates";
import type { Db } from "../../platform/db/client";
import { loadEpisodeSnapshots } from "../episodes/episode-snapshot";
import { sweptEpisodeIds } from "./sweep";

/** Episodes read per statement. */
const BATCH = 250;
/**
 * At most this many episodes are evaluated (a few seconds on two cores); a clinic with more is
 * estimated from these, which are an even spread of it (ordered by their random ids), and the
 * answer says so.
 */
export const IMPACT_MAX_EPISODES = 2000;

export type SettingsImpact = {
  /** Open episodes whose flags would differ, and their patients (estimated when `sampled`). */
  episodes: number;
  patients: number;
  /** Flags that would open, resolve, or change severity. */
  opened: number;
  resolved: number;
  changed: number;
  /** Open episodes evaluated, of all the clinic's open episodes. */
  evaluated: number;
  total: number;
  sampled: boolean;
};

/** A stored value's flags by rule, with their severity. */
const bySeverity = (flags: readonly RuleFlag[]) => new Map(flags.map((flag) => [flag.code, flag.severity]));

/** Counts the clinic's open episodes whose flags `proposed` would change, today. Admins only. */
export async function ruleSettingsImpact(
  db: Db,
  actor: Actor,
  proposed: RuleSettings,
  { asOf = today(actor.timeZone), maxEpisodes = IMPACT_MAX_EPISODES }: { asOf?: Date; maxEpisodes?: number } = {},
): Promise<SettingsImpact> {
  assertCan(actor, "clinic-admin");
  const all = await sweptEpisodeIds(db, actor.clinicId);
  // An even spread when there are too many: every k-th episode by id.
  const step = Math.max(1, Math.ceil(all.length / maxEpisodes));
  const ids = step === 1 ? all : all.filter((_, index) => index % step === 0);
  const day = isoDate(asOf);
  const patients = new Set<string>();
  let episodes = 0;
  let opened = 0;
  let resolved = 0;
  let changed = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const snapshots = await loadEpisodeSnapshots(db, ids.slice(i, i + BATCH));
    for (const episode of snapshots.values()) {
      const now = bySeverity(deriveEpisodeState(episode.snapshot, day, episode.settings).flags);
      const then = bySeverity(deriveEpisodeState(episode.snapshot, day, proposed).flags);
      let differs = false;
      for (const [code, severity] of then) {
        if (!now.has(code)) opened += 1;
        else if (now.get(code) !== severity) changed += 1;
        else continue;
        differs = true;
      }
      for (const code of now.keys())
        if (!then.has(code)) {
          resolved += 1;
          differs = true;
        }
      if (differs) {
        episodes += 1;
        patients.add(episode.patientId);
      }
    }
  }
  const scale = (count: number) => (step === 1 ? count : Math.round((count * all.length) / ids.length));
  return {
    episodes: scale(episodes),
    patients: scale(patients.size),
    opened: scale(opened),
    resolved: scale(resolved),
    changed: scale(changed),
    evaluated: ids.length,
    total: all.length,
    sampled: step > 1,
  };
}
