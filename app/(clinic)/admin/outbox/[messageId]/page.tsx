import Link from "next/link";
import { z } from "zod";

import { outboxStateText } from "@/components/admin/outbox-state";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { formatMoment } from "@/lib/present/i18n/format";
import { getOutboxMessage } from "@/lib/server/email/outbox-view";

const LINK = /(https?:\/\/[^\s]+)/;

/** One e-mail as its recipient reads it (the plain-text part), with its link clickable, unless it leads into a patient's account. */
export default page(
  { name: "/admin/outbox/[messageId]", access: "clinic-admin", params: z.object({ messageId: ids.email }) },
  async ({ actor, db, messages, params }) => {
    const text = messages.admin.outbox;
    const email = await getOutboxMessage(db, actor, params.messageId);
    return (
      <>
        <p className="breadcrumb">
          <Link href="/admin/outbox">{text.back}</Link>
        </p>
        <h1>{email.subject}</h1>
        <dl className="details">
          <div>
            <dt>{text.to}</dt>
            <dd>{email.to}</dd>
          </div>
          <div>
            <dt>{text.created}</dt>
            <dd>{formatMoment(email.createdAt, actor.locale, true)}</dd>
          </div>
          <div>
            <dt>{text.state}</dt>
            <dd>{outboxStateText(email, messages, actor.locale)}</dd>
          </div>
        </dl>
        {email.text === null ? (
          <p className="hint">{text.bodyGone}</p>
        ) : (
          <div className="outbox-text" data-testid="email-text">
            {email.text.split(LINK).map((part, index) =>
              index % 2 === 0 ? (
                part
              ) : email.hidesLink ? (
                <em key={index}>{text.linkHidden}</em>
              ) : (
                <a key={index} href={part}>
                  {part}
                </a>
              ),
            )}
          </div>
        )}
      </>
    );
  },
);
