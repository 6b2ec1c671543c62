"use client";
import { useEffect, useState } from "react";

import type { ReevaluationProgress as Progress } from "@/lib/rules/reevaluation";

/** Shows, and follows while it runs, the re-evaluation of the clinic's flags after a change. */
export function ReevaluationProgress({
  initial,
  poll,
  text,
}: {
  initial: Progress;
  /** The current progress, or null when the server refused (the last known progress stays). */
  poll: () => Promise<Progress | null>;
  /** `of` holds {done} and {total}; numbers are written in `locale`. */
  text: { running: string; done: string; of: string; locale: string };
}) {
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
  if (!progress.pending) return <p className="hint">{text.done}</p>;
  const number = new Intl.NumberFormat(text.locale);
  return (
    <div role="status" className="notice">
      <p>{text.running}</p>
      <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={text.running} />
      <p>{text.of.replace("{done}", number.format(progress.done)).replace("{total}", number.format(progress.total))}</p>
    </div>
  );
}
