import { isOfficerError, OfficerError, officerSentence } from "../../../src/core/common";

describe("the officer's error", () => {
  const fallback = "Fallback.";
  const refusal = 'Nothing was written. The sheet "Board Report" is protected.';
  const todo = "Unprotect it (Review > Unprotect Sheet) and try again.";

  test("says what happened and what to do, as one message", () => {
    const e = new OfficerError(refusal, todo);
    expect(e.said).toBe(refusal);
    expect(e.todo).toBe(todo);
    expect(e.message).toBe(`${refusal} ${todo}`);
    expect(new OfficerError(refusal).message).toBe(refusal);
    expect(officerSentence(e, fallback)).toBe(`${refusal} ${todo}`);
  });

  test("anything else is a fault of the product: never shown, however sentence-like its words", () => {
    for (const e of [
      new Error(`${refusal} ${todo}`),
      new Error("RichApi.Error: InvalidArgument at Excel.run (https://x/office.js:1:2)"),
      new TypeError("Cannot read properties of undefined (reading 'values')."),
      "Nothing was written.",
      undefined,
      null,
    ]) {
      expect(isOfficerError(e)).toBe(false);
      expect(officerSentence(e, fallback)).toBe(fallback);
    }
  });

  test("is known by its mark as well as its class (a copy of the class in another bundle)", () => {
    const copy = Object.assign(new Error(refusal), { officer: true });
    expect(isOfficerError(copy)).toBe(true);
    expect(officerSentence(copy, fallback)).toBe(refusal);
  });
});
