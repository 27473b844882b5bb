/** Page breaks placed by the layout (pages.ts), on heights and keeps built here. */
import type { OwnedSheet } from "../../../src/core/edits";
import { A4_LANDSCAPE, pageCapacity, pageCount, placeBreaks, printScale, withPageBreaks } from "../../../src/core/report";

describe("page breaks", () => {
  test("rows fill a page, then the next starts", () => {
    expect(placeBreaks([10, 10, 10, 10, 10], 25, [], [], 0)).toEqual([2, 4]);
  });

  test("a kept block moves whole to the next page; a forced row always starts one", () => {
    // a block of at most half a page (15 of 30) is never split: it starts the next page
    expect(placeBreaks([20, 5, 5, 5, 10], 30, [{ top: 1, bottom: 3 }], [], 0)).toEqual([1]);
    expect(placeBreaks([20, 5, 5, 5, 10], 30, [], [], 0)).toEqual([3]); // without the keep, rows 1 and 2 fill page 1
    expect(placeBreaks([5, 5, 5, 5], 100, [], [2], 0)).toEqual([2]);
    // rows before the first printed row (the repeated titles) are not placed
    expect(placeBreaks([50, 50, 10, 10], 15, [], [], 2)).toEqual([3]);
  });

  test("a block longer than half a page fills the page it starts on; its heading keep stays whole", () => {
    // heading keep 1..2, joined with a long block 2..8 (7 rows of 10): capacity 40
    const heights = [30, 2, 10, 10, 10, 10, 10, 10, 10];
    const breaks = placeBreaks(heights, 40, [{ top: 1, bottom: 2 }, { top: 2, bottom: 8 }], [], 0);
    expect(breaks[0]).toBe(1); // row 0 (30) + heading and first row (12) do not fit: the heading goes over with its row
    expect(breaks.every((b) => b !== 2)).toBe(true);
  });

  test("a block longer than a page, starting a page, goes on over the next pages, broken between its rows", () => {
    expect(placeBreaks([10, 10, 10, 10, 10, 10, 10], 25, [{ top: 0, bottom: 6 }], [], 0)).toEqual([2, 4, 6]);
    // after a forced page start too
    expect(placeBreaks([5, 10, 10, 10, 10], 25, [{ top: 1, bottom: 4 }], [1], 0)).toEqual([1, 3]);
  });

  test("the page is A4 landscape less margins, the sheet scaled to its width", () => {
    expect(printScale([10])).toBe(1);
    expect(printScale([161])).toBeCloseTo(A4_LANDSCAPE.width / ((161 * 7 + 5) * 0.75), 2);
    const sheet = { columnWidths: [100], printTitleRows: [0, 1] as [number, number] };
    const capacity = pageCapacity(sheet, [20, 15, 15]);
    expect(capacity).toBeLessThan(A4_LANDSCAPE.height / printScale([100]) - 35);
    expect(capacity).toBeGreaterThan(300);
  });

  test("a sheet gets its breaks from its estimated row heights", () => {
    const sheet: OwnedSheet = {
      purpose: "board-report",
      name: "x",
      visibility: "visible",
      rows: Array.from({ length: 80 }, (_, i) => [{ value: `row ${i}`, style: "wrap" as const }]),
      columnWidths: [100],
      merges: [],
      ragAreas: [],
      freezeRows: 0,
      printTitleRows: [0, 1],
      landscape: true,
    };
    const paged = withPageBreaks(sheet, [{ top: 30, bottom: 40 }]);
    expect(pageCount(paged)).toBeGreaterThan(1);
    for (const b of paged.rowBreaks ?? []) expect(b <= 30 || b > 40).toBe(true);
  });
});
