"use client";
import Link from "next/link";

import { initialFormState } from "@/lib/present/forms/form-state";
import type { PatientFormState } from "@/lib/server/patients/patient-form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { FormShell } from "../ui/FormShell";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useResilientActionState } from "../ui/use-resilient-action";
import { CprAndBirthDate } from "./CprAndBirthDate";
import { patientFormText } from "./patient-form-props";

type Option = { value: string; label: string };

export type PatientFormText = {
  identity: string;
  activity: string;
  body: string;
  comorbidities: string;
  comorbiditiesHint: string;
  name: string;
  cpr: string;
  cprHint: string;
  removeCpr: string;
  cprFormat: string;
  dateOfBirth: string;
  sex: string;
  email: string;
  phone: string;
  gp: string;
  gpHint: string;
  gpName: string;
  gpPractice: string;
  gpLocationNumber: string;
  gpLocationNumberHint: string;
  gpAddress: string;
  affectedSide: string;
  occupation: string;
  standingHoursPerDay: string;
  runningKmPerWeek: string;
  recentLoadChange: string;
  shoeAgeKm: string;
  heightCm: string;
  weightKg: string;
  footType: string;
  clinicianId: string;
  choose: string;
  save: string;
  saving: string;
  cancel: string;
  networkError: string;
  duplicateTitle: string;
  duplicateBody: string;
  duplicateOpen: string;
  duplicateConfirm: string;
};

/** Registers or edits a patient. Validation happens on the server; its answer is shown per field. */
export function PatientForm({
  action,
  initial,
  options,
  showClinician,
  storedCpr = null,
  cancelHref,
}: {
  action: (state: PatientFormState, formData: FormData) => Promise<PatientFormState>;
  initial: Record<string, string | undefined>;
  options: { sex: Option[]; side: Option[]; footType: Option[]; clinician: Option[]; comorbidities: Option[] };
  showClinician: boolean;
  /** Editing a patient with a stored CPR number (masked): an empty field keeps it, and it can be removed. */
  storedCpr?: string | null;
  cancelHref: string;
}) {
  const text = patientFormText(useMessages(), storedCpr);
  const [state, formAction, pending] = useResilientActionState<PatientFormState>(
    action,
    { ...initialFormState(initial), duplicateOf: null },
    text.networkError,
  );
  const v = state.values;
  const e = state.errors;
  const number = { inputMode: "decimal" as const, type: "text" };
  return (
    <FormShell state={state} formAction={formAction} pending={pending} labels={text} cancelHref={cancelHref} idempotent>
      {state.duplicateOf && (
        <div role="alert" className="warning-box">
          <h2>{text.duplicateTitle}</h2>
          <p>{text.duplicateBody}</p>
          <p>
            <Link href={`/patients/${state.duplicateOf}`}>{text.duplicateOpen}</Link>
          </p>
          <button type="submit" name="$confirmDuplicate" value="yes" className="button secondary" disabled={pending}>
            {text.duplicateConfirm}
          </button>
        </div>
      )}
      <fieldset>
        <legend>{text.identity}</legend>
        <TextField id="name" label={text.name} defaultValue={v.name} autoComplete="off" required error={e.name} />
        <CprAndBirthDate
          key={state.attempt}
          values={{ cpr: v.cpr, dateOfBirth: v.dateOfBirth, removeCpr: v.removeCpr }}
          errors={{ cpr: e.cpr, dateOfBirth: e.dateOfBirth }}
          storedCpr={storedCpr}
        />
        <SelectField
          id="sex"
          label={text.sex}
          options={options.sex}
          placeholder={text.choose}
          defaultValue={v.sex ?? ""}
          required
          error={e.sex}
        />
        <SelectField
          id="affectedSide"
          label={text.affectedSide}
          options={options.side}
          placeholder={text.choose}
          defaultValue={v.affectedSide ?? ""}
          required
          error={e.affectedSide}
        />
        <TextField id="email" label={text.email} type="email" defaultValue={v.email} error={e.email} />
        <TextField id="phone" label={text.phone} type="tel" defaultValue={v.phone} error={e.phone} />
        {showClinician && (
          <SelectField
            id="clinicianId"
            label={text.clinicianId}
            options={options.clinician}
            placeholder={text.choose}
            defaultValue={v.clinicianId ?? ""}
            required
            error={e.clinicianId}
          />
        )}
      </fieldset>
      <fieldset aria-describedby="gp-hint">
        <legend>{text.gp}</legend>
        <p id="gp-hint" className="hint">
          {text.gpHint}
        </p>
        <TextField id="gpName" label={text.gpName} defaultValue={v.gpName} autoComplete="off" error={e.gpName} />
        <TextField
          id="gpPractice"
          label={text.gpPractice}
          defaultValue={v.gpPractice}
          autoComplete="off"
          error={e.gpPractice}
        />
        <TextField
          id="gpLocationNumber"
          label={text.gpLocationNumber}
          hint={text.gpLocationNumberHint}
          inputMode="numeric"
          defaultValue={v.gpLocationNumber}
          autoComplete="off"
          error={e.gpLocationNumber}
        />
        <TextField
          id="gpAddress"
          label={text.gpAddress}
          defaultValue={v.gpAddress}
          autoComplete="off"
          error={e.gpAddress}
        />
      </fieldset>
      <fieldset>
        <legend>{text.activity}</legend>
        <TextField id="occupation" label={text.occupation} defaultValue={v.occupation} error={e.occupation} />
        <TextField
          id="standingHoursPerDay"
          label={text.standingHoursPerDay}
          {...number}
          defaultValue={v.standingHoursPerDay}
          error={e.standingHoursPerDay}
        />
        <TextField
          id="runningKmPerWeek"
          label={text.runningKmPerWeek}
          {...number}
          defaultValue={v.runningKmPerWeek}
          error={e.runningKmPerWeek}
        />
        <label className="checkbox">
          <input type="checkbox" name="recentLoadChange" defaultChecked={v.recentLoadChange === "on"} />
          {text.recentLoadChange}
        </label>
      </fieldset>
      <fieldset>
        <legend>{text.body}</legend>
        <TextField id="heightCm" label={text.heightCm} {...number} defaultValue={v.heightCm} error={e.heightCm} />
        <TextField id="weightKg" label={text.weightKg} {...number} defaultValue={v.weightKg} error={e.weightKg} />
        <TextField
          id="shoeAgeKm"
          label={text.shoeAgeKm}
          inputMode="numeric"
          defaultValue={v.shoeAgeKm}
          error={e.shoeAgeKm}
        />
        <SelectField
          id="footType"
          label={text.footType}
          options={options.footType}
          defaultValue={v.footType ?? "UNKNOWN"}
          error={e.footType}
        />
      </fieldset>
      <fieldset aria-describedby="comorbidities-hint">
        <legend>{text.comorbidities}</legend>
        <p id="comorbidities-hint" className="hint">
          {text.comorbiditiesHint}
        </p>
        {options.comorbidities.map((condition) => (
          <label key={condition.value} className="checkbox">
            <input type="checkbox" name={condition.value} defaultChecked={v[condition.value] === "on"} />
            {condition.label}
          </label>
        ))}
      </fieldset>
    </FormShell>
  );
}
