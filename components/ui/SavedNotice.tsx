"use client";
import { type ReactNode, useEffect } from "react";

/**
 * What a save that led to this page did, said once: the page was opened with `?saved=…` by the
 * action's redirect. The parameter is taken out of the address once shown, so a reload, a
 * bookmark or a copied link does not say it again. Next.js keeps its router in step with
 * history.replaceState.
 */
export function SavedNotice({ children }: { children: ReactNode }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("saved")) return;
    url.searchParams.delete("saved");
    window.history.replaceState(null, "", url);
  }, []);
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}
