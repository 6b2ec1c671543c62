// How first-step pain moved from baseline to latest, by the meaningful change of SPEC §4:
// a drop of 2 points, or of 30 % of a baseline above 0, is an improvement; a rise of 2
// points or more is a worsening.
export type PainTrend = "IMPROVING" | "STABLE" | "WORSENING";

export const NRS_MCID_POINTS = 2;
export const NRS_MCID_FRACTION = 0.3;

export function painTrend(baseline: number | null, latest: number | null): PainTrend | null {
  if (baseline === null || latest === null) return null;
  const drop = baseline - latest;
  if (drop >= NRS_MCID_POINTS || (baseline > 0 && drop >= NRS_MCID_FRACTION * baseline)) return "IMPROVING";
  if (latest - baseline >= NRS_MCID_POINTS) return "WORSENING";
  return "STABLE";
}
