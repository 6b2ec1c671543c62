"use client";

/** Opens the browser's print dialog; hidden on paper itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button primary no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
