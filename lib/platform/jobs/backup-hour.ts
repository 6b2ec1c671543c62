/**
 * The clinic-time hour of the nightly backup (SPEC §9), before the rules sweep. A module of its
 * own, with no imports, so the catalogs (which reach the browser) can say it.
 */
export const BACKUP_HOUR = 2;
