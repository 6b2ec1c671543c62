// The app's VAPID key pair, which signs its web push (SPEC §10, Reminders): VAPID_PUBLIC_KEY
// and VAPID_PRIVATE_KEY, or on the embedded default a pair generated once into the data folder
// beside the auth secret. Several app servers on one PostgreSQL share one pair through the
// environment; without it there, reminders go by e-mail. A new pair would silence every
// phone's subscription, so the pair is kept, never made again.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import webpush from "web-push";
import { z } from "zod";

import type { DatabaseTarget } from "../../platform/db/database";
import type { TEnv } from "../../platform/env";
import type { VapidKeys } from "./web-push-sender";

export const VAPID_KEY_FILE = "vapid-keys.json";

const ZVapidKeys = z.object({
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{87}$/),
  privateKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

/** The pair to use, or null when web push is off (a server without the settings). */
export async function resolveVapidKeys(env: TEnv, target: DatabaseTarget): Promise<VapidKeys | null> {
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY)
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY };
  if (target.kind === "postgres") return null;
  if (target.dataDir === null) return webpush.generateVAPIDKeys();
  const dataDir = path.resolve(target.dataDir);
  const file = path.join(dataDir, VAPID_KEY_FILE);
  const existing = await readFile(file, "utf8").catch(() => null);
  if (existing !== null) return ZVapidKeys.parse(JSON.parse(existing));
  const keys = webpush.generateVAPIDKeys();
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(keys)}\n`, { mode: 0o600, flag: "wx" }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    },
  );
  return ZVapidKeys.parse(JSON.parse(await readFile(file, "utf8")));
}
