// Worn shoes (the source article; clinical review N11): a running shoe's cushioning is spent
// after about 600–800 km, so shoes past the lower end are worth replacing. One place for the
// figures that the NO_IMPROVEMENT review and its note both state.
export const SHOE_WEAR_KM = [600, 800] as const;

/** Shoes that have gone at least the lower end of the range: worth replacing. */
export const shoesWorn = (shoeAgeKm: number) => shoeAgeKm >= SHOE_WEAR_KM[0];
