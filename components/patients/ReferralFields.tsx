"use client";
import type { FormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { DateField } from "../ui/DateField";
import { TextField } from "../ui/TextField";

type TextFieldName =
  "doctorName" | "practice" | "doctorPhone" | "locationNumber" | "diagnosisText" | "icd10Code" | "referenceId";

/**
 * A referral's fields (SPEC §11), in the open-episode form and in the referral's own form; the
 * server reads the same names in both (lib/server/episodes/referral-input.ts).
 */
export function ReferralFields({ state, today }: { state: Pick<FormState, "values" | "errors">; today: string }) {
  const messages = useMessages();
  const text = messages.referral;
  const optional = (label: string) => `${label} (${messages.patientForm.optional})`;
  const v = state.values;
  const e = state.errors;
  const field = (
    id: TextFieldName,
    { required = false, ...extra }: { required?: boolean; inputMode?: "tel" | "numeric"; type?: string } = {},
  ) => (
    <TextField
      id={id}
      label={required ? text.fields[id] : optional(text.fields[id])}
      hint={(text.hints as Partial<Record<TextFieldName, string>>)[id]}
      defaultValue={v[id]}
      error={e[id]}
      required={required}
      autoComplete="off"
      {...extra}
    />
  );
  return (
    <>
      <DateField
        id="referralDate"
        label={text.fields.referralDate}
        max={today}
        defaultValue={v.referralDate}
        error={e.referralDate}
        required
      />
      {field("doctorName", { required: true })}
      {field("practice")}
      {field("doctorPhone", { inputMode: "tel", type: "tel" })}
      {field("locationNumber", { inputMode: "numeric" })}
      {field("diagnosisText", { required: true })}
      {field("icd10Code")}
      {field("referenceId")}
      <label className="checkbox">
        <input type="checkbox" name="vederlagsfri" defaultChecked={v.vederlagsfri === "on"} />
        {text.fields.vederlagsfri}
      </label>
    </>
  );
}
