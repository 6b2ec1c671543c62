// The three kinds of clinical record, each its schema on the shared write path.
import type { Actor } from "../../platform/auth/actor";
import type { Db } from "../../platform/db/client";
import { saveClinicalRecord } from "./clinical-records";
import { zAssessmentInput } from "./kinds/assessment-input";
import { zInterventionInput } from "./kinds/intervention-input";
import { zOutcomeInput } from "./kinds/outcome-input";

type Target = { episodeId: string; recordId: string | null };

export function saveAssessment(db: Db, actor: Actor, target: Target, raw: unknown, today: () => Date) {
  return saveClinicalRecord(db, actor, { kind: "Assessment", ...target, schema: zAssessmentInput(today), raw });
}

export function saveOutcome(db: Db, actor: Actor, target: Target, raw: unknown, today: () => Date) {
  return saveClinicalRecord(db, actor, {
    kind: "OutcomeMeasurement",
    ...target,
    schema: zOutcomeInput(today),
    raw,
    createData: { recordedBy: "CLINICIAN" },
  });
}

export function saveIntervention(db: Db, actor: Actor, target: Target, raw: unknown, today: () => Date) {
  return saveClinicalRecord(db, actor, { kind: "Intervention", ...target, schema: zInterventionInput(today), raw });
}
