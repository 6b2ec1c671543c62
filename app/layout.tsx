import "./globals.css";

import type { Metadata } from "next";
import type { ReactNode } from "react";

import { getLocale, getRequestMessages } from "@/lib/i18n/locale.server";

export async function generateMetadata(): Promise<Metadata> {
  const messages = await getRequestMessages();
  return { title: messages.app.name, description: messages.app.tagline };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={await getLocale()}>
      <body>{children}</body>
    </html>
  );
}
