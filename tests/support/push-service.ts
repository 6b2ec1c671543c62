// A real web push service on loopback for the tests: web-push-testing checks each request's VAPID
// signature and decrypts the message as a browser's push service and phone would, so a test
// reads what the phone received.
import { createRequire } from "node:module";
import { type AddressInfo, createServer } from "node:net";

import type { PushMessage } from "../../lib/server/reminders/push";

const require = createRequire(import.meta.url);
const PushTestingServer = require("web-push-testing/src/server.js") as new (
  model: unknown,
  port: number,
) => { startServer(): void; _server: { close(): void; address(): AddressInfo } };
const { PushApiModel } = require("web-push-testing/src/PushApiModel.js") as { PushApiModel: new () => unknown };

export type Phone = { endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string };

export async function startPushService() {
  // web-push-testing refuses port 0; give it a free one.
  const probe = createServer().listen(0);
  await new Promise((resolve) => probe.once("listening", resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const server = new PushTestingServer(new PushApiModel(), port);
  server.startServer();
  const url = `http://localhost:${port}`;
  const post = (path: string, body?: object) =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: body && JSON.stringify(body),
    });
  return {
    url,
    /** A subscription, as a phone's browser would get one for the app's public key. */
    async subscribe(applicationServerKey: string): Promise<Phone> {
      const answer = await (await post("/subscribe", { userVisibleOnly: "true", applicationServerKey })).json();
      if (!answer.data) throw new Error(JSON.stringify(answer));
      return answer.data as Phone;
    },
    /** What the phone received, decrypted. */
    async received(phone: Phone): Promise<PushMessage[]> {
      const answer = (await (await post("/get-notifications", { clientHash: phone.clientHash })).json()) as {
        data: { messages: string[] };
      };
      return answer.data.messages.map((text) => JSON.parse(text) as PushMessage);
    },
    /** The phone unsubscribed: the service answers 410 from now on. */
    expire: (phone: Phone) => post(`/expire-subscription/${phone.clientHash}`),
    close: () => server._server?.close(),
  };
}
