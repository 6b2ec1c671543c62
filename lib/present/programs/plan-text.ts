import type { Plan, PlanReason, PlanStatus } from "../../clinical/episode-state";
import type { Messages } from "../i18n";

/** A plan's status with its reasons, as the clinic's screens say it: "On hold (red flag)". */
export function planText(plan: { status: PlanStatus; reasons: readonly string[] }, messages: Messages): string {
  const text = messages.plan;
  const reasons = plan.reasons.map((reason) => text.reasons[reason as PlanReason] ?? reason).join(", ");
  return text.withReasons(text.status[plan.status], reasons);
}

/** What a patient whose load is held is told, one sentence per reason that holds it. */
export function heldLoadSentences(plan: Plan | null, messages: Messages): string[] {
  if (plan?.status !== "HOLD_LOAD") return [];
  const text = messages.portal.holdLoad;
  return plan.reasons.flatMap((reason) =>
    reason === "WORSENING" || reason === "DIAGNOSIS_DOUBT" || reason === "LOAD_RESPONSE" ? [text[reason]] : [],
  );
}
