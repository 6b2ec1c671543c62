"use client";
import { useEffect } from "react";

import {
  CACHE_OFFLINE_PAGES,
  type CacheOfflinePages,
  PLAN_STAMP_ATTRIBUTE,
} from "@/lib/platform/offline/offline-pages";

import { activeWorker, canRunWorker, registerPortalWorker } from "./portal-worker";

/**
 * Registers the portal's service worker (lib/platform/offline/service-worker.ts) once the page has
 * loaded, so it never competes with the patient's first screen, and asks it to keep every
 * offline page, so the handout opens without a connection even if only the plan was visited.
 * The page's plan stamp goes along: when the plan changed, the kept pages are replaced at once.
 * Browsers without service workers (or a clinic served over plain HTTP) get the portal as before.
 */
export function OfflineSupport() {
  useEffect(() => {
    if (!canRunWorker()) return;
    const register = async () => {
      const registration = await registerPortalWorker();
      // Not navigator.serviceWorker.ready: after sign-in the portal is reached by a client-side
      // navigation, and the document (made at /sign-in) is outside the worker's scope.
      const planStamp = document.querySelector(`[${PLAN_STAMP_ATTRIBUTE}]`)?.getAttribute(PLAN_STAMP_ATTRIBUTE) ?? null;
      (await activeWorker(registration)).postMessage({
        type: CACHE_OFFLINE_PAGES,
        planStamp,
      } satisfies CacheOfflinePages);
    };
    const start = () =>
      void register().catch(() => {
        // Without it the portal still works online; nothing for the patient to do.
      });
    if (document.readyState === "complete") start();
    else {
      window.addEventListener("load", start, { once: true });
      return () => window.removeEventListener("load", start);
    }
  }, []);
  return null;
}
