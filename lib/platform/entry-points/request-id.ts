/** The header that carries a request's id from proxy.ts to the entry points and their logs. */
export const REQUEST_ID_HEADER = "x-request-id";
