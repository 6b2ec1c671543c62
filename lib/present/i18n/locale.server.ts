import "server-only";

import { cookies } from "next/headers";
import { cache } from "react";

import type { Locale } from "../../generated/prisma/enums";
import { getActor } from "../../platform/auth/session.server";
import { getMessages, LOCALE_COOKIE, parseLocale } from "./index";

/** The signed-in user's language, else the visitor's cookie, else Danish. */
export const getLocale = cache(async (): Promise<Locale> => {
  const actor = await getActor();
  if (actor) return actor.locale;
  return parseLocale((await cookies()).get(LOCALE_COOKIE)?.value);
});

export async function getRequestMessages() {
  return getMessages(await getLocale());
}

const ONE_YEAR_S = 60 * 60 * 24 * 365;

/** Keeps the language in this browser for a year, so pages before sign-in use it too. */
export async function rememberLocale(locale: Locale) {
  (await cookies()).set(LOCALE_COOKIE, locale, { maxAge: ONE_YEAR_S, sameSite: "lax", httpOnly: true, path: "/" });
}
