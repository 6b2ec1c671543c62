import Link from "next/link";
import { redirect } from "next/navigation";

import { setLocale } from "@/app/actions/set-locale";
import { LanguageSwitch } from "@/components/LanguageSwitch";
import { SignInForm } from "@/components/SignInForm";
import { mitidOffered } from "@/lib/platform/auth/mitid/mitid-config";
import { homePath } from "@/lib/platform/auth/permissions";
import { page } from "@/lib/platform/entry-points/page.server";
import { getLocale } from "@/lib/present/i18n/locale.server";

export default page({ name: "/sign-in", access: "public" }, async ({ actor, messages }) => {
  if (actor) redirect(homePath(actor));
  const locale = await getLocale();
  return (
    <main id="main" className="sign-in">
      <div className="card">
        <p className="brand">{messages.app.name}</p>
        <h1>{messages.signIn.title}</h1>
        {mitidOffered() ? (
          <>
            {/* A plain link: the flow starts with a redirect to the broker (app/api/mitid/start). */}
            <a className="button primary" href="/api/mitid/start">
              {messages.mitid.signIn}
            </a>
            <p>{messages.mitid.orPassword}</p>
          </>
        ) : (
          <p>{messages.signIn.intro}</p>
        )}
        <SignInForm />
        <p>
          <Link href="/forgot-password">{messages.forgotPassword.link}</Link>
        </p>
        <LanguageSwitch locale={locale} setLocale={setLocale} />
      </div>
    </main>
  );
});
