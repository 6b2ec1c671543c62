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

/**
 * The message a portal page posts to the service worker to have every offline page cached now,
 * with the stamp of the plan it shows: a stamp other than the one the kept pages were made with
 * means the plan changed (it went on hold, say), and every kept page is fetched again at once.
 */
export const CACHE_OFFLINE_PAGES = "cache-offline-pages";
export type CacheOfflinePages = { type: typeof CACHE_OFFLINE_PAGES; planStamp: string | null };

/** The attribute of the element whose value is the stamp of the plan a page shows. */
export const PLAN_STAMP_ATTRIBUTE = "data-plan-stamp";

/** What a kept page's plan comes down to: its status and, per program, the phase and the load. */
export function planStamp(
  plan: { status: string; reasons: readonly string[] } | null,
  programs: readonly { id: string; prescription: { phase: number; suggestedLoadKg: number } | null }[],
): string {
  const parts = programs.map(
    (p) => `${p.id}:${p.prescription ? `${p.prescription.phase}:${p.prescription.suggestedLoadKg}` : "-"}`,
  );
  return [plan ? `${plan.status}(${plan.reasons.join(",")})` : "none", ...parts].join("|");
}

export const isOfflinePage = (pathname: string) => (OFFLINE_PAGES as readonly string[]).includes(pathname);

/**
 * Deletes the patient's cached pages: at sign-out, and at sign-in, in case the last patient on
 * this phone's session ended without one. Scripts and styles stay: they hold nothing personal.
 * Without Cache Storage (plain HTTP on a network address) nothing was ever kept.
 */
export async function forgetOfflinePages(): Promise<void> {
  if (typeof caches !== "undefined") await caches.delete(PAGES_CACHE);
}
