/**
 * At this many reps or fewer the heel raise may drop to 6 to keep its tempo (SPEC §6, weeks
 * 10–12). A module of its own, with no imports, so the catalogs (which reach the browser) can say it.
 */
export const TEMPO_REPS = 8;
