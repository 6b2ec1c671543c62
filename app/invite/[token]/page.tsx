import { acceptInviteAction } from "@/app/actions/invites";
import { AcceptInviteForm } from "@/components/invites/InviteForms";
import { LanguageSwitch } from "@/components/LanguageSwitch";
import { getDb } from "@/lib/db/app-db.server";
import { getLocale, getRequestMessages } from "@/lib/i18n/locale.server";
import { lookupInvite } from "@/lib/invites/invites";

/** Where an invitation link leads: choose a password, or a plain word on why the link does not work. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [locale, messages] = await Promise.all([getLocale(), getRequestMessages()]);
  const text = messages.invite;
  const invite = await lookupInvite(await getDb(), token, new Date());
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
}
