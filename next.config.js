// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    // proxy.ts reads request bodies (lib/platform/entry-points/request-guard.ts); Next.js buffers them for it
    // up to this size, the largest body the app accepts: a clinic's patient list on the import
    // page. The guard holds every other path to 1 MB.
    proxyClientMaxBodySize: "10mb",
    serverActions: { bodySizeLimit: "10mb" },
  },
  // Loaded from node_modules at run time rather than bundled: PGlite and the schema engine
  // read their .wasm and data files from their own package folders.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "@node-rs/argon2",
    "pg",
  ],
  // Security headers are set per request in proxy.ts (a script nonce cannot be static).
};

export default nextConfig;
