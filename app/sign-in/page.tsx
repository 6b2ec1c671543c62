import { redirect } from "next/navigation";
import { LanguageSwitch } from "@/components/LanguageSwitch";
import { SignInForm } from "@/components/SignInForm";
import { homePath } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session.server";
import { getLocale, getRequestMessages } from "@/lib/i18n/locale.server";

export default async function SignInPage() {
  const actor = await getActor();
  if (actor) redirect(homePath(actor.role));
  const [locale, messages] = await Promise.all([getLocale(), getRequestMessages()]);
  return (
    <main id="main" className="sign-in">
      <div className="card">
        <p className="brand">{messages.app.name}</p>
        <h1>{messages.signIn.title}</h1>
        <p>{messages.signIn.intro}</p>
        <SignInForm text={messages.signIn} />
        <LanguageSwitch locale={locale} messages={messages} />
      </div>
    </main>
  );
}
