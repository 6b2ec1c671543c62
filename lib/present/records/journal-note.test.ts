import { describe, expect, it } from "vitest";

import { journalNote } from "./journal-note";

describe("a day's records as a journal note", () => {
  it("puts a visit's parts on lines of their own and a one-part record on one line", () => {
    expect(
      journalNote("5. dec. 2026 · Besøg", [
        { label: "Undersøgelse", parts: ["Smerte ved første skridt (0–10): 6", "Røde flag: screenet, ingen fundet"] },
        { label: "Måling", parts: ["FAAM ADL: 80"] },
      ]),
    ).toBe(
      [
        "5. dec. 2026 · Besøg",
        "Undersøgelse:",
        "- Smerte ved første skridt (0–10): 6",
        "- Røde flag: screenet, ingen fundet",
        "Måling: FAAM ADL: 80",
      ].join("\n"),
    );
  });
});
