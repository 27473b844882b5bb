import fc from "fast-check";
import { isDataCell, isShortBareRef, parseRef } from "../../../src/core/read";

/** Texts shaped like refs of every style, with and without a status word, and near misses. */
const refLike = fc
  .tuple(
    fc.constantFrom("", "Amber ", "green: ", "RED - "),
    fc.constantFrom("", "A", "PH", "cs-", "Hw", "q", "abcd "),
    fc.array(fc.integer({ min: 0, max: 9999 }), { minLength: 1, maxLength: 5 }),
    fc.constantFrom("", "a", ".", "b", "/1"),
    fc.constantFrom(".", "-", "/"),
  )
  .map(([word, letters, numbers, tail, sep]) => `${word}${letters}${numbers.join(sep)}${tail}`);

describe("isShortBareRef", () => {
  test("a short ref without a status word always reads as data, as the reader's fast path assumes", () => {
    fc.assert(
      fc.property(fc.oneof(refLike, fc.string({ maxLength: 20 })), (raw) => {
        const text = raw.trim();
        const parsed = parseRef(text);
        if (parsed && isShortBareRef(text, parsed)) expect(isDataCell(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test.each(["3.1.1", "7", "7.", "A1", "PH1", "1a", "CS-04", "Q1"])("%j is a short bare ref", (text) => {
    const parsed = parseRef(text);
    expect(parsed && isShortBareRef(text, parsed)).toBe(true);
  });

  test.each(["Amber 3.1.1", "1.2.3.4.5.6.7.8.9.10"])("%j is not (a status word, or long)", (text) => {
    const parsed = parseRef(text);
    expect(parsed).not.toBeNull();
    expect(isShortBareRef(text, parsed as NonNullable<typeof parsed>)).toBe(false);
  });
});
