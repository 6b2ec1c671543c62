"use server";
import { revalidatePath } from "next/cache";

import { waitSentence } from "@/lib/platform/auth/throttled";
import { callAction, formAction } from "@/lib/platform/entry-points/action.server";
import { ids } from "@/lib/platform/entry-points/ids";
import { isAppError } from "@/lib/platform/errors";
import { appUrl } from "@/lib/platform/http/app-url.server";
import { clientIp } from "@/lib/platform/http/client-ip.server";
import { errorTexts } from "@/lib/present/forms/error-text";
import { deliverEmailInBackground } from "@/lib/server/email/delivery-runner.server";
import { sendsEmail } from "@/lib/server/email/mail-server";
import { acceptInviteThrottled } from "@/lib/server/invites/accept-invite";
import { createInvite } from "@/lib/server/invites/invites";
import { revealWaitingPasswordLink } from "@/lib/server/invites/password-links";
import { ZInviteToken } from "@/lib/server/invites/tokens";

/**
 * Creates an invite and e-mails it; the link comes back once, in `values.link`, and the notice
 * says where it went. For a patient with an account: a password link, e-mailed only.
 */
export const createInviteAction = formAction(
  { name: "invites.create", access: "clinic-patients", args: [ids.patient] },
  async ({ actor, db, messages, args: [patientId], values, answer }) => {
    const created = await createInvite(db, actor, patientId, new Date(), await appUrl(), values).catch(
      (error: unknown) => {
        if (isAppError(error, "CONFLICT")) return null;
        throw error;
      },
    );
    revalidatePath(`/patients/${patientId}`);
    if (!created) return answer({ values: {}, formError: messages.invite.createdMeanwhile });
    if (created.status === "invalid")
      return answer({ errors: errorTexts(created.fieldErrors, messages), formError: messages.validation.summary });
    deliverEmailInBackground();
    if (created.status === "passwordLinkSent")
      return answer({ values: {}, notice: messages.invite.passwordLinkSent(created.emailedTo) });
    const notice = sendsEmail() ? messages.invite.emailed : messages.invite.waitsInOutbox;
    return answer({ values: { link: created.link }, notice: notice(created.emailedTo) });
  },
);

/** Someone holding a link (portal, staff or new password) chooses a password; open to anyone holding the link. */
export const acceptInviteAction = formAction(
  { name: "invites.accept", access: "public", args: [ZInviteToken], extra: { done: false } },
  async ({ db, locale, messages, args: [token], values, answer }) => {
    const result = await acceptInviteThrottled(db, token, values, locale, new Date(), await clientIp());
    const next = { values: { name: values.name } };
    const refused = {
      USED: messages.invite.used,
      EXPIRED: messages.invite.expired,
      INVALID: messages.invite.invalid,
      CLOSED: messages.invite.closed,
    } as const;
    switch (result.status) {
      case "ACCEPTED":
        return answer({ values: {}, done: true });
      case "INVALID_INPUT":
        return answer({
          ...next,
          errors: errorTexts(result.fieldErrors, messages),
          formError: messages.validation.summary,
        });
      case "THROTTLED":
        return answer({ ...next, formError: waitSentence(messages, result.retryAfterMs) });
      default:
        return answer({ ...next, formError: refused[result.status] });
    }
  },
);

/** The patient's own physiotherapist reads the password link waiting in the outbox (no mail server); audited. */
export const revealPasswordLinkAction = callAction(
  { name: "invites.revealPasswordLink", access: "clinic-patients", args: [ids.patient] },
  async ({ actor, db, args: [patientId] }) => ({
    link: await revealWaitingPasswordLink(db, actor, patientId, new Date()),
  }),
);
