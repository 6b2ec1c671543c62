"use client";
import { useEffect } from "react";
import { CACHE_OFFLINE_PAGES } from "@/lib/offline/offline-pages";
import { activeWorker, canRunWorker, registerPortalWorker } from "./portal-worker";

/**
 * Registers the portal's service worker (lib/offline/service-worker.ts) once the page has
 * loaded, so it never competes with the patient's first screen, and asks it to keep every
 * offline page, so the handout opens without a connection even if only the plan was visited.
 * Browsers without service workers (or a clinic served over plain HTTP) get the portal as before.
 */
export function OfflineSupport() {
  useEffect(() => {
    if (!canRunWorker()) return;
    const register = async () => {
      const registration = await registerPortalWorker();
      // Not navigator.serviceWorker.ready: after sign-in the portal is reached by a client-side
      // navigation, and the document (made at /sign-in) is outside the worker's scope.
      (await activeWorker(registration)).postMessage(CACHE_OFFLINE_PAGES);
    };
    const start = () => void register().catch(() => {
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
