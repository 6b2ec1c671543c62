import { describe, expect, it } from "vitest";

import { initialFormState } from "../forms/form-state";
import { portalLogFormState } from "./portal-log-answer";

const previous = { ...initialFormState(), attempt: 2 };
const typed = { value: "11", date: "2026-12-04" };

describe("portalLogFormState", () => {
  it("clears the form and shows the notice when the entry was saved", () => {
    expect(
      portalLogFormState({ status: "saved", saved: { value: 3 }, notice: "Gemt." }, previous, typed, "Afvist."),
    ).toEqual({ attempt: 3, values: {}, errors: {}, formError: null, notice: "Gemt." });
  });

  it("keeps what was typed beside each field's error", () => {
    const answer = {
      status: "invalid" as const,
      errors: { value: "Skriv et helt tal fra 0 til 10." },
      formError: "Ret felterne.",
    };
    expect(portalLogFormState(answer, previous, typed, "Afvist.")).toEqual({
      attempt: 3,
      values: typed,
      errors: answer.errors,
      formError: "Ret felterne.",
      notice: null,
    });
  });

  it("keeps what was typed and says why when the call was refused", () => {
    expect(portalLogFormState(null, previous, typed, "Afvist.")).toEqual({
      attempt: 3,
      values: typed,
      errors: {},
      formError: "Afvist.",
      notice: null,
    });
  });
});
