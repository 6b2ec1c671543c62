import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { EXERCISES } from "@/lib/clinical/programs/default-templates";
import { getMessages, LOCALES } from "@/lib/present/i18n";

import { ExerciseDrawing, exerciseDrawingLabel } from "./ExerciseDrawing";

/** Markup as React writes it: attribute values escaped the same way. */
const escaped = (text: string) => renderToStaticMarkup(<i title={text} />).slice('<i title="'.length, -'"></i>'.length);

describe("exercise drawings", () => {
  it("have a text alternative for every exercise a template can hold, in both languages", () => {
    for (const locale of LOCALES) {
      for (const exercise of EXERCISES) {
        const label = exerciseDrawingLabel(getMessages(locale), exercise);
        expect(label?.trim(), `${locale} ${exercise}`).toBeTruthy();
      }
    }
    // Each drawing says what it shows: no two alike, and the two languages differ.
    const da = EXERCISES.map((e) => exerciseDrawingLabel(getMessages("da"), e));
    const en = EXERCISES.map((e) => exerciseDrawingLabel(getMessages("en"), e));
    expect(new Set(da).size).toBe(EXERCISES.length);
    expect(new Set(en).size).toBe(EXERCISES.length);
    EXERCISES.forEach((exercise, i) => expect(en[i], exercise).not.toBe(da[i]));
  });

  it.each(EXERCISES)("draws %s as an image named by its text alternative", (exercise) => {
    for (const locale of LOCALES) {
      const label = exerciseDrawingLabel(getMessages(locale), exercise)!;
      const markup = renderToStaticMarkup(<ExerciseDrawing exercise={exercise} label={label} />);
      expect(markup).toMatch(/^<svg [^>]*role="img"/);
      expect(markup).toContain(` aria-label="${escaped(label)}"`);
      expect(markup).toContain(`<title>${renderToStaticMarkup(<>{label}</>)}</title>`);
      // Scales with its container: a viewBox and no fixed size.
      expect(markup).toMatch(/ viewBox="0 0 \d+ \d+"/);
      expect(markup).not.toMatch(/<svg [^>]*\s(width|height)=/);
      // Drawn, not empty, and every coordinate a number.
      expect(markup.match(/<(path|circle)\b/g)?.length ?? 0).toBeGreaterThan(3);
      expect(markup).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it("draws each exercise differently", () => {
    const drawings = EXERCISES.map((exercise) =>
      renderToStaticMarkup(<ExerciseDrawing exercise={exercise} label="x" />),
    );
    expect(new Set(drawings).size).toBe(EXERCISES.length);
  });

  it("renders nothing for an exercise it has no drawing of", () => {
    expect(renderToStaticMarkup(<ExerciseDrawing exercise="JUMPING_JACKS" label="x" />)).toBe("");
    expect(renderToStaticMarkup(<ExerciseDrawing exercise="toString" label="x" />)).toBe("");
    expect(exerciseDrawingLabel(getMessages("da"), "JUMPING_JACKS")).toBeUndefined();
    expect(exerciseDrawingLabel(getMessages("en"), "constructor")).toBeUndefined();
  });
});
