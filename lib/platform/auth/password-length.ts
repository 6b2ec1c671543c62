// The shortest password accepted (SPEC §8). A module of its own, with no imports: the catalogs
// say it in sentences, and they reach the browser and the proxy, where the common-password
// dictionary of password-policy.ts must not follow.
export const MIN_PASSWORD_LENGTH = 12;
