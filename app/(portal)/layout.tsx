import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

import { OfflineSupport } from "@/components/portal/OfflineSupport";

import { SignedInLayout } from "../_shell/signed-in-layout";

// The portal is an installable app on the patient's phone (SPEC §10): its manifest and the
// service worker that keeps today's plan and the handout for use without a connection. The
// clinic's pages have neither. Its pages are drawn in the signed-in shell, as the clinic's are.
export const metadata: Metadata = { manifest: "/manifest.webmanifest" };
export const viewport: Viewport = { themeColor: "#0b5cad" };

export default function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SignedInLayout>{children}</SignedInLayout>
      <OfflineSupport />
    </>
  );
}
