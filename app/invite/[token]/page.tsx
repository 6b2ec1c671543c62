import { z } from "zod";

import { acceptInviteAction } from "@/app/actions/invites";
import { setLocale } from "@/app/actions/set-locale";
import { AcceptInviteForm } from "@/components/invites/InviteForms";
import { LanguageSwitch } from "@/components/LanguageSwitch";
import { page } from "@/lib/platform/entry-points/page.server";
import { getLocale } from "@/lib/present/i18n/locale.server";
import { lookupInvite } from "@/lib/server/invites/accept-invite";
import { ZInviteToken } from "@/lib/server/invites/tokens";

/** Where a single-use link leads (portal or staff invitation, new password): choose a password, or a plain word on why the link does not work. */
export default page(
  { name: "/invite/[token]", access: "public", params: z.object({ token: ZInviteToken }) },
  async ({ db, messages, params: { token } }) => {
    const locale = await getLocale();
    const text = messages.invite;
    const invite = await lookupInvite(db, token, new Date());
    const problem = { USED: text.used, EXPIRED: text.expired, INVALID: text.invalid, CLOSED: text.closed } as const;
    return (
      <main id="main" className="sign-in">
        <div className="card">
          <p className="brand">{messages.app.name}</p>
          <h1>{text.acceptTitle}</h1>
          {invite.status !== "VALID" ? (
            <p role="alert" className="warning-box">
              {problem[invite.status]}
            </p>
          ) : invite.purpose === "STAFF" ? (
            <>
              <p>{text.staffIntro(invite.clinicName)}</p>
              <AcceptInviteForm action={acceptInviteAction.bind(null, token)} email={invite.email} name={invite.name} />
            </>
          ) : invite.purpose === "PASSWORD_RESET" ? (
            <>
              <p>{text.passwordResetIntro}</p>
              <AcceptInviteForm action={acceptInviteAction.bind(null, token)} email={invite.email} />
            </>
          ) : (
            <>
              <p>{text.acceptIntro}</p>
              <AcceptInviteForm action={acceptInviteAction.bind(null, token)} email={invite.email} />
            </>
          )}
          <LanguageSwitch locale={locale} setLocale={setLocale} />
        </div>
      </main>
    );
  },
);
