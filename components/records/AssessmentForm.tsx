"use client";
import { useState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";
import { formatNumber } from "@/lib/present/i18n/format";

import { useLocale, useMessages } from "../i18n/MessagesProvider";
import { DateField } from "../ui/DateField";
import { FormShell } from "../ui/FormShell";
import { RadioGroup } from "../ui/RadioGroup";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useResilientActionState } from "../ui/use-resilient-action";
import { useStickyClearance } from "../ui/use-sticky-clearance";
import { recordFormCommon } from "./record-form-text";

type Option = { value: string; label: string };

/** The squeeze test's answer that is a red flag by itself (SPEC §3). */
const POSITIVE = "positive";
/** A test's answer until the clinician gives another (lib/server/records/kinds/assessment-input.ts). */
const UNTESTED = "untested";
/** The fields a follow-up visit folds away: the tests, the risk factors and the walking. */
const FOLDED_FIELDS = [
  "palpationPositive",
  "windlassPositive",
  "calcanealSqueezePositive",
  "tinelPositive",
  "ankleDorsiflexionDeg",
  "recentLoadChange",
  "calfTightness",
  "runningKmPerWeek",
  "shoeAgeKm",
  "standingHoursPerDay",
  "footType",
  "walkToleranceMin",
  "walkNextMorningWorse",
];

