import type { SelectHTMLAttributes } from "react";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  options: { value: string; label: string }[];
  /** Text of an empty first option, for fields with no default. */
  placeholder?: string;
  error?: string | undefined;
};

/**
 * A labelled select whose error is tied to it for screen readers, beside any description the
 * caller ties to it (what the chosen option means).
 */
export function SelectField({
  id,
  label,
  options,
  placeholder,
  error,
  "aria-describedby": described,
  ...select
}: Props) {
  const errorId = `${id}-error`;
  const describedBy = [described, error && errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} aria-invalid={Boolean(error)} aria-describedby={describedBy} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
