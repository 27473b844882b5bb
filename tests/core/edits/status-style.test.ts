import { RAG_WORDS } from "../../../src/core/assess";
import { STATUS_STYLES } from "../../../src/core/edits";

/** WCAG 2 relative luminance of an "RRGGBB" colour. */
function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe("the look of each status", () => {
  test("Red first, each with its word and colours", () => {
    expect(STATUS_STYLES).toEqual([
      { rag: "red", word: "Red", fill: "C00000", font: "FFFFFF" },
      { rag: "amber", word: "Amber", fill: "FFC000", font: "000000" },
      { rag: "green", word: "Green", fill: "00B050", font: "000000" },
      { rag: "blue", word: "Blue", fill: "0070C0", font: "FFFFFF" },
      { rag: "not-reported", word: "Not reported", fill: "D9D9D9", font: "000000" },
    ]);
  });

  test("the word is the one written in RAG cells", () => {
    for (const s of STATUS_STYLES) expect(s.word).toBe(RAG_WORDS[s.rag]);
  });

  test("every text colour reads on its fill with a contrast of 4.5:1 or more", () => {
    expect(contrast("FFFFFF", "000000")).toBeCloseTo(21, 5);
    for (const s of STATUS_STYLES) expect([s.rag, contrast(s.fill, s.font) >= 4.5]).toEqual([s.rag, true]);
  });
});
