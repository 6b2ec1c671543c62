import { citation, type ReferenceKey } from "@/lib/clinical/references";

/** Full citations of the sources behind a rule or an instrument; a clinic default says so. */
export function SourceList({ sources, clinicDefault }: { sources: readonly ReferenceKey[]; clinicDefault: string }) {
  if (sources.length === 0) return null;
  return (
    <ul className="source-list">
      {sources.map((key) => (
        <li key={key}>{key === "CLINIC_DEFAULT" ? clinicDefault : citation(key)}</li>
      ))}
    </ul>
  );
}
