"use client";
import { useId } from "react";

import { useMessages } from "../i18n/MessagesProvider";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { TextField } from "../ui/TextField";

/** Delete behind a confirmation that asks for the reason. */
export function DeleteRecord({ action }: { action: (formData: FormData) => Promise<{ error: string | null }> }) {
  const messages = useMessages();
  const text = {
    delete: messages.record.delete,
    title: messages.record.deleteTitle,
    body: messages.record.deleteBody,
    reason: messages.record.deleteReason,
    cancel: messages.record.cancel,
  };
  const reasonId = useId();
  return (
    <ConfirmDialog
      trigger={text.delete}
      title={text.title}
      body={text.body}
      confirm={text.delete}
      cancel={text.cancel}
      action={action}
      triggerClassName="button quiet"
    >
      <TextField id={reasonId} name="reason" label={text.reason} required maxLength={500} />
    </ConfirmDialog>
  );
}
