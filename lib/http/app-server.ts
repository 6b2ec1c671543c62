// The production web server: Next.js in this process behind Node's HTTP server, as `npm start`
// and the tests run it. It exists for one reason Next.js's own `next start` cannot serve: the
// client's address. Next.js keeps any X-Forwarded-For a client sends, so the server replaces
// it with the address it can vouch for (lib/http/client-address.ts) before Next.js reads it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { stopScheduler } from "../scheduler/scheduler-handle";
import { clientAddress } from "./client-address";

export type AppServer = { server: Server; port: number; close(): Promise<void> };

/** `hostname` unset: every interface (IPv4 and IPv6), as `next start` listens. */
export async function serveApp({ dir, hostname, port, trustedHops }: { dir: string; hostname?: string | undefined; port: number; trustedHops: number }): Promise<AppServer> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    if (hostname) server.listen(port, hostname, () => resolve());
    else server.listen(port, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const { default: next } = await import("next");
  // Next.js forwards a server action to the page that holds it through its own address: it must know the port.
  const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port: actualPort });
  // Requests that arrive while Next.js prepares wait for it rather than go unanswered.
  const ready = app.prepare().then(() => app.getRequestHandler());
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const address = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedHops);
    if (address) request.headers["x-forwarded-for"] = address;
    else delete request.headers["x-forwarded-for"];
    void ready.then((handle) => handle(request, response));
  });
  await ready;
  return {
    server,
    port: actualPort,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await stopScheduler();
      await app.close();
    },
  };
}
