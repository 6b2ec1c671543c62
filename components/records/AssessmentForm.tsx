"use client";
import { useActionState, useState } from "react";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { RadioGroup } from "../RadioGroup";
import { SelectField } from "../SelectField";
import { TextField } from "../TextField";
import { FormShell } from "../FormShell";

type Option = { value: string; label: string };

export type AssessmentFormText = {
  date: string; painLocation: string; firstStepPain: string; clinicalTests: string;
  palpation: string; palpationHowTo: string; windlass: string; windlassHowTo: string;
  redFlags: string; redFlagsHint: string; findings: string; redFlagBanner: string; redFlagSuspected: string;
  riskFactors: string; recentLoadChange: string; calfTightness: string; runningKmPerWeek: string; shoeAgeKm: string;
  standingHoursPerDay: string; footType: string; bmi: string; walking: string; walkToleranceMin: string;
  walkNextMorningWorse: string; note: string; choose: string; save: string; saving: string; cancel: string;
};

export function AssessmentForm({
  action,
  initial,
  initialRedFlags,
  initialFindings,
  text,
  options,
  cancelHref,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string | undefined>;
  initialRedFlags: string[];
  initialFindings: string[];
  text: AssessmentFormText;
  options: {
    painLocation: Option[];
    testResult: Option[];
    yesNo: Option[];
    footType: Option[];
    redFlags: (Option & { suspected: string })[];
    findings: Option[];
  };
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState(initial));
  // Kept here, outside the form that re-mounts after each answer, so ticks are never lost.
  const [redFlags, setRedFlags] = useState<string[]>(initialRedFlags);
  const [findings, setFindings] = useState<string[]>(initialFindings);
  const toggle = (list: string[], set: (next: string[]) => void, value: string) =>
    set(list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);
  const chosenFlags = options.redFlags.filter((flag) => redFlags.includes(flag.value));
  const v = state.values;
  const e = state.errors;
  return (
    <FormShell state={state} formAction={formAction} pending={pending} text={text} cancelHref={cancelHref}>
      <div aria-live="assertive" className="sticky-alert">
        {chosenFlags.length > 0 && (
          <div role="alert" className="urgent-banner">
            <strong>{text.redFlagBanner}</strong>
            <p>
              {chosenFlags.map((flag) => flag.label).join("; ")}. {text.redFlagSuspected}: {chosenFlags.map((flag) => flag.suspected).join("; ")}.
            </p>
          </div>
        )}
      </div>
      <TextField id="date" label={text.date} type="date" defaultValue={v.date} required error={e.date} />
      <SelectField id="painLocation" label={text.painLocation} options={options.painLocation} placeholder={text.choose} defaultValue={v.painLocation ?? ""} error={e.painLocation} />
      <TextField id="firstStepPain" label={text.firstStepPain} inputMode="numeric" defaultValue={v.firstStepPain} error={e.firstStepPain} />
      <fieldset>
        <legend>{text.clinicalTests}</legend>
        <RadioGroup name="palpationPositive" legend={text.palpation} description={text.palpationHowTo} options={options.testResult} defaultValue={v.palpationPositive} error={e.palpationPositive} />
        <RadioGroup name="windlassPositive" legend={text.windlass} description={text.windlassHowTo} options={options.testResult} defaultValue={v.windlassPositive} error={e.windlassPositive} />
      </fieldset>
      <fieldset aria-describedby="redFlags-hint">
        <legend>{text.redFlags}</legend>
        <p id="redFlags-hint" className="hint">
          {text.redFlagsHint}
        </p>
        {options.redFlags.map((flag) => (
          <label key={flag.value} className="checkbox">
            <input type="checkbox" name="redFlags" value={flag.value} checked={redFlags.includes(flag.value)} onChange={() => toggle(redFlags, setRedFlags, flag.value)} />
            {flag.label}
          </label>
        ))}
        {e.redFlags && <p className="field-error">{e.redFlags}</p>}
      </fieldset>
      <fieldset>
        <legend>{text.findings}</legend>
        {options.findings.map((finding) => (
          <label key={finding.value} className="checkbox">
            <input type="checkbox" name="findings" value={finding.value} checked={findings.includes(finding.value)} onChange={() => toggle(findings, setFindings, finding.value)} />
            {finding.label}
          </label>
        ))}
        {e.findings && <p className="field-error">{e.findings}</p>}
      </fieldset>
      <fieldset>
        <legend>{text.riskFactors}</legend>
        <label className="checkbox">
          <input type="checkbox" name="recentLoadChange" defaultChecked={v.recentLoadChange === "on"} />
          {text.recentLoadChange}
        </label>
        <label className="checkbox">
          <input type="checkbox" name="calfTightness" defaultChecked={v.calfTightness === "on"} />
          {text.calfTightness}
        </label>
        <TextField id="runningKmPerWeek" label={text.runningKmPerWeek} inputMode="decimal" defaultValue={v.runningKmPerWeek} error={e.runningKmPerWeek} />
        <TextField id="shoeAgeKm" label={text.shoeAgeKm} inputMode="numeric" defaultValue={v.shoeAgeKm} error={e.shoeAgeKm} />
        <TextField id="standingHoursPerDay" label={text.standingHoursPerDay} inputMode="decimal" defaultValue={v.standingHoursPerDay} error={e.standingHoursPerDay} />
        <SelectField id="footType" label={text.footType} options={options.footType} placeholder={text.choose} defaultValue={v.footType ?? ""} error={e.footType} />
        <p className="hint">{text.bmi}</p>
      </fieldset>
      <fieldset>
        <legend>{text.walking}</legend>
        <TextField id="walkToleranceMin" label={text.walkToleranceMin} inputMode="numeric" defaultValue={v.walkToleranceMin} error={e.walkToleranceMin} />
        <RadioGroup name="walkNextMorningWorse" legend={text.walkNextMorningWorse} options={options.yesNo} defaultValue={v.walkNextMorningWorse} error={e.walkNextMorningWorse} />
      </fieldset>
      <div className="field">
        <label htmlFor="note">{text.note}</label>
        <textarea id="note" name="note" rows={4} maxLength={2000} defaultValue={v.note} />
        {e.note && <p className="field-error">{e.note}</p>}
      </div>
    </FormShell>
  );
}
