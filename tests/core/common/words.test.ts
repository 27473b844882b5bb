import { capitalise, lowerFirst, plural } from "../../../src/core/common";

describe("plural", () => {
  test("one is singular; none and many are plural", () => {
    expect(plural(1, "action")).toBe("1 action");
    expect(plural(0, "action")).toBe("0 actions");
    expect(plural(21, "action")).toBe("21 actions");
    expect(plural(-1, "day")).toBe("-1 days");
  });

  test("a word whose plural is not word + s", () => {
    expect(plural(1, "entry", "entries")).toBe("1 entry");
    expect(plural(3, "entry", "entries")).toBe("3 entries");
  });
});

describe("capitalise and lowerFirst", () => {
  test("only the first letter changes", () => {
    expect(capitalise("deadline 1 Jul 2009 passed")).toBe("Deadline 1 Jul 2009 passed");
    expect(lowerFirst("Nothing was written. The Sheet")).toBe("nothing was written. The Sheet");
  });

  test("empty text, and text that starts with no letter, come back as they are", () => {
    expect(capitalise("")).toBe("");
    expect(lowerFirst("")).toBe("");
    expect(capitalise("3.1.1 has no lead")).toBe("3.1.1 has no lead");
    expect(lowerFirst('"Prevention" is protected')).toBe('"Prevention" is protected');
  });

  test("letters outside ASCII change too; text already right is the same text", () => {
    expect(capitalise("éclair")).toBe("Éclair");
    expect(lowerFirst("Über")).toBe("über");
    expect(capitalise("Done")).toBe("Done");
    expect(lowerFirst("done")).toBe("done");
  });
});
