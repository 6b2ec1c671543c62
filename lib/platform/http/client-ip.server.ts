import "server-only";

import { headers } from "next/headers";

/** The client's address as the request gives it, for audit events. */
export async function clientIp(): Promise<string | null> {
  return (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
}
