import Link from "next/link";
import type { ReactNode } from "react";

import { logMorningPainAction, logSessionAction } from "@/app/actions/portal";
import { forgetPushSubscriptionAction } from "@/app/actions/reminders";
import { setLocale } from "@/app/actions/set-locale";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { Messages } from "@/lib/i18n";
import { getRequestMessages } from "@/lib/i18n/locale.server";

import { LanguageSwitch } from "./LanguageSwitch";
import { SignOutButton } from "./SignOutButton";

type NavItem = { href: string; label: string };

function navFor(actor: Actor, messages: Messages): NavItem[] {
  if (can(actor, "own-record"))
    return [
      { href: "/portal", label: messages.nav.portal },
      { href: "/portal/messages", label: messages.conversation.title },
      { href: "/portal/learn", label: messages.nav.learn },
    ];
  const admin = can(actor, "clinic-admin")
    ? [
        { href: "/settings", label: messages.nav.settings },
        { href: "/admin/users", label: messages.admin.nav.users },
        { href: "/admin/import", label: messages.admin.nav.import },
        { href: "/admin/audit", label: messages.admin.nav.audit },
        { href: "/admin/outbox", label: messages.admin.nav.outbox },
        { href: "/admin/backups", label: messages.admin.nav.backups },
      ]
    : [];
  return [
    { href: "/caseload", label: messages.nav.caseload },
    { href: "/flags", label: messages.nav.flags },
    { href: "/reports", label: messages.nav.reports },
    ...admin,
  ];
}

/** The frame of every signed-in page: who is signed in, the role's menu, sign out. */
export async function AppShell({
  actor,
  current,
  wide = false,
  children,
}: {
  actor: Actor;
  current: string;
  /** Pages built around a wide table use the whole window. */
  wide?: boolean;
  children: ReactNode;
}) {
  const messages = await getRequestMessages();
  return (
    <>
      <a href="#main" className="skip-link">
        {messages.app.skipToContent}
      </a>
      <header className="app-header">
        <div className="brand">{messages.app.name}</div>
        {/* No prefetch: every signed-in page is drawn per request, so a prefetch would have the
            server draw pages nobody asked for and the phone parse them while the page starts up
            (Lighthouse on the portal, decision record 020). */}
        <nav aria-label={messages.nav.label}>
          <ul>
            {navFor(actor, messages).map((item) => (
              <li key={item.href}>
                <Link href={item.href} prefetch={false} aria-current={item.href === current ? "page" : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user-box">
          <p>
            <span className="visually-hidden">{messages.header.signedInAs} </span>
            <span data-testid="signed-in-user">{actor.name}</span>{" "}
            <span className="role-badge" data-testid="signed-in-role">
              {messages.roles[actor.role]}
            </span>
          </p>
          <Link href="/account" prefetch={false} aria-current={current === "/account" ? "page" : undefined}>
            {messages.nav.account}
          </Link>
          <LanguageSwitch locale={actor.locale} setLocale={setLocale} />
          <SignOutButton
            patient={
              can(actor, "own-record")
                ? {
                    owner: actor.userId,
                    send: { pain: logMorningPainAction, session: logSessionAction },
                    forgetPush: forgetPushSubscriptionAction,
                  }
                : undefined
            }
          />
        </div>
      </header>
      <main id="main" tabIndex={-1} className={wide ? "wide" : undefined}>
        {children}
      </main>
    </>
  );
}
