import {
  areaAddress,
  areasIntersect,
  cellAddress,
  cellAt,
  cellKey,
  cellText,
  columnCount,
  columnIndex,
  columnLetter,
  EMPTY_CELL,
  mergedCellTest,
  mergeIndex,
  numberAsShown,
  dateAsShown,
  dateShownAs,
  parseArea,
  refCellOf,
  textAt,
  tidyText,
  UNTIDY_SPACE,
  type Cell,
} from "../../../src/core/grid";
import { grid } from "../../helpers/grid";

const text = (t: string): Cell => ({ kind: "text", text: t });

describe("cells of a grid", () => {
  const g = grid("Plan", [["Ref", "Action"], [], ["3.1.1", "", " Develop  strategy "]]);

  test("cellAt: the cell, or the empty cell beyond the rows, beyond a row's end, or in a gap", () => {
    expect(cellAt(g, 0, 1)).toEqual(text("Action"));
    expect(cellAt(g, 1, 0)).toBe(EMPTY_CELL);
    expect(cellAt(g, 2, 1)).toBe(EMPTY_CELL);
    expect(cellAt(g, 0, 9)).toBe(EMPTY_CELL);
    expect(cellAt(g, 99, 0)).toBe(EMPTY_CELL);
    expect(EMPTY_CELL).toEqual({ kind: "empty", text: "" });
    expect(Object.isFrozen(EMPTY_CELL)).toBe(true);
  });

  test("textAt: the tidied text, empty where there is no cell", () => {
    expect(textAt(g, 2, 2)).toBe("Develop strategy");
    expect(textAt(g, 2, 0)).toBe("3.1.1");
    expect(textAt(g, 1, 5)).toBe("");
  });

  test("columnCount: the widest row; 0 for a grid without rows", () => {
    expect(columnCount(g)).toBe(3);
    expect(columnCount(grid("Empty", []))).toBe(0);
    expect(columnCount(grid("Rows", [[], []]))).toBe(0);
    expect(columnCount(grid("Ragged", [["a"], ["a", "b", "c", "d"], ["a", "b"]]))).toBe(4);
  });
});

describe("cellText", () => {
  test("runs of white space, tabs and line breaks become one space; the ends are trimmed", () => {
    expect(cellText(text("  Develop\n\ncommunications\tstrategy  "))).toBe("Develop communications strategy");
    expect(cellText(text("Asst.\r\nDirector"))).toBe("Asst. Director");
    expect(cellText(text("no\u00a0break"))).toBe("no break");
  });

  test("tidy text is returned as it is", () => {
    expect(cellText(text("Ann Smith"))).toBe("Ann Smith");
    expect(cellText({ kind: "number", text: "40000", number: 40000 })).toBe("40000");
    expect(cellText({ kind: "error", text: "#REF!" })).toBe("#REF!");
  });

  test("no text for no cell or an empty one (whatever its text says)", () => {
    expect(cellText(undefined)).toBe("");
    expect(cellText({ kind: "empty", text: "stale" })).toBe("");
    expect(cellText(text("   "))).toBe("");
  });

  test("tidyText is cellText of a cell that is not empty (the reader's row buffer uses it after its own look at the kind)", () => {
    for (const t of ["  Develop\n\ncommunications\tstrategy  ", "Ann Smith", "   ", "no\u00a0break", ""]) expect(tidyText(t)).toBe(cellText(text(t)));
  });

  test("UNTIDY_SPACE finds exactly what cellText would change", () => {
    for (const t of ["a  b", " a", "a ", "a\tb", "a\nb", "a\u00a0b"]) expect(UNTIDY_SPACE.test(t)).toBe(true);
    for (const t of ["a b", "a", "", "Ann Smith (PCT)"]) expect(UNTIDY_SPACE.test(t)).toBe(false);
  });
});

