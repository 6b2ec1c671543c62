// Small-number suppression (SPEC §7): a cell of fewer than five episodes shows its counts,
// never a share or a median, so no figure of the report points at one or two patients. Every
// share and every median the report, its tables, its CSV and its charts show passes here.
export const MIN_CELL = 5;

/** Whether a cell of `episodes` episodes may show a share or a median. */
export const canShow = (episodes: number) => episodes >= MIN_CELL;

/** `count` of `of` as a fraction, or null when the cell is too small to show one. */
export function shareOf(count: number, of: number): number | null {
  return canShow(of) ? count / of : null;
}
