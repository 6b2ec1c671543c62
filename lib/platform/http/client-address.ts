// Whose address a request comes from (SPEC §8): the socket's, unless TRUST_PROXY says how many
// proxies of ours stand in front; then the address the nearest of them was given. A client can
// write any X-Forwarded-For it likes, so without a trusted proxy that header is ignored.

/**
 * TRUST_PROXY as a number of proxy hops: unset or "false" → 0, "true" → 1, "2" → 2.
 * Anything else is refused by lib/platform/env.ts.
 */
export function trustedHops(value: string | undefined): number {
  if (value === undefined || value === "" || value === "false") return 0;
  if (value === "true") return 1;
  return Number(value);
}

/**
 * The client's address. Each proxy appends the address it was reached from to
 * X-Forwarded-For; the socket is the nearest proxy. With N trusted proxies the client is the
 * N-th entry from the right; entries further left were written by the client.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  hops: number,
): string | undefined {
  if (hops === 0) return socketAddress;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const entries = header
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - hops] ?? entries[0] ?? socketAddress;
}