describe("column letters and addresses", () => {
  test.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s, and back", (col, letters) => {
    expect(columnLetter(col)).toBe(letters);
    expect(columnIndex(letters)).toBe(col);
  });

  test("every column of a worksheet, the first ones made once and the rest worked out, reads back to its index", () => {
    let wrong = 0;
    for (let col = 0; col < 16384; col++) if (columnIndex(columnLetter(col)) !== col) wrong++;
    expect(wrong).toBe(0);
    expect([columnLetter(103), columnLetter(104)]).toEqual(["CZ", "DA"]);
  });

  test("columnIndex reads lower case", () => {
    expect(columnIndex("h")).toBe(7);
    expect(columnIndex("aa")).toBe(26);
  });

  test("cellAddress is 1-based in rows", () => {
    expect(cellAddress(0, 0)).toBe("A1");
    expect(cellAddress(17, 2)).toBe("C18");
    expect(cellAddress(9, 27)).toBe("AB10");
  });

  test("areaAddress: one cell alone, else the corners", () => {
    expect(areaAddress({ top: 4, left: 7, bottom: 4, right: 7 })).toBe("H5");
    expect(areaAddress({ top: 4, left: 7, bottom: 8, right: 7 })).toBe("H5:H9");
    expect(areaAddress({ top: 2, left: 1, bottom: 2, right: 6 })).toBe("B3:G3");
  });

  test("refCellOf: the ref column of the action's row, else the table's first column", () => {
    expect(refCellOf({ row: 17, table: { columns: { ref: 0 }, firstCol: 0 } })).toBe("A18");
    expect(refCellOf({ row: 17, table: { columns: { ref: 1 }, firstCol: 0 } })).toBe("B18");
    expect(refCellOf({ row: 4, table: { columns: {}, firstCol: 2 } })).toBe("C5");
  });
});

describe("parseArea", () => {
  test("a range, a single cell, absolute references and a sheet prefix", () => {
    expect(parseArea("B3:G3")).toEqual({ top: 2, left: 1, bottom: 2, right: 6 });
    expect(parseArea("C7")).toEqual({ top: 6, left: 2, bottom: 6, right: 2 });
    expect(parseArea("$A$1:$B$2")).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
    expect(parseArea("Prevention!H28:H59")).toEqual({ top: 27, left: 7, bottom: 58, right: 7 });
    expect(parseArea("'Provision of Services'!$I$5")).toEqual({ top: 4, left: 8, bottom: 4, right: 8 });
    expect(parseArea("'a!b'!C7")).toEqual({ top: 6, left: 2, bottom: 6, right: 2 });
  });

  test("lower case, spaces around it, and corners given the other way round", () => {
    expect(parseArea(" c7 ")).toEqual({ top: 6, left: 2, bottom: 6, right: 2 });
    expect(parseArea("A01")).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
    expect(parseArea("G5:B3")).toEqual({ top: 2, left: 1, bottom: 4, right: 6 });
    expect(parseArea("B5:G3")).toEqual({ top: 2, left: 1, bottom: 4, right: 6 });
  });

  test("anything else is null", () => {
    for (const ref of ["", "A", "7", "A1:B", "ABCD1", "A1:B2:C3", "Sheet1!", "R1C1", "A-1", "A0", "A1:B0", "$A$0"]) expect(parseArea(ref)).toBeNull();
  });

  test("areaAddress reads back through parseArea", () => {
    for (const a of [
      { top: 0, left: 0, bottom: 0, right: 0 },
      { top: 27, left: 7, bottom: 58, right: 8 },
      { top: 1048575, left: 16383, bottom: 1048575, right: 16383 },
    ]) {
      expect(parseArea(areaAddress(a))).toEqual(a);
    }
  });
});

describe("areasIntersect", () => {
  const a = { top: 2, left: 2, bottom: 4, right: 4 };
  test.each([
    ["the same area", a, true],
    ["a cell inside", { top: 3, left: 3, bottom: 3, right: 3 }, true],
    ["an area around it", { top: 0, left: 0, bottom: 9, right: 9 }, true],
    ["sharing only a corner cell", { top: 4, left: 4, bottom: 6, right: 6 }, true],
    ["crossing it", { top: 3, left: 0, bottom: 3, right: 9 }, true],
    ["the next column", { top: 2, left: 5, bottom: 4, right: 5 }, false],
    ["the row above", { top: 1, left: 2, bottom: 1, right: 4 }, false],
    ["diagonally beside it", { top: 5, left: 5, bottom: 6, right: 6 }, false],
  ])("%s: %s", (_name, b, expected) => {
    expect(areasIntersect(a, b)).toBe(expected);
    expect(areasIntersect(b, a)).toBe(expected);
  });
});

