"use client";
import { useSyncExternalStore } from "react";

import { formatMoment } from "@/lib/present/i18n/format";

import { useLocale, useMessages } from "../i18n/MessagesProvider";

const subscribe = (changed: () => void) => {
  window.addEventListener("online", changed);
  window.addEventListener("offline", changed);
  return () => {
    window.removeEventListener("online", changed);
    window.removeEventListener("offline", changed);
  };
};

/**
 * When the phone has no connection, the page it shows is the one it kept (SPEC §10): this says
 * when that page was fetched (the time is written into the page by the server), so a patient
 * knows how old the plan in front of them is.
 */
export function OfflineStamp({ fetchedAt }: { fetchedAt: Date }) {
  const text = useMessages().portal.fetchedAt(formatMoment(fetchedAt, useLocale(), true));
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
  return online ? null : (
    <p className="notice" role="status">
      {text}
    </p>
  );
}
