// Every published source the product cites, in one list: the flags, the instruments and the
// program texts name a key from here and the screens print the full citation. A threshold
// that no source contains is marked with CLINIC_DEFAULT instead, so nobody mistakes a
// clinic's working default for evidence.

export type Reference = {
  authors: string;
  title: string;
  journal: string;
  year: number;
  /** Volume(issue):pages, as the journal prints it. */
  locator: string;
  doi?: string;
};

export const REFERENCES = {
  KOC_2023_JOSPT_CPG: {
    authors: "Koc TA Jr, Bise CG, Neville C, Carreira D, Martin RL, McDonough CM",
    title: "Heel Pain – Plantar Fasciitis: Revision 2023",
    journal: "J Orthop Sports Phys Ther",
    year: 2023,
    locator: "53(12):CPG1–CPG39",
    doi: "10.2519/jospt.2023.0303",
  },
  RATHLEFF_2015: {
    authors: "Rathleff MS, Mølgaard CM, Fredberg U, Kaalund S, Andersen KB, Jensen TT, Aaskov S, Olesen JL",
    title:
      "High-load strength training improves outcome in patients with plantar fasciitis: a randomized controlled trial with 12 months follow-up",
    journal: "Scand J Med Sci Sports",
    year: 2015,
    locator: "25(3):e292–e300",
    doi: "10.1111/sms.12313",
  },
  FARRAR_2001: {
    authors: "Farrar JT, Young JP Jr, LaMoreaux L, Werth JL, Poole RM",
    title:
      "Clinical importance of changes in chronic pain intensity measured on an 11-point numerical pain rating scale",
    journal: "Pain",
    year: 2001,
    locator: "94(2):149–158",
    doi: "10.1016/S0304-3959(01)00349-9",
  },
  SALAFFI_2004: {
    authors: "Salaffi F, Stancati A, Silvestri CA, Ciapetti A, Grassi W",
    title:
      "Minimal clinically important changes in chronic musculoskeletal pain intensity measured on a numerical rating scale",
    journal: "Eur J Pain",
    year: 2004,
    locator: "8(4):283–291",
    doi: "10.1016/j.ejpain.2003.09.004",
  },
  MARTIN_2005: {
    authors: "Martin RL, Irrgang JJ, Burdett RG, Conti SF, Van Swearingen JM",
    title: "Evidence of validity for the Foot and Ankle Ability Measure (FAAM)",
    journal: "Foot Ankle Int",
    year: 2005,
    locator: "26(11):968–983",
    doi: "10.1177/107110070502601113",
  },
  LANDORF_RADFORD_2008: {
    authors: "Landorf KB, Radford JA",
    title:
      "Minimal important difference: values for the Foot Health Status Questionnaire, Foot Function Index and Visual Analogue Scale",
    journal: "The Foot",
    year: 2008,
    locator: "18(1):15–19",
    doi: "10.1016/j.foot.2007.06.006",
  },
  LANDORF_2010: {
    authors: "Landorf KB, Radford JA, Hudson S",
    title: "Minimal Important Difference (MID) of two commonly used outcome measures for foot problems",
    journal: "J Foot Ankle Res",
    year: 2010,
    locator: "3:7",
    doi: "10.1186/1757-1146-3-7",
  },
  ABBOTT_SCHMITT_2014: {
    authors: "Abbott JH, Schmitt JS",
    title:
      "Minimum important differences for the Patient-Specific Functional Scale, 4 region-specific outcome measures, and the Numeric Pain Rating Scale",
    journal: "J Orthop Sports Phys Ther",
    year: 2014,
    locator: "44(8):560–564",
    doi: "10.2519/jospt.2014.5248",
  },
  KAMPER_2009: {
    authors: "Kamper SJ, Maher CG, Mackay G",
    title: "Global rating of change scales: a review of strengths and weaknesses and considerations for design",
    journal: "J Man Manip Ther",
    year: 2009,
    locator: "17(3):163–170",
    doi: "10.1179/jmt.2009.17.3.163",
  },
  BINKLEY_1999: {
    authors: "Binkley JM, Stratford PW, Lott SA, Riddle DL",
    title:
      "The Lower Extremity Functional Scale (LEFS): scale development, measurement properties, and clinical application",
    journal: "Phys Ther",
    year: 1999,
    locator: "79(4):371–383",
    doi: "10.1093/ptj/79.4.371",
  },
  /**
   * The source article: a Danish running magazine's guide for runners (fact-checked), which the
   * product's clinical content follows and was checked against. A consumer guide, not a clinical
   * review: the flags cite the guideline (Koc 2023) beside it.
   */
  LOEB_NU_2026: {
    authors: "Løb Nu",
    title: "Hvor sidder hælspore? (guide, faktatjekket 22-02-2026)",
    journal: "Løb Nu (online)",
    year: 2026,
    locator: "",
  },
} as const satisfies Record<string, Reference>;

export type ReferenceKey = keyof typeof REFERENCES | "CLINIC_DEFAULT";

export const REFERENCE_KEYS = [...Object.keys(REFERENCES), "CLINIC_DEFAULT"] as ReferenceKey[];

export function isReferenceKey(value: string): value is ReferenceKey {
  return (REFERENCE_KEYS as string[]).includes(value);
}

/** A reference in Vancouver style: authors. Title. Journal. Year;locator. doi:… */
export function citation(key: keyof typeof REFERENCES): string {
  const r: Reference = REFERENCES[key];
  const where = r.locator ? `${r.year};${r.locator}` : String(r.year);
  return `${r.authors}. ${r.title}. ${r.journal}. ${where}.${r.doi ? ` doi:${r.doi}` : ""}`;
}
