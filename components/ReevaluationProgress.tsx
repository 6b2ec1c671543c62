"use client";
import { useEffect, useState } from "react";

import { formatNumber } from "@/lib/present/i18n/format";
import type { ReevaluationProgress as Progress } from "@/lib/server/rules/reevaluation";

import { useLocale, useMessages } from "./i18n/MessagesProvider";

/** Shows, and follows while it runs, the re-evaluation of the clinic's flags after a change. */
export function ReevaluationProgress({
  initial,
  poll,
}: {
  initial: Progress;
  /** The current progress, or null when the server refused (the last known progress stays). */
  poll: () => Promise<Progress | null>;
}) {
  const text = useMessages().settings;
  const locale = useLocale();
  const [polled, setPolled] = useState<{ from: Progress; progress: Progress } | null>(null);
  // A save starts a new run and the page passes its progress anew: what was polled before is stale then.
  const progress = polled?.from === initial ? polled.progress : initial;
  useEffect(() => {
    if (!progress.pending) return;
    const timer = setTimeout(
      () =>
        void poll().then(
          (next) => next && setPolled({ from: initial, progress: next }),
          () => undefined,
        ),
      1000,
    );
    return () => clearTimeout(timer);
  }, [progress, poll, initial]);
  if (!progress.pending) return <p className="hint">{text.upToDate}</p>;
  const number = (value: number) => formatNumber(value, locale, 0);
  return (
    <div role="status" className="notice">
      <p>{text.reevaluating}</p>
      <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={text.reevaluating} />
      <p>{text.reevaluatedOf(number(progress.done), number(progress.total))}</p>
    </div>
  );
}
