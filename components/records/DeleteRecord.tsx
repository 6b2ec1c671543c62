"use client";
import { useId } from "react";

import { ConfirmDialog } from "../ConfirmDialog";
import { TextField } from "../TextField";

/** Delete behind a confirmation that asks for the reason. */
export function DeleteRecord({
  action,
  text,
}: {
  action: (formData: FormData) => Promise<{ error: string | null }>;
  text: { delete: string; title: string; body: string; reason: string; cancel: string };
}) {
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
