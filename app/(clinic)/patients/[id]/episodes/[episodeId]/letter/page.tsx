import Link from "next/link";
import { z } from "zod";

import { correctLetterAction, createLetterAction, saveLetterAction, signLetterAction } from "@/app/actions/letters";
import { CommandButton, CorrectionForm, LetterEditor } from "@/components/letters/LetterEditor";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DataTable } from "@/components/ui/DataTable";
import { FormDialog } from "@/components/ui/FormDialog";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { formatMoment } from "@/lib/present/i18n/format";
import { getEpisodeLetter, LETTER_FIELDS } from "@/lib/server/letters/discharge-letters";

/**
 * An episode's discharge letter (SPEC §11): offers to draft it once the episode is discharged;
 * then the latest version, editable while a draft, read-only once signed (a correction is a
 * new version); and every version's history. Audited as a read by the service.
 */
export default page(
  {
    name: "/patients/[id]/episodes/[episodeId]/letter",
    access: "clinic-patients",
    params: z.object({ id: ids.patient, episodeId: ids.episode }),
  },
  async ({ actor, db, messages, params }) => {
    const { patient, episode, versions } = await getEpisodeLetter(db, actor, params.id, params.episodeId);
    const text = messages.letter;
    const locale = actor.locale;
    const latest = versions.at(-1);
    const base = `/patients/${patient.id}/episodes/${episode.id}/letter`;
    return (
      <div className="stack letter-screen">
        <p className="breadcrumb">
          <Link href={`/patients/${patient.id}`}>{patient.name}</Link>
        </p>
        <h1>{text.title}</h1>
        {!latest &&
          (episode.status === "DISCHARGED" ? (
            <section className="panel stack" aria-labelledby="letter-new">
              <h2 id="letter-new">{text.noLetter}</h2>
              <p>{text.writeHint}</p>
              <CommandButton label={text.write} action={createLetterAction.bind(null, patient.id, episode.id)} />
            </section>
          ) : (
            <p className="notice" role="note">
              {text.notDischarged}
            </p>
          ))}
        {latest && (
          <section className="panel stack" aria-labelledby="letter-current">
            <h2 id="letter-current">
              {text.version(latest.version)} · {latest.signedAt ? text.statusSigned : text.statusDraft}
            </h2>
            {latest.correctionReason && <p>{text.correctionOf(latest.version - 1, latest.correctionReason)}</p>}
            <div className="heading-actions">
              <Link className="button secondary" href={`${base}/print?version=${latest.version}`}>
                {latest.signedAt ? text.openPrint : text.preview}
              </Link>
              {latest.signedAt ? (
                <>
                  <a className="button secondary" href={`${base}/fhir?version=${latest.version}`} download>
                    {text.downloadFhir}
                  </a>
                  <FormDialog trigger={text.correct} title={text.correctTitle} close={messages.dialog.close}>
                    <CorrectionForm
                      action={correctLetterAction.bind(null, patient.id, episode.id)}
                      maxLength={LETTER_FIELDS.correctionReason.maxLength}
                    />
                  </FormDialog>
                </>
              ) : (
                <ConfirmDialog
                  trigger={text.sign}
                  title={text.signTitle}
                  body={text.signBody}
                  confirm={text.sign}
                  cancel={text.cancel}
                  triggerClassName="button primary"
                  action={signLetterAction.bind(null, patient.id, episode.id, latest.version)}
                />
              )}
            </div>
            {latest.signedAt ? (
              <>
                <p className="hint">{text.readOnly}</p>
                {(Object.keys(text.sections) as (keyof typeof text.sections)[]).map((section) => (
                  <div key={section}>
                    <h3>{text.sections[section]}</h3>
                    <p className="pre-line">{latest.sections[section]}</p>
                  </div>
                ))}
              </>
            ) : (
              <>
                <p>{text.draftIntro}</p>
                <LetterEditor
                  action={saveLetterAction.bind(null, patient.id, episode.id, latest.version)}
                  sections={latest.sections}
                  maxLength={LETTER_FIELDS.reason.maxLength}
                />
              </>
            )}
          </section>
        )}
        {versions.length > 0 && (
          <section className="panel stack" aria-labelledby="letter-history">
            <h2 id="letter-history">{text.history}</h2>
            <DataTable
              label={text.history}
              columns={[
                text.columns.version,
                text.columns.status,
                text.columns.author,
                text.columns.signed,
                text.columns.reason,
                text.columns.open,
              ]}
              rows={[...versions].reverse().map((v) => ({
                key: String(v.version),
                cells: [
                  String(v.version),
                  v.signedAt ? text.statusSigned : text.statusDraft,
                  `${v.author.name}, ${formatMoment(v.createdAt, locale, true)}`,
                  v.signedAt && v.signedBy ? `${v.signedBy.name}, ${formatMoment(v.signedAt, locale, true)}` : "",
                  v.correctionReason ?? "",
                  <Link key="open" href={`${base}/print?version=${v.version}`}>
                    {text.version(v.version)}
                  </Link>,
                ],
              }))}
              className="card-rows"
            />
          </section>
        )}
      </div>
    );
  },
);
