import Link from "next/link";
import { z } from "zod";

import { outboxStateText } from "@/components/admin/outbox-state";
import { Pagination } from "@/components/Pagination";
import { sendsEmail } from "@/lib/email/mail-server";
import { listOutbox, OUTBOX_PAGE_SIZE } from "@/lib/email/outbox-view";
import { page } from "@/lib/entry/page.server";
import { searchOf } from "@/lib/entry/search";
import { formatMoment } from "@/lib/i18n/format";

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
