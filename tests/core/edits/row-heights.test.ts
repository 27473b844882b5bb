import { estimateRowHeights, MAX_ROW_HEIGHT, textWidth, wrappedLines, type OwnedSheet } from "../../../src/core/edits";

/** An owned sheet of the given rows and column widths. */
function sheetOf(rows: OwnedSheet["rows"], columnWidths: number[] = [], merges: OwnedSheet["merges"] = []): OwnedSheet {
  return { purpose: "board-report", name: "x", visibility: "visible", rows, columnWidths, merges, ragAreas: [], freezeRows: 0, printTitleRows: null, landscape: true };
}

describe("textWidth", () => {
  test("in widths of \"0\": narrow and wide characters of Calibri, 1.1 for any not listed", () => {
    expect(textWidth("")).toBe(0);
    expect(textWidth("0")).toBe(1);
    expect(textWidth(" ")).toBe(0.45);
    expect(textWidth("m")).toBe(1.58);
    expect(textWidth("W")).toBe(1.76);
    expect(textWidth("é")).toBe(1.1);
    expect(textWidth("Wil")).toBeCloseTo(2.76, 10);
  });
});

describe("wrappedLines", () => {
  test("text that fits is one line, and so is no text", () => {
    expect(wrappedLines("one two", 100)).toBe(1);
    expect(wrappedLines("", 10)).toBe(1);
  });

  test("each line break starts a line", () => {
    expect(wrappedLines("a\nb", 10)).toBe(2);
    expect(wrappedLines("a\r\nb\n\nc", 10)).toBe(4);
  });

  test("a word wider than the line is broken across lines", () => {
    // 20 m's are 31.6 wide: four lines of 10
    expect(wrappedLines("m".repeat(20), 10)).toBe(4);
    expect(wrappedLines(`a ${"m".repeat(20)}`, 10)).toBe(5);
  });

  test("a line may break after a hyphen", () => {
    expect(wrappedLines("well-being", 5)).toBe(2);
    expect(wrappedLines("well-being", 9)).toBe(1);
    // "a well-" fills the first line and "being" the second; unbroken, "well-being" would not fit a line
    expect(wrappedLines("a well-being", 8)).toBe(2);
  });
});

describe("row heights for the written report", () => {
  test("never over Excel's 409 points, however long the text", () => {
    expect(MAX_ROW_HEIGHT).toBe(409);
    expect(estimateRowHeights(sheetOf([[{ value: "word ".repeat(3000), style: "wrap" }]], [10]))).toEqual([409]);
  });

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
    // table text is 10 point: 15 / 11 points a point of size, each line
    const line = (15 / 11) * 10;
    expect(wrapped).toBeGreaterThanOrEqual(line * 9);
    expect(title).toBeGreaterThan(15);
    expect(top + bottom).toBeGreaterThanOrEqual(line * 5);
  });

  test("a row of text that does not wrap is one line of its size (15 points at 11pt), rounded up to a quarter point", () => {
    const heights = estimateRowHeights(
      sheetOf([[{ value: "Title", style: "title" }], [{ value: "Heading", style: "heading" }], [{ value: "marker", style: "marker" }], [], [null], [{ value: 5, style: "wrap" }], [{ value: "x ".repeat(200), style: "text" }]]),
    );
    // 16pt: 21.8 -> 22; 13pt: 17.7 -> 17.75; 8pt and empty rows: 15; a number never wraps; "text" does not wrap
    expect(heights).toEqual([22, 17.75, 15, 15, 15, 15, 15]);
  });

  test("bold text (a label) is wider: it wraps where the same text in plain type fits", () => {
    // 39.1 wide at 11pt; a 38 wide column holds 40.96 of 10pt table text, 38.6 of it in bold
    const text = "word word word word word word word word ab";
    expect(estimateRowHeights(sheetOf([[{ value: text, style: "wrap" }]], [38]))).toEqual([15]);
    // two lines of 10pt (13.64 each), rounded up to a quarter point
    expect(estimateRowHeights(sheetOf([[{ value: text, style: "label" }]], [38]))).toEqual([27.5]);
  });

  test("a merged cell across columns wraps in their widths together; a column without a width counts 8.43", () => {
    const text = "words ".repeat(12).trim(); // 12 words of 4.96 each: two to a line of 10, one to a line of 8.43
    const alone = estimateRowHeights(sheetOf([[{ value: text, style: "wrap" }]], [10]))[0];
    const merged = estimateRowHeights(sheetOf([[{ value: text, style: "wrap" }]], [10, 30], [{ top: 0, left: 0, bottom: 0, right: 1 }]))[0];
    const unset = estimateRowHeights(sheetOf([[{ value: text, style: "wrap" }]]))[0];
    expect(alone).toBeGreaterThan(merged);
    expect(merged).toBe(27.5); // two lines of 10pt table text
    expect(unset).toBeGreaterThan(alone);
  });

  test("a cell merged down rows that already have the height adds nothing; the shortfall goes to the last row", () => {
    const tall = { value: "word ".repeat(30), style: "wrap" as const };
    const enough = estimateRowHeights(sheetOf([[{ value: "a", style: "text" }, tall], [null, tall], [{ value: "short", style: "wrap" }]], [10, 10], [{ top: 0, left: 0, bottom: 2, right: 0 }]));
    expect(enough[0]).toBe(enough[1]);
    expect(enough[2]).toBe(15);
    const short = estimateRowHeights(sheetOf([[tall], [null], [null]], [10], [{ top: 0, left: 0, bottom: 2, right: 0 }]));
    expect(short.slice(0, 2)).toEqual([15, 15]);
    expect(short[0] + short[1] + short[2]).toBeGreaterThanOrEqual(estimateRowHeights(sheetOf([[tall]], [10]))[0]);
  });
});
