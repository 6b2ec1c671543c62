// A module of its own, with no imports, so the catalogs (which reach the browser) can say the weeks.
/**
 * The expected course from the clinical source article (natural-history studies): most are
 * free of symptoms within a year, about one in four still has them at 18–24 months. Shown as
 * marked points with their source, not as a curve nobody has published.
 */
export const REFERENCE_POINTS = [
  { key: "year", fromWeek: 52, toWeek: 52, share: 0.5, atLeast: true },
  { key: "twoYears", fromWeek: 78, toWeek: 104, share: 0.75, atLeast: false },
] as const;
