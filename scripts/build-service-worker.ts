// Builds the portal's service worker (lib/platform/offline/service-worker.ts, with Serwist) into
// public/sw.js, where Next.js serves it from the site's root. Run before `next build` by
// `npm run build` and by `npm start` when the sources changed. esbuild: decision record 020.
import path from "node:path";
import { pathToFileURL } from "node:url";

import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");
export const SERVICE_WORKER_SOURCE = "lib/platform/offline/service-worker.ts";

export async function buildServiceWorker(): Promise<void> {
  await build({
    entryPoints: [path.join(ROOT, SERVICE_WORKER_SOURCE)],
    outfile: path.join(ROOT, "public", "sw.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    // Serwist logs only in development builds.
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await buildServiceWorker();
