import { z } from "zod";

import type { Locale } from "../../generated/prisma/enums";
import { da, type Messages } from "./da";
import { en } from "./en";

export type { Messages };
export const LOCALES = ["da", "en"] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = "da";
export const ZLocale = z.enum(LOCALES);
/** Remembers the choice of someone who is not signed in (signed-in users keep it on their account). */
export const LOCALE_COOKIE = "locale";

const CATALOGS: Record<Locale, Messages> = { da, en };

export function getMessages(locale: Locale): Messages {
  return CATALOGS[locale];
}

export function parseLocale(value: unknown): Locale {
  const parsed = ZLocale.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}
