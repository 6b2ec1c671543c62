import { z } from "zod";

import { acceptInviteAction } from "@/app/actions/invites";
import { setLocale } from "@/app/actions/set-locale";
import { ClinicContact } from "@/components/ClinicContact";
import { AcceptInviteForm } from "@/components/invites/InviteForms";
import { LanguageSwitch } from "@/components/LanguageSwitch";
import { SignOutButton } from "@/components/SignOutButton";
import { mitidOffered } from "@/lib/platform/auth/mitid/mitid-config";
import { page } from "@/lib/platform/entry-points/page.server";
import { getLocale } from "@/lib/present/i18n/locale.server";
import { lookupInvite } from "@/lib/server/invites/accept-invite";
import { ZInviteToken } from "@/lib/server/invites/tokens";

/**
 * Where a single-use link leads (portal or staff invitation, new password): choose a password,
 * or a plain word on why the link does not work. It names the clinic whose link it is. Someone
 * signed in to another account (an admin trying the link from the outbox) is asked to sign out
 * first: saving the password signs in as the link's account, which would end theirs unseen.
 */
export default page(
  { name: "/invite/[token]", access: "public", params: z.object({ token: ZInviteToken }) },
  async ({ actor, db, messages, params: { token } }) => {
    const locale = await getLocale();
    const text = messages.invite;
    const invite = await lookupInvite(db, token, new Date());
    const problem = { USED: text.used, EXPIRED: text.expired, INVALID: text.invalid, CLOSED: text.closed } as const;
    const accept = acceptInviteAction.bind(null, token);
    const body = () => {
      if (invite.status !== "VALID")
        return (
          <p role="alert" className="warning-box">
            {problem[invite.status]}
          </p>
        );
      const intro = {
        STAFF: text.staffIntro,
        PASSWORD_RESET: text.passwordResetIntro,
        PORTAL: text.acceptIntro,
      }[invite.purpose](invite.clinic.name);
      if (actor && actor.email !== invite.email)
        return (
          <>
            <p>{intro}</p>
            <div role="alert" className="warning-box stack">
              <p>{text.signedInAsSomeoneElse(actor.name, actor.email)}</p>
              <SignOutButton returnTo={`/invite/${token}`} />
            </div>
          </>
        );
      return (
        <>
          <p>{intro}</p>
          {invite.purpose === "PORTAL" && invite.mitid && mitidOffered() && (
            <>
              <a className="button primary" href={`/api/mitid/start?invite=${token}`}>
                {messages.mitid.acceptWithMitid}
              </a>
              <p>{messages.mitid.acceptWithMitidHint}</p>
            </>
          )}
          <AcceptInviteForm
            action={accept}
            email={invite.email}
            {...(invite.purpose === "STAFF" && { name: invite.name })}
          />
        </>
      );
    };
    return (
      <main id="main" className="sign-in">
        <div className="card">
          <p className="brand">
            {messages.app.name}
            {invite.status === "VALID" && <span className="brand-clinic"> · {invite.clinic.name}</span>}
          </p>
          <h1>{text.acceptTitle}</h1>
          {body()}
          {invite.status === "VALID" && <ClinicContact clinic={invite.clinic} />}
          <LanguageSwitch locale={locale} setLocale={setLocale} />
        </div>
      </main>
    );
  },
);
