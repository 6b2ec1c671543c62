"use client";
import { type ReactNode, useState } from "react";

/**
 * A <details> whose content is put on the page only when it is first opened. A long table
 * behind a toggle (two years of daily measurements are ~4,000 elements) would otherwise be
 * parsed and hydrated with the page while nobody looks at it; that made the patient page's
 * longest main-thread task (decision record 018). Once opened, the content stays.
 */
export function LazyDetails({
  summary,
  className,
  children,
}: {
  summary: ReactNode;
  className?: string | undefined;
  children: ReactNode;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && children}
    </details>
  );
}
