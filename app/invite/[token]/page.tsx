import { acceptInviteAction } from "@/app/actions/invites";
import { AcceptInviteForm } from "@/components/invites/InviteForms";
import { LanguageSwitch } from "@/components/LanguageSwitch";
import { getLocale } from "@/lib/i18n/locale.server";
import { lookupInvite, ZInviteToken } from "@/lib/invites/invites";
import { z } from "zod";
import { page } from "@/lib/entry/page.server";

/** Where an invitation link leads: choose a password, or a plain word on why the link does not work. */
export default page({ name: "/invite/[token]", access: "public", params: z.object({ token: ZInviteToken }) }, async ({ db, messages, params: { token } }) => {
  const locale = await getLocale();
  const text = messages.invite;
  const invite = await lookupInvite(db, token, new Date());
  const problem = { USED: text.used, EXPIRED: text.expired, INVALID: text.invalid, CLOSED: text.closed } as const;
  return (
    <main id="main" className="sign-in">
      <div className="card">
        <p className="brand">{messages.app.name}</p>
        <h1>{text.acceptTitle}</h1>
        {invite.status === "VALID" ? (
          <>
            <p>{invite.hasAccount ? text.resetIntro : text.acceptIntro}</p>
            <AcceptInviteForm
              action={acceptInviteAction.bind(null, token)}
              email={invite.email}
              needsEmail={!invite.hasAccount}
              text={{ email: text.email, password: text.password, confirmPassword: text.confirmPassword, submit: text.submit, submitting: text.submitting, toSignIn: text.toSignIn }}
            />
          </>
        ) : (
          <p role="alert" className="warning-box">
            {problem[invite.status]}
          </p>
        )}
        <LanguageSwitch locale={locale} messages={messages} />
      </div>
    </main>
  );
});
