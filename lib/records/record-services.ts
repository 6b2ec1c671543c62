// The three kinds of clinical record, each its schema on the shared write path.
import { zAssessmentInput } from "../assessments/assessment-input";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { zInterventionInput } from "../interventions/intervention-input";
import { zOutcomeInput } from "../outcomes/outcome-input";
import { saveClinicalRecord } from "./clinical-records";

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
