// The shape of the plain-language education for the patient portal (SPEC §7). Its words are in
// the catalogs (`education` in lib/present/i18n/da.ts and en.ts), read like any other text: with
// getRequestMessages() or useMessages(). Prose only; the page decides the layout.

/**
 * A section of the education page. `painRule`: the page adds the pain rule after its paragraphs,
 * with the clinic's own pain limit (the handout's sentence: one limit, one wording).
 */
export type EducationSection = { id: string; heading: string; paragraphs: string[]; painRule?: true };
/**
 * The warning signs a patient can act on (SPEC §10; clinical review N5): the red flags that need a
 * doctor the same day, the signs that need help at once, and what may wait for the
 * physiotherapist. One list for the learn page, the messages page, the portal on hold and the handout.
 */
export type WarningSignsText = {
  heading: string;
  /** Where to turn outside the doctor's opening hours, said right under the heading. */
  outOfHours: string;
  signs: string[];
  /** Signs of a nerve emergency: call at once, or 112. */
  emergency: string;
  /** Not urgent: tell the physiotherapist. */
  nonUrgent: string;
  advice: string;
};
export type Education = { title: string; intro: string; sections: EducationSection[]; contactClinic: WarningSignsText };
