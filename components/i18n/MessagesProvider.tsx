"use client";
import { createContext, type ReactNode, useContext } from "react";

import type { Locale } from "@/lib/generated/prisma/enums";
import { getMessages, type Messages } from "@/lib/present/i18n";

/**
 * The one way text reaches a client component. Only the locale crosses the server/client
 * boundary (a string); the catalogs are modules of the client bundle, so their functions work
 * here as on the server. Server components read `await getRequestMessages()` instead.
 */
const LocaleContext = createContext<Locale | null>(null);

export function MessagesProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  const locale = useContext(LocaleContext);
  if (locale === null) throw new Error("useLocale() needs a <MessagesProvider> above it (app/layout.tsx).");
  return locale;
}

export function useMessages(): Messages {
  return getMessages(useLocale());
}
