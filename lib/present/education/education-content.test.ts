import { describe, expect, it } from "vitest";

import { RED_FLAG_CARE } from "../../clinical/red-flags";
import { getMessages } from "../i18n";

describe("education content", () => {
  it("says the same things in Danish and English: same sections, same number of paragraphs and signs", () => {
    const shape = (locale: "da" | "en") => ({
      sections: getMessages(locale).education.sections.map((section) => [section.id, section.paragraphs.length]),
      signs: getMessages(locale).education.contactClinic.signs.length,
    });
    expect(shape("en")).toEqual(shape("da"));
  });
});

describe("the warning signs a patient can act on (clinical review N5, N7, N12)", () => {
  const da = getMessages("da").education.contactClinic;

  it("send only real red flags to the doctor the same day: not the first steps after rest, not tingling; the stress-fracture sign is one", () => {
    expect(da.signs).toEqual([
      "du har feber, kulderystelser eller føler dig syg",
      "du slet ikke kan støtte på foden",
      "du har konstante smerter, der ikke letter, når du hviler eller skifter stilling, eller smerter, der vækker dig om natten",
      "du mærker et pludseligt smæld under foden, måske fulgt af et blåt mærke",
      "foden er rød, varm og hævet",
      "hælen hæver op, og smerterne tager til, jo mere du går",
      "smerterne pludselig bliver meget værre",
    ]);
    for (const locale of ["da", "en"] as const) {
      const signs = getMessages(locale).education.contactClinic.signs.join(" ");
      expect(signs).not.toMatch(/prikken|tingling|første skridt|first steps/i);
      expect(getMessages(locale).education.contactClinic.nonUrgent).toMatch(/prikken|tingling/i);
    }
  });

  it("name the out-of-hours service correctly, and send nerve emergencies there at once or to 112", () => {
    expect(da.outOfHours).toContain("lægevagten");
    expect(da.outOfHours).toContain("Akuttelefonen 1813");
    expect(da.emergency).toMatch(/holde på vandet eller afføringen.*med det samme til lægevagten.*112/s);
    expect(getMessages("en").education.contactClinic.emergency).toContain("112");
  });
});

describe("where each red flag sends the patient (clinical review N12, N13)", () => {
  it("infection to the doctor or out-of-hours the same day, injury to the emergency path, the rest to their own doctor", () => {
    expect(RED_FLAG_CARE).toEqual({
      FEVER_MALAISE: "OUT_OF_HOURS",
      DIFFUSE_REDNESS_SWELLING: "OUT_OF_HOURS",
      NIGHT_OR_REST_PAIN: "OWN_DOCTOR",
      CANNOT_BEAR_WEIGHT: "EMERGENCY",
      RECENT_TRAUMA: "EMERGENCY",
      RAPID_WORSENING: "OWN_DOCTOR",
      MARKED_SWELLING: "OWN_DOCTOR",
      LOAD_PAIN_WITH_SWELLING: "OWN_DOCTOR",
      CANCER_HISTORY_OR_WEIGHT_LOSS: "OWN_DOCTOR",
      SUSPECTED_FASCIA_RUPTURE: "OWN_DOCTOR",
      POSITIVE_CALCANEAL_SQUEEZE: "OWN_DOCTOR",
    });
    const care = getMessages("da").rules.careLevel;
    expect(care.EMERGENCY).toContain("Akuttelefonen 1813");
    expect(care.OUT_OF_HOURS).toContain("lægevagten");
  });
});
