/** Row heights estimated for an owned sheet (edits/row-heights.ts): wrapped text, merged cells, sizes. */
import { estimateRowHeights, wrappedLines, type OwnedSheet } from "../../src/core/edits";

describe("row heights for the written report", () => {
  test("wrapped text gets one line per wrap, merged cells share their rows", () => {
    expect(wrappedLines("short", 10)).toBe(1);
    expect(wrappedLines("one two three four five six seven eight nine ten", 10)).toBeGreaterThanOrEqual(5);
    expect(wrappedLines("Co-ordinator/ Co-ordinator", 8)).toBeGreaterThanOrEqual(3);
    const sheet: OwnedSheet = {
      purpose: "board-report",
      name: "x",
      visibility: "visible",
      rows: [
        [
          { value: "word ".repeat(40), style: "wrap" },
          { value: 3, style: "number" },
        ],
        [{ value: "Title", style: "title" }],
        [{ value: "a ".repeat(60), style: "label" }],
        [null],
      ],
      columnWidths: [20, 8],
      merges: [{ top: 2, left: 0, bottom: 3, right: 0 }],
      ragAreas: [],
      freezeRows: 0,
      printTitleRows: null,
      landscape: true,
    };
    const [wrapped, title, top, bottom] = estimateRowHeights(sheet);
    expect(wrapped).toBeGreaterThanOrEqual((15 / 11) * 10 * 9);
    expect(title).toBeGreaterThan(15);
    // table text is 10 point: 15 / 11 points a point of size, each line
    expect(top + bottom).toBeGreaterThanOrEqual((15 / 11) * 10 * 5);
  });
});
