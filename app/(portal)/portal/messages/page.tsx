import Link from "next/link";

import { sendOwnMessageAction } from "@/app/actions/messages";
import { ClinicContact } from "@/components/ClinicContact";
import { ConversationView } from "@/components/messages/ConversationView";
import { MessageForm } from "@/components/messages/MessageForm";
import { NotForUrgentSymptoms } from "@/components/portal/WarningSigns";
import { page } from "@/lib/platform/entry-points/page.server";
import { getClinicContact } from "@/lib/server/clinics/clinic-profile";
import { MESSAGE_FIELDS, openConversation } from "@/lib/server/messages/messages";

/**
 * The patient's conversation with the clinic (SPEC §10). What the patient came to do comes first
 * on a phone: the form, then, right under it, the one-line warning that messages are not for
 * urgent symptoms, with the signs and where to turn one tap away; then the conversation.
 */
export default page({ name: "/portal/messages", access: "own-record" }, async ({ actor, db, messages }) => {
  const text = messages.conversation;
  const [conversation, clinic] = await Promise.all([
    openConversation(db, actor, null),
    getClinicContact(db, actor.clinicId),
  ]);
  return (
    <div className="portal stack">
      <p className="breadcrumb">
        <Link href="/portal">{text.backToPortal}</Link>
      </p>
      <h1>{text.title}</h1>
      <p>{text.portalIntro}</p>
      {conversation.canReceive && (
        <section aria-labelledby="new-message-heading" className="panel">
          <h2 id="new-message-heading">{text.newMessage}</h2>
          <MessageForm action={sendOwnMessageAction} maxLength={MESSAGE_FIELDS.body.maxLength} writer="patient" />
        </section>
      )}
      <NotForUrgentSymptoms id="urgent-heading" />
      {/* A question that cannot wait for an answer here: the clinic's phone. */}
      <ClinicContact clinic={clinic} />
      <section aria-labelledby="conversation-heading" className="panel">
        <h2 id="conversation-heading">{text.list}</h2>
        <ConversationView items={conversation.messages} readerIsPatient locale={actor.locale} />
      </section>
    </div>
  );
});
