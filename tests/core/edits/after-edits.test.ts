import { gridsAfterEdits, type OwnedSheet, type SheetEdits } from "../../../src/core/edits";
import { cellAt, textAt } from "../../../src/core/grid";
import { grid } from "../../helpers/grid";

function edits(sheet: string, cells: SheetEdits["cells"]): SheetEdits {
  return { sheet, cells, ragAreas: [], ragFormatScope: [], progressAreas: [], progressChoices: [], columnWidths: [] };
}

function owned(name: string, rows: OwnedSheet["rows"], visibility: OwnedSheet["visibility"] = "visible"): OwnedSheet {
  return { purpose: "board-report", name, visibility, rows, columnWidths: [], merges: [{ top: 0, left: 0, bottom: 0, right: 3 }], ragAreas: [], freezeRows: 0, printTitleRows: null, landscape: true };
}

describe("gridsAfterEdits: the plan sheets", () => {
  const plan = grid("Plan", [["Ref", "Action"], ["1.1.1", "Act", "old"]], { merges: [{ top: 5, left: 0, bottom: 5, right: 3 }], hiddenRows: [1], protected: false });
  const other = grid("Other", [["notes"]]);

  test("each write lands as a text cell; an empty value clears the cell", () => {
    const [after] = gridsAfterEdits([plan], [edits("Plan", [{ row: 0, col: 2, value: "RAG" }, { row: 1, col: 2, value: "" }, { row: 1, col: 3, value: "Red", formatFrom: { row: 1, col: 1 } }])], []);
    expect(cellAt(after, 0, 2)).toEqual({ kind: "text", text: "RAG" });
    expect(cellAt(after, 1, 2).kind).toBe("empty");
    expect(after.rows[1][2]).toBeUndefined();
    expect(textAt(after, 1, 3)).toBe("Red");
    expect(textAt(after, 1, 1)).toBe("Act");
  });

  test("a write below the last row makes the rows between it empty rows", () => {
    const [after] = gridsAfterEdits([plan], [edits("Plan", [{ row: 4, col: 1, value: "Green" }])], []);
    expect(after.rows).toHaveLength(5);
    expect(after.rows[2]).toEqual([]);
    expect(after.rows[3]).toEqual([]);
    expect(textAt(after, 4, 1)).toBe("Green");
  });

  test("the name, merges, hidden rows and protection are kept; the grid read is not changed", () => {
    const before = JSON.stringify(plan);
    const [after] = gridsAfterEdits([plan], [edits("Plan", [{ row: 1, col: 2, value: "Amber" }])], []);
    expect(after).toMatchObject({ name: "Plan", merges: plan.merges, hiddenRows: [1], protected: false });
    expect(JSON.stringify(plan)).toBe(before);
    expect(after.rows[0]).toBe(plan.rows[0]);
  });

  test("sheets without edits come through as they are, in their order", () => {
    const out = gridsAfterEdits([other, plan], [edits("Plan", [{ row: 0, col: 2, value: "RAG" }])], []);
    expect(out.map((g) => g.name)).toEqual(["Other", "Plan"]);
    expect(out[0]).toBe(other);
    expect(gridsAfterEdits([plan], [], [])[0]).toBe(plan);
  });
});

describe("gridsAfterEdits: the owned sheets", () => {
  const sheet = owned("Board Report", [
    [{ value: "Board report", style: "title" }, null, { value: "" }],
    [{ value: "2009-05-13", isDate: true, style: "date" }, { value: 21, style: "number" }, { value: 0.25, style: "percent" }],
    [{ value: "2009-05-13" }],
  ]);

  test("read as the reader would read them: text, numbers, dates shown as a day; empty values and nulls empty", () => {
    const [g] = gridsAfterEdits([], [], [sheet]);
    expect(g).toMatchObject({ name: "Board Report", merges: sheet.merges, hiddenRows: [], protected: false, visible: true });
    expect(g.rows[0]).toEqual([{ kind: "text", text: "Board report" }, undefined, undefined]);
    expect(g.rows[1]).toEqual([
      { kind: "date", text: "13 May 2009", date: "2009-05-13" },
      { kind: "number", text: "21", number: 21 },
      { kind: "number", text: "0.25", number: 0.25 },
    ]);
    // an ISO day not marked as a date stays text
    expect(g.rows[2]).toEqual([{ kind: "text", text: "2009-05-13" }]);
  });

  test("an owned sheet replaces the grid of its name, else it is added at the end; a very hidden one is not visible", () => {
    const old = grid("Board Report", [["stale"]]);
    const history = owned("RAG History", [[{ value: "As of" }]], "veryHidden");
    const out = gridsAfterEdits([old, grid("Plan", [])], [], [sheet, history]);
    expect(out.map((g) => g.name)).toEqual(["Board Report", "Plan", "RAG History"]);
    expect(textAt(out[0], 0, 0)).toBe("Board report");
    expect(out[2].visible).toBe(false);
  });
});
