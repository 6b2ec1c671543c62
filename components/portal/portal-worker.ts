// The portal's service worker registration (lib/platform/offline/service-worker.ts), made once per page:
// by OfflineSupport after the page has loaded, or earlier by a patient who turns on
// notifications before that.
import { SERVICE_WORKER_SCOPE, SERVICE_WORKER_URL } from "@/lib/platform/offline/offline-pages";

let registering: Promise<ServiceWorkerRegistration> | null = null;

/** Whether this browser can run the worker (not over plain HTTP on a network address, for one). */
export const canRunWorker = () => typeof navigator !== "undefined" && "serviceWorker" in navigator;

export function registerPortalWorker(): Promise<ServiceWorkerRegistration> {
  registering ??= navigator.serviceWorker
    .register(SERVICE_WORKER_URL, { scope: SERVICE_WORKER_SCOPE })
    .catch((error: unknown) => {
      registering = null;
      throw error;
    });
  return registering;
}

/** The registration's worker once it is active (a new one installs first). */
export function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  if (registration.active) return Promise.resolve(registration.active);
  const coming = (registration.installing ?? registration.waiting)!;
  return new Promise((resolve) => {
    coming.addEventListener("statechange", () => {
      if (coming.state === "activated") resolve(coming);
    });
  });
}
