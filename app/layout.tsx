import "./globals.css";

import type { Metadata } from "next";
import type { ReactNode } from "react";

import { MessagesProvider } from "@/components/i18n/MessagesProvider";
import { getLocale, getRequestMessages } from "@/lib/present/i18n/locale.server";

export async function generateMetadata(): Promise<Metadata> {
  const messages = await getRequestMessages();
  return { title: messages.app.name, description: messages.app.tagline };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <MessagesProvider locale={locale}>{children}</MessagesProvider>
      </body>
    </html>
  );
}
