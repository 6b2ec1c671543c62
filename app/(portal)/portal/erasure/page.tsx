import Link from "next/link";

import { forgetPushSubscriptionAction } from "@/app/actions/reminders";
import { requestOwnErasureAction } from "@/app/actions/retention";
import { ErasureRequest } from "@/components/portal/ErasureRequest";
import { page } from "@/lib/platform/entry-points/page.server";
import { RETENTION_YEARS } from "@/lib/server/retention/retention-period";

/**
 * Where a patient asks to be erased (SPEC §9), and is told on the spot what that means for them.
 * Reached from the account page, and part of it in the menu (components/AppShell.tsx).
 */
export default page({ name: "/portal/erasure", access: "own-record" }, async ({ actor, messages }) => {
  const text = messages.portal.erasure;
  return (
    <div className="portal stack">
      <p className="breadcrumb">
        <Link href="/account">{text.back}</Link>
      </p>
      <h1>{text.title}</h1>
      <p>{text.intro(RETENTION_YEARS)}</p>
      <ErasureRequest action={requestOwnErasureAction} owner={actor.userId} forgetPush={forgetPushSubscriptionAction} />
    </div>
  );
});
