import "server-only";

import { headers } from "next/headers";

import { env } from "../env";

/** The app's public address for links in e-mail: NEXTAUTH_URL (set by `npm start`), else the request's host. */
export async function appUrl(): Promise<string> {
  const { NEXTAUTH_URL } = env();
  if (NEXTAUTH_URL) return NEXTAUTH_URL;
  const requestHeaders = await headers();
  return `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host")}`;
}
