import type { Locale } from "../../generated/prisma/enums";

/** A program template's name in the user's language. */
export function templateName(template: { nameDa: string; nameEn: string }, locale: Locale): string {
  return locale === "da" ? template.nameDa : template.nameEn;
}
