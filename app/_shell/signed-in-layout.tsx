import { logMorningPainAction, logSessionAction } from "@/app/actions/portal";
import { forgetPushSubscriptionAction } from "@/app/actions/reminders";
import { setLocale } from "@/app/actions/set-locale";
import { AppShell, type ShellActions } from "@/components/AppShell";
import { layout } from "@/lib/platform/entry-points/layout.server";

// Not a route (a private folder): the one layout of the signed-in pages, which the (clinic) and
// (portal) route groups and /account render. It imports the shell's server actions here, in
// app/, and hands them to the shell: no component imports app/.
const SHELL_ACTIONS: ShellActions = {
  setLocale,
  send: { pain: logMorningPainAction, session: logSessionAction },
  forgetPush: forgetPushSubscriptionAction,
};

/**
 * The shell (header, the role's menu, sign-out, skip link, <main>) around a signed-in page. It
 * only draws, and is no authorization (lib/platform/entry-points/layout.server.ts): each page declares who may
 * open it (lib/platform/entry-points/page.server.ts) and sends a signed-out visitor to sign-in and another role
 * to its own start page. The actor comes from the request's cache, read once for layout and page.
 */
export const SignedInLayout = layout(({ actor, children }) =>
  // Signed out, or the session ended: the page is on its way to sign-in. No header, no one's name.
  actor ? (
    <AppShell actor={actor} actions={SHELL_ACTIONS}>
      {children}
    </AppShell>
  ) : (
    <main id="main" tabIndex={-1}>
      {children}
    </main>
  ),
);
