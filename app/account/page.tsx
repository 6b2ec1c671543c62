import Link from "next/link";

import { changeOwnPasswordAction, saveOwnProfileAction } from "@/app/actions/account";
import { PasswordForm, ProfileForm } from "@/components/AccountForms";
import { can } from "@/lib/platform/auth/permissions";
import { page } from "@/lib/platform/entry-points/page.server";
import { getOwnAccount } from "@/lib/server/users/own-account";

/**
 * Every user's own account (SPEC §7): name, language and password; for a patient also where to
 * ask for erasure (SPEC §9), here rather than beside the plan, where it weighed as much as the record.
 */
export default page({ name: "/account", access: "own-account" }, async ({ actor, db, messages }) => {
  const text = messages.account;
  const account = await getOwnAccount(db, actor);
  const patient = can(actor, "own-record");
  return (
    <>
      {/* A patient's account page has the portal's large touch targets. */}
      <div className={patient ? "portal" : undefined}>
        <h1>{text.title}</h1>
        <p className="hint">{account.email}</p>
        <section aria-labelledby="profile-heading" className="panel">
          <h2 id="profile-heading">{text.profile}</h2>
          <ProfileForm action={saveOwnProfileAction} initial={{ name: account.name, locale: account.locale }} />
        </section>
        <section aria-labelledby="password-heading" className="panel">
          <h2 id="password-heading">{text.passwordTitle}</h2>
          <PasswordForm action={changeOwnPasswordAction} />
        </section>
        {patient && (
          <section aria-labelledby="data-heading" className="panel">
            <h2 id="data-heading">{text.dataTitle}</h2>
            <p>{text.dataIntro}</p>
            <Link href="/portal/erasure" className="button secondary large">
              {messages.portal.erasure.link}
            </Link>
          </section>
        )}
      </div>
    </>
  );
});
