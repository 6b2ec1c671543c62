// What the portal keeps on the phone for use without a connection (SPEC §10, Offline): the
// pages a patient needs in a gym without signal, and the caches that hold them. One list for
// the service worker (service-worker.ts), the page that registers it and sign-out, which
// deletes the cached pages so a shared phone keeps nothing of the patient's.

/** Where the service worker is served (built by scripts/build-service-worker.ts) and what it controls: the portal only, never the clinic's pages. */
export const SERVICE_WORKER_URL = "/sw.js";
export const SERVICE_WORKER_SCOPE = "/portal";

/** Today's plan and the handout. Not the record or its export: those stay on the server. */
export const OFFLINE_PAGES = ["/portal", "/portal/handout"] as const;

/** The patient's pages as last loaded. Holds health data: sign-out deletes it. */
export const PAGES_CACHE = "heelpain-portal-pages";
/** The app's scripts, styles and icons: the same for everyone, no patient data. */
export const ASSETS_CACHE = "heelpain-assets";

/** The message a portal page posts to the service worker to have every offline page cached now. */
export const CACHE_OFFLINE_PAGES = "cache-offline-pages";

export const isOfflinePage = (pathname: string) => (OFFLINE_PAGES as readonly string[]).includes(pathname);

/**
 * Deletes the patient's cached pages: at sign-out, and at sign-in, in case the last patient on
 * this phone's session ended without one. Scripts and styles stay: they hold nothing personal.
 * Without Cache Storage (plain HTTP on a network address) nothing was ever kept.
 */
export async function forgetOfflinePages(): Promise<void> {
  if (typeof caches !== "undefined") await caches.delete(PAGES_CACHE);
}
