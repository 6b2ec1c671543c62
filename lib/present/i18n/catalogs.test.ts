import { describe, expect, it } from "vitest";

import { da } from "./da";
import { en } from "./en";
import { DEFAULT_LOCALE, getMessages, parseLocale } from "./index";

/** Every leaf of a catalog with its path; functions are called with sample arguments. */
function leaves(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (typeof value === "function") return [[path, String((value as (...args: unknown[]) => unknown)(2, 3))]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, `${path}.${key}`));
}

describe("message catalogs", () => {
  it("have the same keys in Danish and English", () => {
    expect(leaves(en).map(([path]) => path)).toEqual(leaves(da).map(([path]) => path));
  });

  it("have no empty text", () => {
    for (const [path, text] of [...leaves(da), ...leaves(en)]) expect(text.trim(), path).not.toBe("");
  });

  it("are translated: the English differs from the Danish for user-facing sentences", () => {
    expect(en.signIn.failed).not.toBe(da.signIn.failed);
    expect(en.caseload.count(2)).not.toBe(da.caseload.count(2));
  });

  it("give the proxy's refusals, said before any language is known, in both languages as before", () => {
    expect(`${da.requestProblem["bad-json"]} / ${en.requestProblem["bad-json"]}`).toBe(
      "Forespørgslen kunne ikke læses (ugyldig JSON). / The request could not be read (malformed JSON).",
    );
    expect(Object.keys(en.requestProblem)).toEqual(Object.keys(da.requestProblem));
  });

  it("falls back to Danish for an unknown or missing locale", () => {
    expect(DEFAULT_LOCALE).toBe("da");
    expect(parseLocale("fr")).toBe("da");
    expect(parseLocale(undefined)).toBe("da");
    expect(parseLocale("en")).toBe("en");
    expect(getMessages("en")).toBe(en);
  });
});
