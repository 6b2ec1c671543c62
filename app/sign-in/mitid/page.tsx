import { cookies } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { setLocale } from "@/app/actions/set-locale";
import { LanguageSwitch } from "@/components/LanguageSwitch";
import { MitidContinue } from "@/components/mitid/MitidContinue";
import { mitidOffered } from "@/lib/platform/auth/mitid/mitid-config";
import { ACCOUNTS_COOKIE, readAccountsCookie } from "@/lib/platform/auth/mitid/mitid-cookies.server";
import { homePath } from "@/lib/platform/auth/permissions";
import { waitSentence } from "@/lib/platform/auth/throttled";
import { page } from "@/lib/platform/entry-points/page.server";
import { getLocale } from "@/lib/present/i18n/locale.server";
import { ZMitidOutcomeSearch } from "@/lib/server/mitid/mitid-outcomes";

/**
 * Where a MitID sign-in ends (SPEC §12): the portal opens (one account), the patient chooses
 * the clinic (patients of two), or a sentence says why not and what to do.
 */
export default page(
  { name: "/sign-in/mitid", access: "public", search: ZMitidOutcomeSearch },
  async ({ actor, messages, search }) => {
    if (!mitidOffered()) notFound();
    if (actor) redirect(homePath(actor));
    const locale = await getLocale();
    const text = messages.mitid;
    const accounts = search.outcome ? null : await readAccountsCookie((await cookies()).get(ACCOUNTS_COOKIE)?.value);
    // No outcome and no list: the list has been spent or has expired.
    const outcome = search.outcome ?? "EXPIRED";
    const refusal =
      outcome === "THROTTLED" ? waitSentence(messages, (search.wait ?? 60) * 1000) : text.outcomes[outcome];
    return (
      <main id="main" className="sign-in">
        <div className="card">
          <p className="brand">{messages.app.name}</p>
          <h1>{text.title}</h1>
          {accounts ? (
            <MitidContinue accounts={accounts} />
          ) : (
            <div className="stack">
              <p role="alert" className="warning-box">
                {refusal}
              </p>
              {outcome !== "NO_ACCOUNT" && outcome !== "INVITE_MISMATCH" && (
                // A plain link: the flow starts with a redirect to the broker (app/api/mitid/start).
                <a className="button primary" href="/api/mitid/start">
                  {text.tryAgain}
                </a>
              )}
              <Link href="/sign-in">{text.backToSignIn}</Link>
            </div>
          )}
          <LanguageSwitch locale={locale} setLocale={setLocale} />
        </div>
      </main>
    );
  },
);
