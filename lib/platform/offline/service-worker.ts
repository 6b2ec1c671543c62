/// <reference lib="webworker" />
// The portal's service worker, built with Serwist into public/sw.js by
// scripts/build-service-worker.ts and registered by the portal only (scope /portal). It makes
// the portal work in a gym without signal after one visit (SPEC §10, decision record 020):
// - today's plan and the handout: from the network when there is one (so a patient never sees
//   an old plan while online), else as last loaded;
// - the app's scripts and styles (named by their content, so never stale): from the cache.
// It also shows the reminders that arrive as web push. Nothing else is touched: entries go through the portal's own queue (entry-queue.ts), and the
// record and its exports are never stored on the phone.
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, type SerwistPlugin } from "serwist";

import {
  ASSETS_CACHE,
  CACHE_OFFLINE_PAGES,
  type CacheOfflinePages,
  isOfflinePage,
  OFFLINE_PAGES,
  PAGES_CACHE,
  PLAN_STAMP_ATTRIBUTE,
  SERVICE_WORKER_SCOPE,
} from "./offline-pages";

declare const self: ServiceWorkerGlobalScope;

/**
 * Only a page the patient was shown is kept: a 200 straight from the server. A redirect (the
 * session ended: to sign-in) or an error page would replace the plan with something useless.
 */
const isThePage = (response: Response) => response.status === 200 && response.type === "basic" && !response.redirected;
const onlyThePage: SerwistPlugin = { cacheWillUpdate: async ({ response }) => (isThePage(response) ? response : null) };

// Next.js varies its pages on its router's headers; a navigation never sends them, so the
// cached page answers any navigation to its address.
const pages = new NetworkFirst({
  cacheName: PAGES_CACHE,
  plugins: [onlyThePage],
  matchOptions: { ignoreVary: true },
  networkTimeoutSeconds: 5,
});

const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.mode === "navigate" && isOfflinePage(url.pathname),
      handler: pages,
    },
    {
      matcher: ({ url, sameOrigin }) =>
        sameOrigin && (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/")),
      handler: new CacheFirst({
        cacheName: ASSETS_CACHE,
        plugins: [new ExpirationPlugin({ maxEntries: 150, maxAgeSeconds: 30 * 24 * 60 * 60 })],
      }),
    },
  ],
});

/** A page loaded in the background is loaded again after this long (the plan moves on weekly). */
const REFRESH_MS = 60 * 60_000;

/** The stamp of the plan a kept page shows (PLAN_STAMP_ATTRIBUTE in its HTML), or null. */
async function stampOf(response: Response): Promise<string | null> {
  const match = new RegExp(`${PLAN_STAMP_ATTRIBUTE}="([^"]*)"`).exec(await response.clone().text());
  return match?.[1] ?? null;
}

/**
 * Loads the offline pages the cache lacks, holds for more than REFRESH_MS, or holds with a
 * plan other than `planStamp` (the plan changed: it went on hold, say), so the handout is there
 * and current even if the patient has only opened today's plan; every page when `everything`.
 * The same rule as a navigation: only the page itself is kept.
 */
async function cacheOfflinePages({
  planStamp = null,
  everything = false,
}: {
  planStamp?: string | null;
  everything?: boolean;
}) {
  const cache = await caches.open(PAGES_CACHE);
  await Promise.all(
    OFFLINE_PAGES.map(async (path) => {
      const cached = await cache.match(path, { ignoreVary: true });
      const fresh =
        cached &&
        Date.now() - Date.parse(cached.headers.get("date") ?? "") < REFRESH_MS &&
        (planStamp === null || (await stampOf(cached)) === planStamp);
      if (fresh && !everything) return;
      const response = await fetch(path, { credentials: "same-origin", redirect: "manual" }).catch(() => null);
      if (!response || !isThePage(response)) return;
      await cacheAssetsOf(response.clone());
      await cache.put(path, response);
    }),
  );
}

/**
 * The scripts and styles a page loaded in the background names: a page the patient has never
 * opened would otherwise show offline without its own scripts (they reach the phone only when
 * the page is opened, or when Next.js happens to prefetch it), and fail to start.
 */
async function cacheAssetsOf(page: Response) {
  const html = await page.text();
  const named = new Set(Array.from(html.matchAll(/(?:src|href)="(\/_next\/static\/[^"?#]+)"/g), (match) => match[1]!));
  const assets = await caches.open(ASSETS_CACHE);
  await Promise.all(
    Array.from(named, async (asset) => {
      if (await assets.match(asset)) return;
      const response = await fetch(asset).catch(() => null);
      if (response?.ok) await assets.put(asset, response);
    }),
  );
}

self.addEventListener("message", (event) => {
  const message = event.data as CacheOfflinePages | undefined;
  if (message?.type === CACHE_OFFLINE_PAGES) event.waitUntil(cacheOfflinePages({ planStamp: message.planStamp }));
});

// A reminder or a notice (lib/server/reminders, lib/server/notices): what to do and where, never health data.
// A notice says the plan or the conversation changed: the kept pages are fetched again now,
// while the phone has a connection, so the plan it shows offline is the new one.
self.addEventListener("push", (event) => {
  const message = event.data?.json() as { title: string; body: string; url: string; refresh?: boolean } | undefined;
  if (!message) return;
  event.waitUntil(
    Promise.all([
      self.registration.showNotification(message.title, {
        body: message.body,
        icon: "/icons/icon-192.png",
        data: { url: message.url },
      }),
      message.refresh ? cacheOfflinePages({ everything: true }) : Promise.resolve(),
    ]),
  );
});

/** A tap on the reminder opens the portal, or brings an open portal to the front. */
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = (event.notification.data as { url: string }).url;
  event.waitUntil(
    self.clients.matchAll({ type: "window" }).then((windows) => {
      const open = windows.find((client) => new URL(client.url).pathname.startsWith(SERVICE_WORKER_SCOPE));
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});

serwist.addEventListeners();
