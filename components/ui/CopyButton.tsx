"use client";
import { useState } from "react";

/** Copies a text to the clipboard and says so; where the browser refuses, the text stays selectable beside it. */
export function CopyButton({ value, label, copiedLabel }: { value: string; label: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="copy-button">
      <button
        type="button"
        className="button secondary"
        onClick={() =>
          navigator.clipboard.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {label}
      </button>
      <span role="status">{copied ? copiedLabel : ""}</span>
    </span>
  );
}
