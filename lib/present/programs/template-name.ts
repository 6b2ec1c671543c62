import type { DefaultTemplateKey } from "../../clinical/programs/default-templates";
import type { Locale } from "../../generated/prisma/enums";
import { getMessages } from "../i18n";

/** A program template's name in the user's language. */
export function templateName(template: { nameDa: string; nameEn: string }, locale: Locale): string {
  return locale === "da" ? template.nameDa : template.nameEn;
}

/**
 * What a template is for, in the user's language: its own description, or for a default
 * template that has none (every clinic's templates from before descriptions), the catalog's.
 */
export function templateDescription(
  template: { key: string; descriptionDa: string; descriptionEn: string },
  locale: Locale,
): string {
  const own = locale === "da" ? template.descriptionDa : template.descriptionEn;
  if (own) return own;
  const defaults: Record<string, string> = getMessages(locale).templates.defaultDescriptions;
  return defaults[template.key as DefaultTemplateKey] ?? "";
}
