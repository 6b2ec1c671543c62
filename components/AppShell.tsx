import type { ReactNode } from "react";

import type { Actor } from "@/lib/platform/auth/actor";
import { can } from "@/lib/platform/auth/permissions";
import type { Messages } from "@/lib/present/i18n";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";

import type { CommandAction } from "./action-types";
import { LanguageSwitch } from "./LanguageSwitch";
import type { EntrySenders } from "./portal/entry-queue";
import type { ForgetPush } from "./portal/push-on-this-phone";
import { ShellLink, type ShellPlace } from "./shell/ShellLink";
import { SignOutButton } from "./SignOutButton";

type NavItem = ShellPlace & { label: string };

function navFor(actor: Actor, messages: Messages): NavItem[] {
  if (can(actor, "own-record"))
    return [
      { href: "/portal", label: messages.nav.portal },
      { href: "/portal/messages", label: messages.conversation.title },
      { href: "/portal/learn", label: messages.nav.learn },
    ];
  // One item for every admin page (usability finding 14): ten links wrapped the menu onto two or
  // three rows. The rule settings and templates live under /settings, so they count as its place.
  const admin = can(actor, "clinic-admin") ? [{ href: "/admin", label: messages.nav.admin, also: ["/settings"] }] : [];
  return [
    // A patient's pages are reached from the caseload.
    { href: "/caseload", label: messages.nav.caseload, also: ["/patients"] },
    { href: "/flags", label: messages.nav.flags },
    { href: "/reports", label: messages.nav.reports },
    ...admin,
  ];
}

/** The server actions the shell's controls call, handed in by the layout that draws it (app/_shell). */
export type ShellActions = {
  setLocale: CommandAction;
  /** A patient's sign-out sends the entries waiting on the phone first, and forgets its push subscription. */
  send: EntrySenders;
  forgetPush: ForgetPush;
};

/**
 * The frame of every signed-in page: who is signed in, the role's menu, sign out, the skip link
 * and <main>. Drawn once by the signed-in route groups' layouts (app/_shell/signed-in-layout.tsx);
 * the menu item of the page's place is marked by ShellLink from the address. A page built around
 * a wide table wraps its content in <div className="wide-page"> to use the whole window.
 */
export async function AppShell({
  actor,
  actions,
  children,
}: {
  actor: Actor;
  actions: ShellActions;
  children: ReactNode;
}) {
  const messages = await getRequestMessages();
  const nav = navFor(actor, messages);
  // A patient's erasure page is reached from the account page, and belongs to it.
  const account: ShellPlace = can(actor, "own-record")
    ? { href: "/account", also: ["/portal/erasure"] }
    : { href: "/account" };
  const places: ShellPlace[] = [...nav.map(({ href, also }) => ({ href, also })), account];
  return (
    <>
      <a href="#main" className="skip-link">
        {messages.app.skipToContent}
      </a>
      <header className="app-header">
        <div className="brand">{messages.app.name}</div>
        <nav aria-label={messages.nav.label}>
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <ShellLink href={item.href} places={places}>
                  {item.label}
                </ShellLink>
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
          <ShellLink href="/account" places={places}>
            {messages.nav.account}
          </ShellLink>
          <LanguageSwitch locale={actor.locale} setLocale={actions.setLocale} />
          <SignOutButton
            patient={
              can(actor, "own-record")
                ? { owner: actor.userId, send: actions.send, forgetPush: actions.forgetPush }
                : undefined
            }
          />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
