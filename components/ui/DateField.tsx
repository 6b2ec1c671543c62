"use client";
import { type InputHTMLAttributes, type Ref, useImperativeHandle, useRef } from "react";

import { formatDateText, parseDateText, parseTimeText } from "@/lib/present/forms/date-text";

import { useMessages } from "../i18n/MessagesProvider";
import { TextField } from "./TextField";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "min" | "max" | "defaultValue" | "value"> & {
  id: string;
  ref?: Ref<HTMLInputElement>;
  label: string;
  /** The field's error in the user's language; marks the input invalid and describes it. */
  error?: string | undefined;
  /** The value to start from: yyyy-mm-dd (shown as dd-mm-yyyy) or what was typed before. */
  defaultValue?: string | undefined;
  /** The calendar's earliest and latest day, as yyyy-mm-dd. */
  min?: string | undefined;
  max?: string | undefined;
  /** Called with the day as yyyy-mm-dd (null when the text is not a date) as it is typed or picked. */
  onDate?: ((isoDate: string | null) => void) | undefined;
};

/**
 * A date field that shows and takes dd-mm-yyyy (dd-mm-åååå in Danish) whatever the browser's
 * language: a text input, with a button that opens the browser's own calendar. The server
 * reads what is typed (lib/present/forms/date-text.ts), so the field works without script and
 * yyyy-mm-dd typed or pasted is taken too. Decision record 030.
 */
export function DateField({
  id,
  label,
  error,
  defaultValue,
  min,
  max,
  onDate,
  onBlur,
  onChange,
  ref,
  ...input
}: Props) {
  const text = useMessages().fields;
  const field = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => field.current!, []);
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const openCalendar = () => {
    const calendar = picker.current;
    if (!calendar || !field.current) return;
    calendar.value = parseDateText(field.current.value) ?? "";
    try {
      calendar.showPicker();
    } catch {
      // A browser without showPicker (or one that refuses it): the field is still typed in.
      field.current.focus();
    }
  };

  return (
    <div className="field">
      <label id={labelId} htmlFor={id}>
        {label}
      </label>
      <p id={hintId} className="hint">
        {text.dateFormat}
      </p>
      <div className="date-input">
        <input
          id={id}
          name={id}
          ref={field}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={10}
          defaultValue={formatDateText(defaultValue)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          onChange={(event) => {
            onChange?.(event);
            onDate?.(parseDateText(event.target.value));
          }}
          onBlur={(event) => {
            // 5.12.2026 or 05122026 reads back as 05-12-2026 once the field is left.
            const iso = parseDateText(event.target.value);
            if (iso) event.target.value = formatDateText(iso);
            onBlur?.(event);
          }}
          {...input}
        />
        <button
          type="button"
          className="calendar-button"
          aria-label={text.openCalendar}
          aria-describedby={labelId}
          onClick={openCalendar}
        >
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
            <rect x="3.5" y="5" width="17" height="15" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M3.5 10h17M8 3v4M16 3v4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
        {/* The browser's calendar, opened by the button; what is picked is written into the field. */}
        <input
          ref={picker}
          type="date"
          className="date-picker-anchor"
          tabIndex={-1}
          aria-hidden="true"
          min={min}
          max={max}
          onChange={(event) => {
            const iso = event.target.value;
            if (!iso || !field.current) return;
            field.current.value = formatDateText(iso);
            onDate?.(iso);
            field.current.focus();
          }}
        />
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A time field on the 24-hour clock, hh:mm (tt:mm in Danish), whatever the browser's
 * language: a text input (a native time field shows 06:30 PM in an English browser).
 */
export function TimeField({
  onBlur,
  ...field
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { id: string; label: string; error?: string | undefined }) {
  const text = useMessages().fields;
  return (
    <TextField
      hint={text.timeFormat}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={5}
      onBlur={(event) => {
        // 7.30 or 0730 reads back as 07:30 once the field is left.
        const time = parseTimeText(event.target.value);
        if (time) event.target.value = time;
        onBlur?.(event);
      }}
      {...field}
    />
  );
}
