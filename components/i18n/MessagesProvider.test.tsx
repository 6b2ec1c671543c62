import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { da } from "@/lib/present/i18n/da";
import { en } from "@/lib/present/i18n/en";

import { ReevaluationProgress } from "../ReevaluationProgress";
import { MessagesProvider, useLocale, useMessages } from "./MessagesProvider";

function Probe() {
  const messages = useMessages();
  return (
    <p lang={useLocale()}>
      {messages.app.name} · {messages.caseload.count(2)}
    </p>
  );
}

const noPoll = () => Promise.resolve(null);

describe("MessagesProvider", () => {
  it("gives client components the catalog of its locale, functions included", () => {
    expect(renderToStaticMarkup(<MessagesProvider locale="da">{<Probe />}</MessagesProvider>)).toBe(
      `<p lang="da">${da.app.name} · ${da.caseload.count(2)}</p>`,
    );
    expect(renderToStaticMarkup(<MessagesProvider locale="en">{<Probe />}</MessagesProvider>)).toBe(
      `<p lang="en">${en.app.name} · ${en.caseload.count(2)}</p>`,
    );
  });

  it("refuses a component rendered outside it, rather than guessing a language", () => {
    expect(() => renderToStaticMarkup(<Probe />)).toThrow(/MessagesProvider/);
  });

  it("lets a client component interpolate with the catalog's functions (no {placeholder} strings)", () => {
    const html = renderToStaticMarkup(
      <MessagesProvider locale="da">
        <ReevaluationProgress initial={{ pending: true, done: 1200, total: 3400 }} poll={noPoll} />
      </MessagesProvider>,
    );
    expect(html).toContain(da.settings.reevaluatedOf("1.200", "3.400"));
  });
});
