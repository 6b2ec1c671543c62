import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** False while the server's HTML is shown (and during hydration), true once the page's script runs. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
