/**
 * What a throttled sign-in throws, followed by the seconds to wait: next-auth hands the message
 * to the sign-in form, which says how long to wait. Shared by server and browser.
 */
export const THROTTLED_PREFIX = "throttled:";
