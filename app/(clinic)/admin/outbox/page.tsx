import Link from "next/link";
import { z } from "zod";

import { outboxStateText } from "@/components/admin/outbox-state";
import { Pagination } from "@/components/ui/Pagination";
import { page } from "@/lib/platform/entry-points/page.server";
import { searchOf } from "@/lib/platform/entry-points/search";
import { formatMoment } from "@/lib/present/i18n/format";
import { sendsEmail } from "@/lib/server/email/mail-server";
import { listOutbox, OUTBOX_PAGE_SIZE } from "@/lib/server/email/outbox-view";

const ZOutboxSearch = searchOf(z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) }));

/** Every e-mail of the clinic (SPEC §10). Without SMTP_URL this is where the links are. */
export default page(
  { name: "/admin/outbox", access: "clinic-admin", search: ZOutboxSearch },
  async ({ actor, db, messages, search }) => {
    const text = messages.admin.outbox;
    const { total, messages: emails } = await listOutbox(db, actor, search.page);
    const moment = (value: Date) => formatMoment(value, actor.locale, true);
    return (
      <>
        <h1>{text.title}</h1>
        <p className="hint">{sendsEmail() ? text.introSmtp : text.introNoSmtp}</p>
        {emails.length === 0 ? (
          <p className="empty-state">{text.empty}</p>
        ) : (
          <>
            <div className="table-scroll">
              <table className="data-table outbox-table">
                <caption className="visually-hidden">{text.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{text.created}</th>
                    <th scope="col">{text.to}</th>
                    <th scope="col">{text.subject}</th>
                    <th scope="col">{text.state}</th>
                  </tr>
                </thead>
                <tbody>
                  {emails.map((email) => (
                    <tr key={email.id}>
                      <td>{moment(email.createdAt)}</td>
                      <td>{email.to}</td>
                      <th scope="row">
                        <Link href={`/admin/outbox/${email.id}`}>{email.subject}</Link>
                      </th>
                      <td>{outboxStateText(email, messages, actor.locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={search.page}
              pageCount={Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE))}
              hrefFor={(p) => `/admin/outbox${p > 1 ? `?page=${p}` : ""}`}
            />
          </>
        )}
      </>
    );
  },
);
