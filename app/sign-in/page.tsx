import Link from "next/link";
import { redirect } from "next/navigation";

import { setLocale } from "@/app/actions/set-locale";
import { LanguageSwitch } from "@/components/LanguageSwitch";
import { SignInForm } from "@/components/SignInForm";
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
        <p>{messages.signIn.intro}</p>
        <SignInForm />
        <p>
          <Link href="/forgot-password">{messages.forgotPassword.link}</Link>
        </p>
        <LanguageSwitch locale={locale} setLocale={setLocale} />
      </div>
    </main>
  );
});
