// How long the single-use links work. A module of its own, with no imports: the catalogs say
// these in sentences, and they reach the browser and the proxy, where node:crypto (tokens.ts)
// must not follow.

/** How long an invitation (portal or staff) works. */
export const INVITE_DAYS = 7;
/** How long a link for a new password works. */
export const RESET_HOURS = 2;
