import { createInviteAction, revealPasswordLinkAction } from "@/app/actions/invites";
import { readEnv } from "@/lib/env";
import type { Locale } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/i18n";
import { formatMoment } from "@/lib/i18n/format";
import type { getPortalAccess } from "@/lib/invites/invites";

import { CreateInviteForm, RevealPasswordLink } from "./InviteForms";

type Access = Awaited<ReturnType<typeof getPortalAccess>>;

/**
 * The patient's portal account and invitation status, and a way to invite, or for a patient
 * with an account to send a password link; without a mail server, the patient's own
 * physiotherapist may show that link to hand it over.
 */
export function PortalAccessSection({
  patientId,
  access,
  messages,
  locale,
}: {
  patientId: string;
  access: Access;
  messages: Messages;
  locale: Locale;
}) {
  const text = messages.invite;
  const invite = access.invite;
  const date = (value: Date) => formatMoment(value, locale, true);
  const statusText = (i: NonNullable<Access["invite"]>) => {
    switch (i.status) {
      case "PENDING":
        return text.statuses.PENDING(date(i.expiresAt));
      case "USED":
        return text.statuses.USED(date(i.usedAt ?? i.createdAt));
      case "EXPIRED":
        return text.statuses.EXPIRED(date(i.expiresAt));
      case "REVOKED":
        return text.statuses.REVOKED;
    }
  };
  const status = invite && statusText(invite);
  return (
    <section aria-labelledby="portal-access-heading" className="panel">
      <h2 id="portal-access-heading">{text.title}</h2>
      <p>{access.account ? text.account(access.account.email) : text.noAccount}</p>
      {status && <p data-testid="invite-status">{status}</p>}
      <CreateInviteForm
        action={createInviteAction.bind(null, patientId)}
        hasOpenInvite={!access.account && invite?.status === "PENDING"}
        email={access.account ? null : { defaultValue: access.patientEmail ?? "" }}
        text={{
          create: access.account ? text.sendPasswordLink : invite ? text.createAgain : text.create,
          replaceTitle: text.replaceTitle,
          replaceBody: text.replaceBody,
          cancel: messages.patient.confirmCancel,
          email: text.email,
          emailHint: text.emailHint,
          link: text.link,
          copy: text.copy,
          copied: text.copied,
        }}
      />
      {access.account && access.passwordLinkOpen && access.ownPatient && !readEnv().SMTP_URL && (
        <RevealPasswordLink
          action={revealPasswordLinkAction.bind(null, patientId)}
          text={{
            hint: text.revealHint,
            reveal: text.reveal,
            nothing: text.nothingWaiting,
            link: text.passwordLink,
            copy: text.copy,
            copied: text.copied,
          }}
        />
      )}
    </section>
  );
}
