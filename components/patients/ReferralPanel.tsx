import type { ReactNode } from "react";

import type { Locale } from "@/lib/generated/prisma/enums";
import { isoDate } from "@/lib/platform/dates";
import type { Messages } from "@/lib/present/i18n";
import { formatDate } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import { telHref } from "@/lib/server/clinics/clinic-profile";

import type { CommandAction, FormAction } from "../action-types";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { FormDialog } from "../ui/FormDialog";
import { ReferralForm } from "./ReferralForm";

export type ReferralView = {
  referenceId: string | null;
  referralDate: Date;
  doctorName: string;
  practice: string | null;
  doctorPhone: string | null;
  locationNumber: string | null;
  diagnosisText: string;
  icd10Code: string | null;
  vederlagsfri: boolean;
};

/** A referral's facts as the patient page and the record print show them; the phone dials. */
export function referralDetails(referral: ReferralView, messages: Messages, locale: Locale): [string, ReactNode][] {
  const text = messages.referral;
  const f = text.fields;
  return [
    [f.doctorName, referral.doctorName],
    ...(referral.practice || referral.locationNumber
      ? [
          [
            f.practice,
            [referral.practice, referral.locationNumber && messages.patient.gpLocation(referral.locationNumber)]
              .filter(Boolean)
              .join(", "),
          ] as [string, ReactNode],
        ]
      : []),
    ...(referral.doctorPhone
      ? [
          [
            f.doctorPhone,
            <a key="phone" href={telHref(referral.doctorPhone)} aria-label={text.callDoctor(referral.doctorPhone)}>
              {referral.doctorPhone}
            </a>,
          ] as [string, ReactNode],
        ]
      : []),
    [f.referralDate, formatDate(referral.referralDate, locale)],
    [
      f.diagnosisText,
      referral.icd10Code ? `${referral.diagnosisText} (ICD-10 ${referral.icd10Code})` : referral.diagnosisText,
    ],
    ...(referral.referenceId
      ? [[f.referenceId, <code key="id">{referral.referenceId}</code>] as [string, ReactNode]]
      : []),
    [text.vederlagsfri, referral.vederlagsfri ? messages.patient.yes : messages.patient.no],
  ];
}

/** The current episode's referral, with adding, correcting and removing it while the record takes entries. */
export async function ReferralPanel({
  patientId,
  episodeId,
  referral,
  editable,
  day,
  locale,
  actions,
}: {
  patientId: string;
  episodeId: string;
  referral: ReferralView | null;
  editable: boolean;
  day: Date;
  locale: Locale;
  /** From the page (app/actions/referrals.ts); bound here to the patient and the episode. */
  actions: {
    save: FormAction<[patientId: string, episodeId: string]>;
    remove: CommandAction<[patientId: string, episodeId: string]>;
  };
}) {
  const messages = await getRequestMessages();
  const text = messages.referral;
  const initial: Record<string, string | undefined> = referral
    ? {
        referralDate: isoDate(referral.referralDate),
        doctorName: referral.doctorName,
        practice: referral.practice ?? undefined,
        doctorPhone: referral.doctorPhone ?? undefined,
        locationNumber: referral.locationNumber ?? undefined,
        diagnosisText: referral.diagnosisText,
        icd10Code: referral.icd10Code ?? undefined,
        referenceId: referral.referenceId ?? undefined,
        vederlagsfri: referral.vederlagsfri ? "on" : undefined,
      }
    : {};
  return (
    <section aria-labelledby="referral-heading" className="panel">
      <div className="panel-heading">
        <h2 id="referral-heading">{text.title}</h2>
        {editable && (
          <div className="heading-actions">
            <FormDialog
              trigger={referral ? text.edit : text.add}
              title={referral ? text.edit : text.add}
              close={messages.dialog.close}
            >
              <ReferralForm
                action={actions.save.bind(null, patientId, episodeId)}
                initial={initial}
                today={isoDate(day)}
              />
            </FormDialog>
            {referral && (
              <ConfirmDialog
                trigger={text.remove}
                title={text.removeTitle}
                body={text.removeBody}
                confirm={text.removeConfirm}
                cancel={messages.patient.confirmCancel}
                action={actions.remove.bind(null, patientId, episodeId)}
              />
            )}
          </div>
        )}
      </div>
      {referral ? <ReferralSummary referral={referral} locale={locale} /> : <p>{text.none}</p>}
    </section>
  );
}

/**
 * The referral in three lines, for the patient page: who referred (the phone dials), when and
 * for what, and its kind and id. The print lists the same facts one per field (referralDetails).
 */
async function ReferralSummary({ referral, locale }: { referral: ReferralView; locale: Locale }) {
  const messages = await getRequestMessages();
  const text = messages.referral;
  const practice = [
    referral.practice,
    referral.locationNumber && messages.patient.gpLocation(referral.locationNumber),
  ].filter(Boolean);
  return (
    <div className="referral-summary">
      <p>
        <strong>{referral.doctorName}</strong>
        {practice.length > 0 && `, ${practice.join(", ")}`}
        {referral.doctorPhone && (
          <>
            {" · "}
            <a href={telHref(referral.doctorPhone)} aria-label={text.callDoctor(referral.doctorPhone)}>
              {referral.doctorPhone}
            </a>
          </>
        )}
      </p>
      <p>
        {text.referredOn(formatDate(referral.referralDate, locale))}: {referral.diagnosisText}
        {referral.icd10Code && ` (ICD-10 ${referral.icd10Code})`}
      </p>
      <p className="hint">
        {referral.vederlagsfri ? text.vederlagsfri : text.notVederlagsfri}
        {referral.referenceId && (
          <>
            {" · "}
            {text.fields.referenceId}: <code>{referral.referenceId}</code>
          </>
        )}
      </p>
    </div>
  );
}
