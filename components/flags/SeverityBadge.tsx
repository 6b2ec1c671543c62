import type { Severity } from "@/lib/rules/severity";

/** A flag's severity as a word in the severity's colour (globals.css reads data-severity). */
export function SeverityBadge({ severity, label }: { severity: Severity; label: string }) {
  return (
    <span className="severity-badge" data-severity={severity}>
      {label}
    </span>
  );
}
