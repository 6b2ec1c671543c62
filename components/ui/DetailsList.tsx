import type { ReactNode } from "react";

/** Terms and their values, laid out in a grid; `compact` for a secondary panel. */
export function DetailsList({ items, compact = false }: { items: [string, ReactNode][]; compact?: boolean }) {
  return (
    <dl className={compact ? "details compact" : "details"}>
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
