/** A labelled group of radio buttons, with an optional description and error. */
export function RadioGroup({
  name,
  legend,
  options,
  defaultValue,
  description,
  details,
  error,
  onChange,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValue?: string | undefined;
  description?: string;
  /** Longer help, folded under its summary (a test's instructions). */
  details?: { summary: string; body: string };
  error?: string | undefined;
  /** For a form that reacts to the choice at once (e.g. a warning banner). */
  onChange?: (value: string) => void;
}) {
  const describedBy =
    [description && `${name}-description`, error && `${name}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="radio-group" aria-describedby={describedBy} aria-invalid={Boolean(error) || undefined}>
      <legend>{legend}</legend>
      {description && (
        <p id={`${name}-description`} className="hint">
          {description}
        </p>
      )}
      {details && (
        <details className="how-to">
          <summary>{details.summary}</summary>
          <p className="hint">{details.body}</p>
        </details>
      )}
      <div className="choices">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={(defaultValue ?? "") === option.value}
              onChange={onChange ? () => onChange(option.value) : undefined}
            />
            {option.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
