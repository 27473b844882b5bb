/** Progress phrases on any string: never throws, answers one of the progresses, and long texts cost linear time. */
import fc from "fast-check";
import { isClosure, lastStatusWord, readProgressText, readStatusOnly } from "../../../src/core/read";

const STATED = [null, "complete", "on-track", "slow", "stalled", "closed"];

/** Pieces of real progress cells, glued at random: near-misses exercise the phrases harder than random text. */
const TOKENS = [
  "complete", "completed", "done", "delivered", "late", "behind", "schedule", "2 weeks", "a few months", "not", "yet", "closed",
  "withdrawn", "cancelled", "superseded by", "on hold", "on track", "was", "previously", "Red", "Amber", "G", "action", "as",
  " ", " - ", "-", ",", ";", ":", "(", ")", "[", "/", "%", "100", "but", "and", "❌", "✅", "🟠", "✖", "\u00a0", "\n", "\ud800", "é",
];

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 16 }).map((parts) => parts.join(" ")),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 16 }).map((parts) => parts.join("")),
  fc.tuple(fc.array(fc.constantFrom(...TOKENS), { maxLength: 4 }), fc.integer({ min: 1, max: 5_000 })).map(([parts, n]) => parts.join(" ").repeat(n)),
);

describe("progress phrases on any string", () => {
  test("never throw, and answer a progress or none", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(STATED).toContain(readProgressText(text));
        expect(STATED).toContain(readStatusOnly(text));
        expect(typeof isClosure(text)).toBe("boolean");
        expect([null, "red", "amber", "green"]).toContain(lastStatusWord(text));
      }),
      { numRuns: 300 },
    );
  });

  test("the same text reads the same each time", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(readProgressText(text)).toBe(readProgressText(text));
        expect(readStatusOnly(text)).toBe(readStatusOnly(text));
      }),
      { numRuns: 100 },
    );
  });

  // Texts built to make a backtracking pattern try every split: each would take minutes if a pattern were quadratic.
  test.each([
    "completed ".repeat(20_000),
    "completed - ".repeat(20_000),
    "completed ,,,, ".repeat(20_000),
    `completed${" -".repeat(50_000)}`,
    `completed${"(".repeat(100_000)}`,
    "done 2 weeks ".repeat(20_000),
    "closed as ".repeat(20_000),
    `closed - ${"been ".repeat(20_000)}x`,
    "❌".repeat(50_000),
    `${"❌ ".repeat(50_000)}withdrawn`,
    `${" ".repeat(100_000)}x`,
    `${"\u00a0".repeat(100_000)}cancelled`,
    "was ".repeat(25_000),
    "red ".repeat(25_000),
    "not yet ".repeat(20_000),
  ])("a long text (%#) reads in linear time", (text) => {
    expect(STATED).toContain(readProgressText(text));
    expect(STATED).toContain(readStatusOnly(text));
    expect(typeof isClosure(text)).toBe("boolean");
    expect([null, "red", "amber", "green"]).toContain(lastStatusWord(text));
  });
});
