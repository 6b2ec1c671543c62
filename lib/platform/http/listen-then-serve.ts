// An HTTP server that listens before its handler is ready. The port must be bound first (a
// test asks for port 0, and Next.js must be told the port it got), and preparing Next.js takes
// seconds. The request listener is attached when the server is made, so a request that comes
// in the meantime waits for the handler. (It once came after listen and before the listener:
// Node accepted it and nobody answered, and Playwright, which polls without a timeout, waited
// for that one answer until its ten minutes ran out.)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

export type Listening = {
  server: Server;
  port: number;
  /** Settles when the handler is ready; rejects with the error that kept it from being made. */
  ready: Promise<void>;
};

export async function listenThenServe({
  hostname,
  port,
  prepare,
}: {
  hostname?: string | undefined;
  port: number;
  prepare: (port: number, server: Server) => Promise<Handler>;
}): Promise<Listening> {
  let settle!: { resolve: (handler: Handler) => void; reject: (error: unknown) => void };
  const handler = new Promise<Handler>((resolve, reject) => (settle = { resolve, reject }));
  // Requests that wait are answered 503 if the handler could not be made (the server is stopping).
  handler.catch(() => undefined);
  const server = createServer((request, response) => {
    handler.then(
      (handle) => handle(request, response),
      () => {
        response.statusCode = 503;
        response.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    if (hostname) server.listen(port, hostname, () => resolve());
    else server.listen(port, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const ready = prepare(actualPort, server).then(settle.resolve, (error: unknown) => {
    settle.reject(error);
    throw error;
  });
  return { server, port: actualPort, ready };
}
