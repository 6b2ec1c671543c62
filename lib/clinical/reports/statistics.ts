// Quantiles for the report, from a frequency table: the weekly pain medians arrive from the
// database as (value, episodes) counts, which keeps the transfer small whatever the caseload.
// Linear interpolation between the two nearest ranks (Hyndman & Fan type 7, as PostgreSQL's
// percentile_cont and most spreadsheets compute it), so the median of an even count is the
// mean of the two middle values.

export type ValueCount = { value: number; count: number };

/** The p-quantile (0–1) of the values the table holds; null when it holds none. */
export function quantileOfCounts(table: ValueCount[], p: number): number | null {
  const sorted = table.filter((row) => row.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, row) => sum + row.count, 0);
  if (total === 0) return null;
  const position = (total - 1) * p;
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const row of sorted) {
      seen += row.count;
      if (rank < seen) return row.value;
    }
    return sorted.at(-1)!.value;
  };
  const lower = valueAt(Math.floor(position));
  const upper = valueAt(Math.ceil(position));
  return lower + (upper - lower) * (position - Math.floor(position));
}

export function quantile(values: number[], p: number): number | null {
  return quantileOfCounts(
    values.map((value) => ({ value, count: 1 })),
    p,
  );
}

export const median = (values: number[]) => quantile(values, 0.5);

/** Counts of equal values, for quantileOfCounts. */
export function countValues(values: number[]): ValueCount[] {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count }));
}
