import { type Severity, toFlagSeverity } from "@/lib/clinical/rules/severity";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";

/** A flag's severity as a word in the severity's colour (globals.css reads data-severity). */
export async function SeverityBadge({ severity }: { severity: Severity }) {
  const label = (await getRequestMessages()).flags.severities[toFlagSeverity(severity)];
  return (
    <span className="severity-badge" data-severity={severity}>
      {label}
    </span>
  );
}
