/**
 * The longest period one report covers: enough for the two-year reference point and a year
 * before. A module of its own, with no imports, for the catalogs (which reach the browser).
 */
export const MAX_PERIOD_YEARS = 5;
