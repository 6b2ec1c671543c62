import { describe, expect, it } from "vitest";

import { describeError } from "./describe-error";

describe("describeError", () => {
  it("keeps an error's type, message, stack frames and cause", () => {
    const error = new TypeError("Cannot read properties of undefined", { cause: new RangeError("too far") });
    const described = describeError(error);
    expect(described).toMatchObject({
      type: "TypeError",
      message: "Cannot read properties of undefined",
      cause: { type: "RangeError", message: "too far" },
    });
    expect(described.stack).toMatch(/^at /);
    expect(described.stack).not.toContain("Cannot read");
  });

  it("leaves out a database error's message, which can quote a patient's data", () => {
    const error = Object.assign(
      new Error('Invalid `prisma.patient.create()` invocation: { name: "Hanne Jørgensen" }'),
      { name: "PrismaClientValidationError" },
    );
    const coded = Object.assign(new Error("Unique constraint failed: Key (email)=(hanne@example.dk)"), {
      code: "P2002",
    });
    expect(describeError(error)).not.toHaveProperty("message");
    expect(JSON.stringify(describeError(error))).not.toContain("Hanne");
    expect(describeError(coded)).toMatchObject({ type: "Error", code: "P2002" });
    expect(JSON.stringify(describeError(coded))).not.toContain("hanne@");
  });

  it("names what was thrown when it is not an Error", () => {
    expect(describeError("a string")).toEqual({ type: "string" });
  });
});
