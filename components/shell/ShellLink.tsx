"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A place the shell links to, and the addresses that count as being in it (a patient's pages are the caseload's). */
export type ShellPlace = { href: string; also?: readonly string[] };

/**
 * The place `pathname` is in: the one whose address (or one of its `also`) is the longest that
 * the pathname equals or continues with a "/". /portal/learn is "learn", /portal/handout is
 * "/portal", /flags/… is "/flags"; null when none matches.
 */
export function currentPlace(pathname: string, places: readonly ShellPlace[]): string | null {
  let current: { href: string; length: number } | null = null;
  for (const place of places)
    for (const prefix of [place.href, ...(place.also ?? [])])
      if ((pathname === prefix || pathname.startsWith(`${prefix}/`)) && prefix.length > (current?.length ?? -1))
        current = { href: place.href, length: prefix.length };
  return current?.href ?? null;
}

/**
 * A link of the shell (the role's menu, the account), marked aria-current="page" when the
 * address is in its place. It reads the address itself, so the layout that draws the shell once
 * for many pages marks the right item, and marks it again after a client-side navigation.
 */
export function ShellLink({
  href,
  places,
  children,
}: {
  href: string;
  /** Every place of the shell, to find the one the address is in. */
  places: readonly ShellPlace[];
  children: ReactNode;
}) {
  const current = currentPlace(usePathname(), places) === href;
  // No prefetch: every signed-in page is drawn per request, so a prefetch would have the server
  // draw pages nobody asked for and the phone parse them while the page starts up (Lighthouse
  // on the portal, decision record 020).
  return (
    <Link href={href} prefetch={false} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}
