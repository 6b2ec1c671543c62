import { redirect } from "next/navigation";
import { z } from "zod";

import { dischargeEpisodeAction } from "@/app/actions/episodes";
import { DischargeForm } from "@/components/patients/DischargeForm";
import { isoDay } from "@/lib/clinical/calendar";
import type { Instrument } from "@/lib/generated/prisma/enums";
import { isoDate, today } from "@/lib/platform/dates";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { AppError } from "@/lib/platform/errors";
import { formatDate, formatNumber } from "@/lib/present/i18n/format";
import { instrumentInfos } from "@/lib/present/records/instrument-info";
import { DISCHARGE_REASONS } from "@/lib/server/episodes/episode-input";
import { readEpisodeState } from "@/lib/server/episodes/episode-state";
import { getPatient } from "@/lib/server/patients/get-patient";
import { PSFS_MAX_ITEMS } from "@/lib/server/records/kinds/outcome-input";
import { newRecordInitialValues } from "@/lib/server/records/record-initial-values";

/**
 * Ending a course (SPEC §11): the final measurements of the instruments the episode has used,
 * each with its values so far, and a rating of change, which is what one asks at the end; then
 * the reason, the result against the MCID and the confirmation (DischargeForm).
 */
export default page(
  {
    name: "/patients/[id]/episodes/[episodeId]/discharge",
    access: "clinic-patients",
    params: z.object({ id: ids.patient, episodeId: ids.episode }),
  },
  async ({ actor, db, messages, params: { id, episodeId } }) => {
    const locale = actor.locale;
    const patient = await getPatient(db, actor, id);
    const episode = patient.episodes.find((e) => e.id === episodeId);
    if (!episode) throw new AppError("NOT_FOUND");
    if (episode.status === "DISCHARGED" || patient.archivedAt) redirect(`/patients/${patient.id}`);
    const day = today(actor.timeZone);
    const judged = (await readEpisodeState(db, episode.id, day))?.state.judged ?? [];
    const used: Instrument[] = judged.length > 0 ? judged.map((j) => j.instrument) : ["NRS_FIRST_STEP"];
    const date = (d: number) => formatDate(new Date(`${isoDay(d)}T00:00:00Z`), locale);
    const hints = Object.fromEntries(
      judged.map((j) => [
        j.instrument,
        messages.discharge.soFar(
          `${formatNumber(j.baseline, locale)} (${date(j.baselineDay)})`,
          `${formatNumber(j.latest, locale)} (${date(j.latestDay)})`,
        ),
      ]),
    );
    return (
      <>
        <p className="breadcrumb">{patient.name}</p>
        <h1>{messages.discharge.title}</h1>
        <p>{messages.discharge.intro}</p>
        <DischargeForm
          action={dischargeEpisodeAction.bind(null, patient.id, episode.id)}
          initial={newRecordInitialValues("outcome", patient, isoDate(day), locale, episode.psfsActivities)}
          instruments={instrumentInfos(messages, [...used, "GLOBAL_CHANGE"])}
          hints={hints}
          psfsItems={PSFS_MAX_ITEMS}
          reasons={DISCHARGE_REASONS.map((value) => ({ value, label: messages.patient.dischargeReasons[value] }))}
          locale={locale}
          cancelHref={`/patients/${patient.id}`}
        />
      </>
    );
  },
);
