// oidc-provider's own in-memory store, imported by its path (the package names no exports):
// the test broker's two providers share one, so that the second can redeem the first's code.
declare module "oidc-provider/lib/adapters/memory_adapter.js" {
  import type { AdapterFactory } from "oidc-provider";

  export function createMemoryAdapter(clockTolerance?: number): AdapterFactory;
}