export function AssessmentForm({
  action,
  initial,
  initialRedFlags,
  initialFindings,
  patientBmi,
  options,
  cancelHref,
  followUp = false,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string | undefined>;
  initialRedFlags: string[];
  initialFindings: string[];
  /** The patient's BMI from the height and weight on file, or null. */
  patientBmi: number | null;
  options: {
    painLocation: Option[];
    testResult: Option[];
    screen: Option[];
    examination: Option[];
    yesNo: Option[];
    footType: Option[];
    redFlags: (Option & { suspected: string })[];
    squeezeFlag: Option & { suspected: string };
    findings: Option[];
  };
  cancelHref: string;
  /** A short follow-up visit (usability walk, finding 5): the tests and risk factors fold away. */
  followUp?: boolean;
}) {
  const messages = useMessages();
  const locale = useLocale();
  const text = {
    ...recordFormCommon(messages),
    painLocation: messages.assessment.painLocation,
    firstStepPain: messages.assessment.firstStepPain,
    clinicalTests: messages.assessment.clinicalTests,
    palpation: messages.assessment.palpation,
    palpationHowTo: messages.assessment.palpationHowTo,
    windlass: messages.assessment.windlass,
    windlassHowTo: messages.assessment.windlassHowTo,
    calcanealSqueeze: messages.assessment.calcanealSqueeze,
    calcanealSqueezeHowTo: messages.assessment.calcanealSqueezeHowTo,
    tinel: messages.assessment.tinel,
    tinelHowTo: messages.assessment.tinelHowTo,
    ankleDorsiflexion: messages.assessment.ankleDorsiflexion,
    redFlagScreen: messages.assessment.redFlagScreen,
    redFlagScreenHint: messages.assessment.redFlagScreenHint,
    redFlags: messages.assessment.redFlags,
    redFlagsHint: messages.assessment.redFlagsHint,
    differentialsExamined: messages.assessment.differentialsExamined,
    differentialsHint: messages.assessment.differentialsHint,
    findings: messages.assessment.findings,
    redFlagBanner: messages.assessment.redFlagBanner,
    redFlagSuspected: messages.assessment.redFlagSuspected,
    riskFactors: messages.assessment.riskFactors,
    recentLoadChange: messages.assessment.recentLoadChange,
    calfTightness: messages.assessment.calfTightness,
    runningKmPerWeek: messages.patientForm.runningKmPerWeek,
    shoeAgeKm: messages.patientForm.shoeAgeKm,
    standingHoursPerDay: messages.patientForm.standingHoursPerDay,
    footType: messages.patientForm.footType,
    bmi: messages.assessment.bmiFromPatient(
      patientBmi === null ? messages.caseload.noValue : formatNumber(patientBmi, locale),
    ),
    walking: messages.assessment.walking,
    walkToleranceMin: messages.assessment.walkToleranceMin,
    walkNextMorningWorse: messages.assessment.walkNextMorningWorse,
    note: messages.assessment.note,
    moreFindings: messages.assessment.moreFindings,
    howTo: messages.assessment.howTo,
  };
  const [state, formAction, pending] = useResilientActionState(action, initialFormState(initial), text.networkError);
  // Kept here, outside the form that re-mounts after each answer, so choices are never lost.
  const [redFlags, setRedFlags] = useState<string[]>(initialRedFlags);
  const [findings, setFindings] = useState<string[]>(initialFindings);
  const [screen, setScreen] = useState(initial.redFlagsScreened);
  const [examination, setExamination] = useState(initial.differentialsExamined);
  const [squeeze, setSqueeze] = useState(initial.calcanealSqueezePositive);
  const toggle = (list: string[], set: (next: string[]) => void, value: string) =>
    set(list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);
  const screened = screen === "yes";
  const chosenFlags = [
    ...(screened ? options.redFlags.filter((flag) => redFlags.includes(flag.value)) : []),
    ...(squeeze === POSITIVE ? [options.squeezeFlag] : []),
  ];
  // The red-flag banner stays in view while the form scrolls; what is focused lands below it.
  const stickyAlert = useStickyClearance();
  const v = state.values;
  const e = state.errors;
  // A test not answered is "not tested" (it neither raises nor clears anything); its
  // instructions fold away for a clinician who knows them.
  const test = (name: string, legend: string, howTo: string, onChange?: (value: string) => void) => (
    <RadioGroup
      name={name}
      legend={legend}
      details={{ summary: text.howTo, body: howTo }}
      options={options.testResult}
      defaultValue={v[name] || UNTESTED}
      error={e[name]}
      onChange={onChange}
    />
  );
  const tests = (
    <fieldset>
      <legend>{text.clinicalTests}</legend>
      {test("palpationPositive", text.palpation, text.palpationHowTo)}
      {test("windlassPositive", text.windlass, text.windlassHowTo)}
      {test("calcanealSqueezePositive", text.calcanealSqueeze, text.calcanealSqueezeHowTo, setSqueeze)}
      {test("tinelPositive", text.tinel, text.tinelHowTo)}
      <TextField
        id="ankleDorsiflexionDeg"
        label={text.ankleDorsiflexion}
        inputMode="numeric"
        defaultValue={v.ankleDorsiflexionDeg}
        error={e.ankleDorsiflexionDeg}
      />
    </fieldset>
  );
  const risk = (
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
      <TextField
        id="runningKmPerWeek"
        label={text.runningKmPerWeek}
        inputMode="decimal"
        defaultValue={v.runningKmPerWeek}
        error={e.runningKmPerWeek}
      />
      <TextField
        id="shoeAgeKm"
        label={text.shoeAgeKm}
        inputMode="numeric"
        defaultValue={v.shoeAgeKm}
        error={e.shoeAgeKm}
      />
      <TextField
        id="standingHoursPerDay"
        label={text.standingHoursPerDay}
        inputMode="decimal"
        defaultValue={v.standingHoursPerDay}
        error={e.standingHoursPerDay}
      />
      <SelectField
        id="footType"
        label={text.footType}
        options={options.footType}
        placeholder={text.choose}
        defaultValue={v.footType ?? ""}
        error={e.footType}
      />
      <p className="hint">{text.bmi}</p>
    </fieldset>
  );
  const walking = (
    <fieldset>
      <legend>{text.walking}</legend>
      <TextField
        id="walkToleranceMin"
        label={text.walkToleranceMin}
        inputMode="numeric"
        defaultValue={v.walkToleranceMin}
        error={e.walkToleranceMin}
      />
      <RadioGroup
        name="walkNextMorningWorse"
        legend={text.walkNextMorningWorse}
        options={options.yesNo}
        defaultValue={v.walkNextMorningWorse}
        error={e.walkNextMorningWorse}
      />
    </fieldset>
  );
  return (
    <FormShell state={state} formAction={formAction} pending={pending} labels={text} cancelHref={cancelHref} idempotent>
      <div aria-live="assertive" className="sticky-alert" ref={stickyAlert}>
        {chosenFlags.length > 0 && (
          <div role="alert" className="urgent-banner">
            <strong>{text.redFlagBanner}</strong>
            <p>
              {chosenFlags.map((flag) => flag.label).join("; ")}. {text.redFlagSuspected}:{" "}
              {chosenFlags.map((flag) => flag.suspected).join("; ")}.
            </p>
          </div>
        )}
      </div>
      <DateField id="date" label={text.date} defaultValue={v.date} required error={e.date} />
      <SelectField
        id="painLocation"
        label={text.painLocation}
        options={options.painLocation}
        placeholder={text.choose}
        defaultValue={v.painLocation ?? ""}
        error={e.painLocation}
      />
      <TextField
        id="firstStepPain"
        label={text.firstStepPain}
        inputMode="numeric"
        defaultValue={v.firstStepPain}
        error={e.firstStepPain}
      />
      {!followUp && tests}
      <div className="stack">
        <RadioGroup
          name="redFlagsScreened"
          legend={text.redFlagScreen}
          description={text.redFlagScreenHint}
          options={options.screen}
          defaultValue={v.redFlagsScreened}
          error={e.redFlagsScreened}
          onChange={setScreen}
        />
        {screened && (
          <fieldset aria-describedby="redFlags-hint">
            <legend>{text.redFlags}</legend>
            <p id="redFlags-hint" className="hint">
              {text.redFlagsHint}
            </p>
            {options.redFlags.map((flag) => (
              <label key={flag.value} className="checkbox">
                <input
                  type="checkbox"
                  name="redFlags"
                  value={flag.value}
                  checked={redFlags.includes(flag.value)}
                  onChange={() => toggle(redFlags, setRedFlags, flag.value)}
                />
                {flag.label}
              </label>
            ))}
          </fieldset>
        )}
        {e.redFlags && <p className="field-error">{e.redFlags}</p>}
      </div>
      <div className="stack">
        <RadioGroup
          name="differentialsExamined"
          legend={text.differentialsExamined}
          description={text.differentialsHint}
          options={options.examination}
          defaultValue={v.differentialsExamined}
          error={e.differentialsExamined}
          onChange={setExamination}
        />
        {examination === "yes" && (
          <fieldset>
            <legend>{text.findings}</legend>
            {options.findings.map((finding) => (
              <label key={finding.value} className="checkbox">
                <input
                  type="checkbox"
                  name="findings"
                  value={finding.value}
                  checked={findings.includes(finding.value)}
                  onChange={() => toggle(findings, setFindings, finding.value)}
                />
                {finding.label}
              </label>
            ))}
          </fieldset>
        )}
        {e.findings && <p className="field-error">{e.findings}</p>}
      </div>
      {followUp ? (
        // A short follow-up: the screens and the pain first; the rest of a visit folded away, still there.
        // Open after an answer that found an error in it, so the error is not hidden in the fold.
        <details className="disclosure" open={FOLDED_FIELDS.some((name) => e[name] !== undefined) || undefined}>
          <summary>{text.moreFindings}</summary>
          {tests}
          {risk}
          {walking}
        </details>
      ) : (
        <>
          {risk}
          {walking}
        </>
      )}
      <div className="field">
        <label htmlFor="note">{text.note}</label>
        <textarea id="note" name="note" rows={4} maxLength={2000} defaultValue={v.note} />
        {e.note && <p className="field-error">{e.note}</p>}
      </div>
    </FormShell>
  );
}
