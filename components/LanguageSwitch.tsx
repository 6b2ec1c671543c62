import type { Locale } from "@/lib/generated/prisma/enums";
import { asFormSubmit } from "@/lib/platform/entry-points/form-submit";
import { LOCALES } from "@/lib/present/i18n";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";

import type { CommandAction } from "./action-types";

/** Two plain submit buttons: works without JavaScript and by keyboard. */
export async function LanguageSwitch({
  locale,
  setLocale,
}: {
  locale: Locale;
  /** From the page or layout that shows it (app/actions/set-locale.ts). */
  setLocale: CommandAction;
}) {
  const messages = await getRequestMessages();
  return (
    <form action={asFormSubmit(setLocale)} className="language-switch" aria-label={messages.language.change}>
      <span className="visually-hidden">{messages.language.label}</span>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          aria-pressed={option === locale}
          className="button-link"
        >
          {messages.language[option]}
        </button>
      ))}
    </form>
  );
}
