import { pushTo } from "../../../src/core/common";

describe("pushTo", () => {
  test("starts a list for a new key and adds to it after, in order", () => {
    const map = new Map<string, number[]>();
    pushTo(map, "a", 1);
    const first = map.get("a");
    pushTo(map, "b", 2);
    pushTo(map, "a", 3);
    expect([...map]).toEqual([
      ["a", [1, 3]],
      ["b", [2]],
    ]);
    // the list is grown in place, not replaced
    expect(map.get("a")).toBe(first);
  });

  test("keys are compared as the Map compares them: the same object, not an equal one", () => {
    const map = new Map<{ id: number }, string[]>();
    const k = { id: 1 };
    pushTo(map, k, "x");
    pushTo(map, { id: 1 }, "y");
    pushTo(map, k, "z");
    expect(map.size).toBe(2);
    expect(map.get(k)).toEqual(["x", "z"]);
  });
});
