// An unexpected console.error is a bug that would otherwise pass unnoticed.
import { afterEach, vi } from "vitest";

const spy = vi.spyOn(console, "error");

afterEach(() => {
  const calls = spy.mock.calls.slice();
  spy.mockClear();
  if (calls.length > 0) {
    throw new Error(`console.error was called:\n${calls.map((args) => args.join(" ")).join("\n")}`);
  }
});
