import type { Locale } from "@/lib/generated/prisma/enums";
import { formatMoment } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import type { getPortalAccess } from "@/lib/server/invites/invites";

import type { FormAction } from "../action-types";
import { CreateInviteForm, RevealPasswordLink } from "./InviteForms";

type Access = Awaited<ReturnType<typeof getPortalAccess>>;

/**
 * The patient's portal account and invitation status, and a way to invite, or for a patient
 * with an account to send a password link; without a mail server, the patient's own
 * physiotherapist may show that link to hand it over.
 */
export async function PortalAccessSection({
  patientId,
  access,
  locale,
  actions,
}: {
  patientId: string;
  access: Access;
  locale: Locale;
  /** From the page (app/actions/invites.ts); bound here to the patient. */
  actions: {
    createInvite: FormAction<[patientId: string]>;
    revealPasswordLink: (patientId: string) => Promise<{ link: string | null } | null>;
  };
}) {
  const messages = await getRequestMessages();
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
        action={actions.createInvite.bind(null, patientId)}
        hasOpenInvite={!access.account && invite?.status === "PENDING"}
        invitedBefore={Boolean(invite)}
        email={access.account ? null : { defaultValue: access.patientEmail ?? "" }}
        sendsEmail={access.sendsEmail}
      />
      {access.passwordLinkRevealable && (
        <RevealPasswordLink action={actions.revealPasswordLink.bind(null, patientId)} />
      )}
    </section>
  );
}
