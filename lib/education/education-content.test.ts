import { describe, expect, it } from "vitest";
import { EDUCATION } from "./education-content";

describe("education content", () => {
  it("says the same things in Danish and English: same sections, same number of paragraphs and signs", () => {
    const shape = (locale: "da" | "en") => ({
      sections: EDUCATION[locale].sections.map((section) => [section.id, section.paragraphs.length]),
      signs: EDUCATION[locale].contactClinic.signs.length,
    });
    expect(shape("en")).toEqual(shape("da"));
  });
});
