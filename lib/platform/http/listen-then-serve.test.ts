import type { Server } from "node:http";

import { afterEach, describe, expect, it } from "vitest";

import { listenThenServe } from "./listen-then-serve";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("a server that listens before its handler is ready", () => {
  it("answers a request that came before the handler was ready, once it is", async () => {
    const handlerMade = gate();
    const listening = await listenThenServe({
      hostname: "127.0.0.1",
      port: 0,
      async prepare() {
        await handlerMade.opened;
        return (_request, response) => response.end("ready");
      },
    });
    servers.push(listening.server);

    let answered = false;
    const early = fetch(`http://127.0.0.1:${listening.port}/`).then(async (response) => {
      answered = true;
      return { status: response.status, body: await response.text() };
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);

    handlerMade.open();
    await listening.ready;
    expect(await early).toEqual({ status: 200, body: "ready" });
  });

  it("answers 503 to waiting requests when the handler cannot be made, and says why", async () => {
    const failure = gate();
    const listening = await listenThenServe({
      hostname: "127.0.0.1",
      port: 0,
      async prepare() {
        await failure.opened;
        throw new Error("no build");
      },
    });
    servers.push(listening.server);

    const early = fetch(`http://127.0.0.1:${listening.port}/`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    failure.open();
    await expect(listening.ready).rejects.toThrow("no build");
    expect((await early).status).toBe(503);
  });
});
