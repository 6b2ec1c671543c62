// The web server: Next.js in this process behind Node's HTTP server, as `npm start`, `npm run
// dev` and the tests run it. It exists for one reason Next.js's own `next start` cannot serve: the
// client's address. Next.js keeps any X-Forwarded-For a client sends, so the server replaces
// it with the address it can vouch for (lib/platform/http/client-address.ts) before Next.js reads it.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

import { stopJobs } from "../jobs/jobs-handle";
import { clientAddress } from "./client-address";
import { listenThenServe } from "./listen-then-serve";

export type AppServer = { server: Server; port: number; close(): Promise<void> };

/**
 * `hostname` unset: every interface (IPv4 and IPv6), as `next start` listens. `dev`: Next.js's
 * development server (`npm run dev`), which compiles on request and reloads the browser
 * through its WebSocket, instead of the production build.
 */
export async function serveApp({
  dir,
  hostname,
  port,
  trustedHops,
  dev = false,
}: {
  dir: string;
  hostname?: string | undefined;
  port: number;
  trustedHops: number;
  dev?: boolean;
}): Promise<AppServer> {
  let closeNext = async () => {};
  const listening = await listenThenServe({
    hostname,
    port,
    async prepare(actualPort, server) {
      const { default: next } = await import("next");
      // Next.js forwards a server action to the page that holds it through its own address: it must know the port.
      const app = next({ dev, dir, hostname: hostname ?? "localhost", port: actualPort });
      closeNext = () => app.close();
      await app.prepare();
      // The development server's hot reload arrives as a WebSocket upgrade.
      if (dev) {
        const upgrade = app.getUpgradeHandler();
        server.on(
          "upgrade",
          (request: IncomingMessage, socket: Duplex, head: Buffer) => void upgrade(request, socket, head),
        );
      }
      const handle = app.getRequestHandler();
      return (request: IncomingMessage, response: ServerResponse) => {
        const address = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedHops);
        if (address) request.headers["x-forwarded-for"] = address;
        else delete request.headers["x-forwarded-for"];
        return handle(request, response);
      };
    },
  });
  await listening.ready;
  return {
    server: listening.server,
    port: listening.port,
    async close() {
      await new Promise((resolve) => listening.server.close(resolve));
      await stopJobs();
      await closeNext();
    },
  };
}
