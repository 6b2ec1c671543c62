"use client";
import { useEffect } from "react";
import { CACHE_OFFLINE_PAGES, SERVICE_WORKER_SCOPE, SERVICE_WORKER_URL } from "@/lib/offline/offline-pages";

/** The registration's worker once it is active (a new one installs first). */
function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  if (registration.active) return Promise.resolve(registration.active);
  const coming = (registration.installing ?? registration.waiting)!;
  return new Promise((resolve) => {
    coming.addEventListener("statechange", () => {
      if (coming.state === "activated") resolve(coming);
    });
  });
}

/**
 * Registers the portal's service worker (lib/offline/service-worker.ts) once the page has
 * loaded, so it never competes with the patient's first screen, and asks it to keep every
 * offline page, so the handout opens without a connection even if only the plan was visited.
 * Browsers without service workers (or a clinic served over plain HTTP) get the portal as before.
 */
export function OfflineSupport() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const register = async () => {
      const registration = await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: SERVICE_WORKER_SCOPE });
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
