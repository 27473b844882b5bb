import { remembered } from "../../../src/core/common";

describe("remembered", () => {
  test("reads each text once, remembering undefined and null answers too", () => {
    const asked: string[] = [];
    const read = remembered((text: string) => {
      asked.push(text);
      return text === "" ? undefined : text === "-" ? null : text.length;
    });
    expect(["ab", "", "-", "ab", "", "-"].map(read)).toEqual([2, undefined, null, 2, undefined, null]);
    expect(asked).toEqual(["ab", "", "-"]);
  });

  test("forgets everything once it holds `limit` answers, and answers the same after", () => {
    const asked: string[] = [];
    const read = remembered((text: string) => {
      asked.push(text);
      return text.toUpperCase();
    }, 2);
    expect(["a", "b", "a", "c", "a", "c"].map(read)).toEqual(["A", "B", "A", "C", "A", "C"]);
    // "c" found the memory full (a, b) and cleared it, so "a" was read again.
    expect(asked).toEqual(["a", "b", "c", "a"]);
  });
});
