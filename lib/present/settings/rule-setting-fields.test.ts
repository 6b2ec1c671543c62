import { describe, expect, it } from "vitest";

import { DEFAULT_RULE_SETTINGS, SETTING_GROUPS, SETTING_NAMES } from "../../clinical/rules/settings";
import { da } from "../i18n/da";
import {
  defaultInputValues,
  formatSettingValue,
  fromFieldValue,
  settingChangesText,
  settingFieldLimit,
  settingInputValue,
  toFieldValue,
} from "./rule-setting-fields";

describe("rule settings as the form shows them", () => {
  it("shows a fraction as a percentage and stores what is typed as the fraction again", () => {
    expect(toFieldValue("adherenceMinFraction", 0.5)).toBe(50);
    expect(fromFieldValue("adherenceMinFraction", 50)).toBe(0.5);
    // 0.29 × 100 is 28.999… in floating point: the field still reads 29, and 29 stores 0.29.
    expect(toFieldValue("adherenceMinFraction", 0.29)).toBe(29);
    expect(fromFieldValue("adherenceMinFraction", 29)).toBe(0.29);
    for (let percent = 0; percent <= 100; percent += 1)
      expect(toFieldValue("adherenceMinFraction", fromFieldValue("adherenceMinFraction", percent))).toBe(percent);
  });

  it("gives the percentage's limits in percent, whole numbers", () => {
    expect(settingFieldLimit("adherenceMinFraction")).toEqual({ min: 0, max: 100, decimals: 0 });
  });

  it("leaves every other setting as the rules keep it", () => {
    expect(settingFieldLimit("worseningPoints")).toEqual({ min: 1, max: 10, decimals: 1 });
    expect(toFieldValue("noImprovementDays", 42)).toBe(42);
    expect(fromFieldValue("persistingPain", 4.5)).toBe(4.5);
  });

  it("writes values with their unit in the reader's language", () => {
    expect(formatSettingValue("adherenceMinFraction", 0.5, "da")).toBe("50 %");
    expect(formatSettingValue("persistingPain", 4.5, "da")).toBe("4,5");
    expect(formatSettingValue("persistingPain", 4.5, "en")).toBe("4.5");
    expect(settingInputValue("adherenceMinFraction", 0.75, "da")).toBe("75");
    expect(defaultInputValues("da").adherenceMinFraction).toBe(
      String(DEFAULT_RULE_SETTINGS.adherenceMinFraction * 100),
    );
  });

  it("says a settings change old → new in one line, leaving out names it does not know", () => {
    expect(
      settingChangesText({ adherenceMinFraction: [0.5, 0.6], followUpDays: [42, 35], unknown: [1, 2] }, da, "da"),
    ).toBe(
      "Adhærens: mindste andel af ordinerede træninger (%): 50 % → 60 %; Opfølgning overskredet efter (dage): 42 → 35",
    );
  });

  it("has every setting in exactly one rule's group", () => {
    expect(SETTING_GROUPS.flatMap((group) => group.settings).sort()).toEqual([...SETTING_NAMES].sort());
  });
});
