// What the clinic has already measured on an episode on one day, so the day's measurements form
// can say so beside each field: a first assessment stores its first-step pain as a measurement,
// and the clinician who opens the form after it should not type that pain again.
import type { Instrument } from "../../generated/prisma/enums";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { findEpisode } from "./clinical-records";

/** The clinic's measurements of the episode on `day`, oldest first (a PSFS as its mean). */
export async function clinicMeasurementsOn(
  db: Db,
  actor: Actor,
  episodeId: string,
  day: Date,
): Promise<{ instrument: Instrument; value: number }[]> {
  assertCan(actor, "clinic-patients");
  const episode = await findEpisode(db, actor, episodeId);
  const rows = await db.outcomeMeasurement.findMany({
    where: { episodeId: episode.id, date: day, recordedBy: "CLINICIAN", deletedAt: null },
    select: { instrument: true, value: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({ instrument: row.instrument, value: Number(row.value) }));
}