describe("merged areas", () => {
  const g = grid("Plan", [], {
    merges: [
      { top: 10, left: 0, bottom: 10, right: 6 },
      { top: 2, left: 8, bottom: 4, right: 9 },
      { top: 6, left: 3, bottom: 6, right: 3 },
    ],
  });

  test("mergeIndex finds each area by its top-left cell only", () => {
    const index = mergeIndex(g);
    expect(index.get(cellKey(10, 0))).toEqual({ top: 10, left: 0, bottom: 10, right: 6 });
    expect(index.get(cellKey(2, 8))).toEqual({ top: 2, left: 8, bottom: 4, right: 9 });
    expect(index.get(cellKey(10, 1))).toBeUndefined();
    expect(index.get(cellKey(3, 9))).toBeUndefined();
    expect(index.size).toBe(3);
  });

  test("mergedCellTest: every cell of an area of two or more cells, none outside, and not a one-cell 'merge'", () => {
    const inMerge = mergedCellTest(g);
    expect([0, 3, 6].map((c) => inMerge(10, c))).toEqual([true, true, true]);
    expect(inMerge(10, 7)).toBe(false);
    expect(inMerge(9, 0)).toBe(false);
    expect(inMerge(11, 0)).toBe(false);
    expect([2, 3, 4].flatMap((r) => [8, 9].map((c) => inMerge(r, c)))).toEqual([true, true, true, true, true, true]);
    expect(inMerge(3, 7)).toBe(false);
    expect(inMerge(5, 8)).toBe(false);
    expect(inMerge(6, 3)).toBe(false);
    expect(mergedCellTest(grid("None", []))(0, 0)).toBe(false);
  });

  test("mergedCellTest from a column: areas reaching that column still count, areas wholly left of it are left out", () => {
    const fromH = mergedCellTest(g, 7);
    expect([2, 3, 4].map((r) => fromH(r, 8))).toEqual([true, true, true]);
    expect(fromH(10, 3)).toBe(false); // A11:G11 lies wholly left of H: not indexed (only H on is asked about)
    expect(mergedCellTest(g, 6)(10, 6)).toBe(true);
  });
});

test("a number in a percentage format reads as the cell shows it; any other number as typed", () => {
  expect(numberAsShown(0.75, "0%")).toBe("75%");
  expect(numberAsShown(1, "0%")).toBe("100%");
  expect(numberAsShown(0.125, "0.0%")).toBe("12.5%");
  expect(numberAsShown(0.4, '0%;[Red]-0%')).toBe("40%");
  expect(numberAsShown(0.75, "General")).toBe("0.75");
  expect(numberAsShown(40908, "0")).toBe("40908");
  expect(numberAsShown(0.75, '0.00" %pts"')).toBe("0.75");
  expect(numberAsShown(3, undefined)).toBe("3");
});

test.each([
  ["mmm-yy", "month"],
  ["mmmm yyyy", "month"],
  ["[$-809]mmmm yyyy;@", "month"],
  ["mm/yyyy", "month"],
  ['"Due "mmm yy', "month"],
  ["yyyy", "year"],
  ["dd/mm/yyyy", null],
  ["d-mmm-yy", null],
  ["dddd d mmmm yyyy", null],
  ["mmm-yy h:mm", null],
  ["h:mm", null],
  ["General", null],
  [null, null],
])("a date in the format %s shows its %s", (format, shown) => {
  expect(dateShownAs(format)).toBe(shown);
});

test("a date cell in a format that hides the day reads as the month or year it shows; other cells stay as they are", () => {
  const cell: Cell = { kind: "date", text: "1 Mar 2011", date: "2011-03-01", number: 40603, bold: true };
  expect(dateAsShown(cell, "mmm-yy")).toEqual({ ...cell, text: "Mar 2011", shownAs: "month" });
  expect(dateAsShown(cell, "yyyy")).toEqual({ ...cell, text: "2011", shownAs: "year" });
  expect(dateAsShown(cell, "dd/mm/yyyy")).toBe(cell);
  const number: Cell = { kind: "number", text: "40603", number: 40603 };
  expect(dateAsShown(number, "mmm-yy")).toBe(number);
});
