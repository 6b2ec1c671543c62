"use client";
import { useId, useState } from "react";
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
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  return (
    <>
      <ConfirmDialog
        trigger={text.delete}
        title={text.title}
        body={text.body}
        confirm={text.delete}
        cancel={text.cancel}
        action={async (formData) => setError((await action(formData)).error)}
      >
        <TextField id={reasonId} name="reason" label={text.reason} required maxLength={500} />
      </ConfirmDialog>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </>
  );
}
