/**
 * The report's milestones (SPEC §7): improvement at 6 and 12 weeks in treatment. A module of
 * its own, with no imports, so the catalogs (which reach the browser) can say them.
 */
export const MILESTONE_WEEKS = [6, 12] as const;
export type MilestoneWeek = (typeof MILESTONE_WEEKS)[number];
