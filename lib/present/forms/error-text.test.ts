import { describe, expect, it } from "vitest";

import { numberLimit, textLimit } from "../../clinical/field-limits";
import { getMessages } from "../i18n";
import { errorTexts } from "./error-text";

const limits = { pain: numberLimit(0, 10), weight: numberLimit(25, 300, 1), note: textLimit(2000) };

describe("error texts carry the field's limits", () => {
  it("in Danish", () => {
    const da = getMessages("da");
    expect(errorTexts({ pain: "wholeNumber", weight: "tooManyDecimals", note: "tooLong" }, da, limits)).toEqual({
      pain: "Skriv et helt tal fra 0 til 10.",
      weight: "Skriv et tal fra 25 til 300 med højst én decimal.",
      note: "Højst 2.000 tegn.",
    });
  });

  it("in English", () => {
    const en = getMessages("en");
    expect(errorTexts({ pain: "outOfRange", weight: "notANumber", note: "tooLong" }, en, limits)).toEqual({
      pain: "Enter a whole number from 0 to 10.",
      weight: "Enter a number from 25 to 300 with at most one decimal.",
      note: "At most 2,000 characters.",
    });
  });

  it("falls back to the plain message where no limit is known", () => {
    expect(errorTexts({ other: "notANumber" }, getMessages("en"))).toEqual({ other: "Enter a number." });
  });
});
