import type { ReactNode } from "react";

/**
 * A page's filters behind one button on a phone, and simply shown on a wider screen: a closed
 * <details> whose summary globals.css hides, and whose content it shows, from 601 px. No script,
 * so nothing jumps when the page hydrates, and the summary is a keyboard-operable button as is.
 */
export function FilterDisclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="filter-disclosure">
      <summary className="button secondary">{summary}</summary>
      {children}
    </details>
  );
}
