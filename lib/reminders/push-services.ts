// The push services a browser's subscription may point at. The server sends a request to the
// address a phone gave it, so an address is accepted only on a known push service (HTTPS):
// anything else would let a portal account make the server call any host, its own network's
// included. The list is the browsers' own services; decision record 020.
const PUSH_SERVICE_HOSTS = [
  "fcm.googleapis.com", // Chrome, Edge and other Chromium browsers on Android and desktop
  "updates.push.services.mozilla.com", // Firefox
  "web.push.apple.com", // Safari, and web apps on the iPhone's home screen
];
/** Edge on Windows: regional hosts such as wns2-db5p.notify.windows.com. */
const WINDOWS_PUSH = /\.notify\.windows\.com$/;

export function isPushServiceEndpoint(endpoint: string): boolean {
  const url = URL.parse(endpoint);
  if (!url || url.protocol !== "https:") return false;
  return PUSH_SERVICE_HOSTS.includes(url.hostname) || WINDOWS_PUSH.test(url.hostname);
}
