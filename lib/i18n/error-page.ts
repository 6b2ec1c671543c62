// The error page's words, kept apart from the catalogs. The error boundary (app/error.tsx) is a
// client component on every page: importing a catalog there sent every sentence of both
// languages (about 120 kB of script) to every browser. The catalogs read their words from here.
import type { Locale } from "../generated/prisma/enums";

export const ERROR_PAGE = {
  da: {
    title: "Der skete en fejl",
    body: "Noget gik galt. Prøv igen; fortsætter fejlen, så kontakt klinikkens administrator.",
    retry: "Prøv igen",
  },
  en: {
    title: "Something went wrong",
    body: "Something went wrong. Please try again; if it persists, contact the clinic's administrator.",
    retry: "Try again",
  },
} satisfies Record<Locale, { title: string; body: string; retry: string }>;

/** The words for a page whose lang attribute is `lang`; Danish unless it is English. */
export const errorPageText = (lang: string | undefined) => (lang === "en" ? ERROR_PAGE.en : ERROR_PAGE.da);
