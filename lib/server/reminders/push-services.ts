// The push services a browser's subscription may point at. The server sends a request to the
// address a phone gave it, so an address is accepted only on a known push service (HTTPS):
// anything else would let a portal account make the server call any host, its own network's
// included. The list is the browsers' own services; decision record 020.
const PUSH_SERVICE_HOSTS = [
  "fcm.googleapis.com", // Chrome, Edge and other Chromium browsers on Android and desktop
  "updates.push.services.mozilla.com", // Firefox
  "web.push.apple.com", // Safari, and web apps on the iPhone's home screen
];
/** A patient's phones, tablets and computers: a handful, never hundreds (security review F-1). */
export const MAX_PUSH_SUBSCRIPTIONS = 5;

/** Edge on Windows: regional hosts such as wns2-db5p.notify.windows.com. */
const WINDOWS_PUSH = /\.notify\.windows\.com$/;

/**
 * An address on a browser's push service as browsers give it: HTTPS on its standard port, no
 * user name or password in it. Another port of the same host would let a portal account make
 * the server open connections to any service that host runs (security review F-1).
 */
export function isPushServiceEndpoint(endpoint: string): boolean {
  const url = URL.parse(endpoint);
  if (!url || url.protocol !== "https:" || url.port !== "" || url.username !== "" || url.password !== "") return false;
  return PUSH_SERVICE_HOSTS.includes(url.hostname) || WINDOWS_PUSH.test(url.hostname);
}
