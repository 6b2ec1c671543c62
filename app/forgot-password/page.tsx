import Link from "next/link";
import { redirect } from "next/navigation";

import { requestPasswordResetAction } from "@/app/actions/account";
import { setLocale } from "@/app/actions/set-locale";
import { ForgotPasswordForm } from "@/components/AccountForms";
import { LanguageSwitch } from "@/components/LanguageSwitch";
import { homePath } from "@/lib/platform/auth/permissions";
import { page } from "@/lib/platform/entry-points/page.server";
import { getLocale } from "@/lib/present/i18n/locale.server";

/** Asks for a link to choose a new password (SPEC §7); never says whether the address has an account. */
export default page({ name: "/forgot-password", access: "public" }, async ({ actor, messages }) => {
  if (actor) redirect(homePath(actor));
  const text = messages.forgotPassword;
  return (
    <main id="main" className="sign-in">
      <div className="card">
        <p className="brand">{messages.app.name}</p>
        <h1>{text.title}</h1>
        <p>{text.intro}</p>
        <ForgotPasswordForm action={requestPasswordResetAction} />
        <p>
          <Link href="/sign-in">{text.backToSignIn}</Link>
        </p>
        <LanguageSwitch locale={await getLocale()} setLocale={setLocale} />
      </div>
    </main>
  );
});
