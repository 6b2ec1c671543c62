"use client";
import { useRef, useState } from "react";

import { cprDatePart, cprSex, parseCpr } from "@/lib/platform/cpr/cpr";
import { formatDateText, parseDateText } from "@/lib/present/forms/date-text";

import { useMessages } from "../i18n/MessagesProvider";
import { DateField } from "../ui/DateField";
import { TextField } from "../ui/TextField";
import { patientFormText } from "./patient-form-props";

/**
 * The CPR number and the date of birth, each filling in for the other: a CPR number typed
 * first fills an empty date of birth (and an unanswered sex, from the number's last digit); a
 * date of birth suggests the number's first half. The server checks that the two agree.
 */
export function CprAndBirthDate({
  values,
  errors,
  storedCpr,
}: {
  values: { cpr?: string | undefined; dateOfBirth?: string | undefined; removeCpr?: string | undefined };
  errors: { cpr?: string | undefined; dateOfBirth?: string | undefined };
  /** The masked CPR number already stored, if any: an empty field keeps it, and it can be removed. */
  storedCpr: string | null;
}) {
  const text = patientFormText(useMessages(), storedCpr);
  const hasStoredCpr = storedCpr !== null;
  const birthDate = useRef<HTMLInputElement>(null);
  const [datePart, setDatePart] = useState(() => datePartOf(values.dateOfBirth));
  return (
    <>
      <TextField
        id="cpr"
        label={text.cpr}
        hint={text.cprHint}
        inputMode="numeric"
        autoComplete="off"
        placeholder={datePart ? `${datePart}-XXXX` : text.cprFormat}
        defaultValue={values.cpr}
        error={errors.cpr}
        onChange={(event) => {
          const parsed = parseCpr(event.target.value);
          const input = birthDate.current;
          if (parsed.ok && input && input.value === "") {
            input.value = formatDateText(parsed.birthDate.toISOString().slice(0, 10));
            setDatePart(cprDatePart(parsed.birthDate));
          }
          // The form's sex field, a select or radios alike: answered only when nothing is chosen.
          const sex = event.target.form?.elements.namedItem("sex") as HTMLSelectElement | RadioNodeList | null;
          if (parsed.ok && sex && sex.value === "") sex.value = cprSex(parsed.digits);
        }}
      />
      {hasStoredCpr && (
        <label className="checkbox">
          <input type="checkbox" name="removeCpr" defaultChecked={values.removeCpr === "on"} />
          {text.removeCpr}
        </label>
      )}
      <DateField
        ref={birthDate}
        id="dateOfBirth"
        label={text.dateOfBirth}
        defaultValue={values.dateOfBirth}
        required
        error={errors.dateOfBirth}
        onDate={(isoDate) => setDatePart(datePartOf(isoDate ?? undefined))}
      />
    </>
  );
}

/** The CPR number's first half for a date of birth as typed (dd-mm-yyyy or yyyy-mm-dd). */
function datePartOf(typed: string | undefined): string | null {
  const isoDate = typed === undefined ? null : parseDateText(typed);
  return isoDate ? cprDatePart(new Date(`${isoDate}T00:00:00Z`)) : null;
}
