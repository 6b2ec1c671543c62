/** The eleven values of a 0–10 scale (NRS), as the buttons show them. */
const VALUES = Array.from({ length: 11 }, (_, value) => value);

type Common = {
  /** The form field the value is sent as. */
  name: string;
  /** The question, with what 0 and 10 mean. */
  legend: string;
  error?: string | undefined;
};

/**
 * A 0–10 scale as eleven large buttons, one tap each (portal, SPEC §10): the same buttons for
 * this morning's pain and for the weekly check-in's pain during activity.
 *
 * - `submit`: each button sends its form with its value at once (morning pain); the value
 *   already stored shows as pressed.
 * - `choose`: a radio group drawn as the same buttons, sent with the rest of its form (the
 *   weekly check-in); arrow keys move between values, as in any radio group.
 */
export function ZeroToTenScale(
  props: Common &
    (
      | { mode: "submit"; pressed: number | null; disabled?: boolean }
      | { mode: "choose"; defaultValue?: string | undefined }
    ),
) {
  const { name, legend, error } = props;
  const errorId = `${name}-error`;
  return (
    <fieldset
      className="pain-scale"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={Boolean(error) || undefined}
    >
      <legend>{legend}</legend>
      <div className="pain-buttons">
        {VALUES.map((value) =>
          props.mode === "submit" ? (
            <button
              key={value}
              type="submit"
              name={name}
              value={value}
              className="pain-button"
              aria-pressed={props.pressed === value}
              disabled={props.disabled}
            >
              {value}
            </button>
          ) : (
            <label key={value} className="pain-button pain-choice">
              <input type="radio" name={name} value={value} defaultChecked={props.defaultValue === String(value)} />
              {value}
            </label>
          ),
        )}
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
