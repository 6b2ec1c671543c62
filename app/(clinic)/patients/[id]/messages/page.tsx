import Link from "next/link";
import { z } from "zod";

import { sendPatientMessageAction } from "@/app/actions/messages";
import { ConversationView } from "@/components/messages/ConversationView";
import { MessageForm } from "@/components/messages/MessageForm";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { MESSAGE_FIELDS, openConversation } from "@/lib/server/messages/messages";

/** A patient's conversation with the clinic (SPEC §10): opening it marks the patient's messages read. */
export default page(
  { name: "/patients/[id]/messages", access: "clinic-patients", params: z.object({ id: ids.patient }) },
  async ({ actor, db, messages, params }) => {
    const text = messages.conversation;
    const conversation = await openConversation(db, actor, params.id);
    return (
      <div className="stack form-wide">
        <p className="breadcrumb">
          <Link href={`/patients/${conversation.patientId}`}>{text.backToPatient}</Link>
        </p>
        <h1>{text.titleWith(conversation.patientName)}</h1>
        <section aria-labelledby="conversation-heading" className="panel">
          <h2 id="conversation-heading">{text.list}</h2>
          <ConversationView items={conversation.messages} readerIsPatient={false} locale={actor.locale} />
        </section>
        <section aria-labelledby="new-message-heading" className="panel">
          <h2 id="new-message-heading">{text.newMessage}</h2>
          {conversation.canReceive ? (
            <MessageForm
              action={sendPatientMessageAction.bind(null, conversation.patientId)}
              maxLength={MESSAGE_FIELDS.body.maxLength}
              writer="clinic"
            />
          ) : (
            <p>{text.cannotReceive}</p>
          )}
        </section>
      </div>
    );
  },
);
