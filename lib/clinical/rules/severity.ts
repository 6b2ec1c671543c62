// The order of flag severities (SPEC §5: urgent > high > warning > info), defined once. The
// rules, the flag sync, the caseload's filters and sorting and the episode summary all rank
// by it.
import type { FlagSeverity } from "../../generated/prisma/enums";

export const SEVERITIES = ["urgent", "high", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** 4 for urgent down to 1 for info; 0 means no open flag. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

/** The severity of a rank from severityRank(); null for 0 (no open flag). */
export function severityOfRank(rank: number): Severity | null {
  return SEVERITIES[SEVERITIES.length - rank] ?? null;
}

export const toFlagSeverity = (severity: Severity) => severity.toUpperCase() as FlagSeverity;
export const fromFlagSeverity = (severity: FlagSeverity) => severity.toLowerCase() as Severity;
