import { actionsByTable, OUTPUT_HEADINGS, planColumns } from "../../../src/core/assess";
import { grid, HEADER } from "../../helpers/grid";
import { action, planSheet, SEED_COLUMNS, table } from "../../helpers/plan";

/** A sheet of the seed layout: a header row (A-G) at each given row, one action in the row below each. */
function seedSheet(headerRows: number[], columns = headerRows.map(() => SEED_COLUMNS)) {
  const tables = headerRows.map((r, i) => table(r, columns[i]));
  const actions = tables.map((t, i) => action("Plan", t, t.row + 1, { ref: `1.1.${i + 1}` }));
  return planSheet("Plan", { tables, actions });
}

describe("planColumns", () => {
  test("a table with neither column: Progress then RAG added right of it, a heading each, nothing in the way", () => {
    const sheet = seedSheet([4]);
    const plan = planColumns(sheet, grid("Plan", [[], [], [], [], HEADER, ["1.1.1", "Act", "2010", "Ann"]]));
    expect(plan.added).toEqual({ progress: 7, rag: 8 });
    expect(plan.created).toEqual({ progress: 7, rag: 8 });
    expect(plan.headers).toEqual([
      { row: 4, col: 7, text: "Progress" },
      { row: 4, col: 8, text: "RAG" },
    ]);
    expect(plan.blocked).toEqual([]);
    expect(plan.columnOf(sheet.tables[0], "progress")).toBe(7);
    expect(plan.columnOf(sheet.tables[0], "rag")).toBe(8);
  });

  test("both columns on every table: nothing added, no heading to write", () => {
    const sheet = seedSheet([0], [{ ...SEED_COLUMNS, progress: 7, rag: 8 }]);
    const plan = planColumns(sheet, grid("Plan", [[...HEADER, "Progress", "RAG"], ["1.1.1", "Act", "2010", "Ann", "", "", "", "Typed", "Red"]]));
    expect(plan).toMatchObject({ added: {}, created: {}, headers: [], blocked: [] });
    expect(plan.columnOf(sheet.tables[0], "rag")).toBe(8);
  });

  test("one table of two has a Progress column (in H): the other gets H too, and RAG is new in I", () => {
    const sheet = seedSheet([0, 3], [{ ...SEED_COLUMNS, progress: 7 }, SEED_COLUMNS]);
    const plan = planColumns(sheet, grid("Plan", []));
    expect(plan.added).toEqual({ progress: 7, rag: 8 });
    expect(plan.created).toEqual({ rag: 8 });
    expect(plan.headers).toEqual([
      { row: 0, col: 8, text: "RAG" },
      { row: 3, col: 7, text: "Progress" },
      { row: 3, col: 8, text: "RAG" },
    ]);
    const [first, second] = sheet.tables;
    expect([plan.columnOf(first, "progress"), plan.columnOf(second, "progress")]).toEqual([7, 7]);
  });

  test("a RAG column standing beyond the headings (in J) is reused by the table without one; Progress is new after it", () => {
    const sheet = seedSheet([0, 3], [{ ...SEED_COLUMNS, rag: 9 }, SEED_COLUMNS]);
    const plan = planColumns(sheet, grid("Plan", []));
    expect(plan.added).toEqual({ progress: 10, rag: 9 });
    expect(plan.created).toEqual({ progress: 10 });
  });

  test("a column beyond the last heading counts as the table's right edge: what is added goes after it", () => {
    const t = { ...table(0, { ...SEED_COLUMNS, rag: 9 }), lastCol: 6 };
    const plan = planColumns(planSheet("Plan", { tables: [t], actions: [action("Plan", t, 1, { ref: "1.1.1" })] }), grid("Plan", []));
    expect(plan.added).toEqual({ progress: 10 });
  });

  test("cells in the way: text in a heading or action cell, or a cell inside a merged area", () => {
    const sheet = seedSheet([0, 3]);
    const long = "Notes the officer keeps here, far longer than forty characters in all";
    const g = grid(
      "Plan",
      [
        [...HEADER, "", "  "],
        ["1.1.1", "Act", "2010", "Ann", "", "", "", "my notes"],
        ["", "", "", "", "", "", "", "", "a comment row is not in the way"],
        [...HEADER],
        ["1.1.2", "Act", "2010", "Ann", "", "", "", "", long],
      ],
      { merges: [{ top: 3, left: 6, bottom: 3, right: 7 }] },
    );
    const plan = planColumns(sheet, g);
    expect(plan.blocked).toEqual([
      { row: 1, col: 7, role: "progress", text: "my notes", address: "H2" },
      { row: 3, col: 7, role: "progress", text: "", address: "H4" },
      { row: 4, col: 8, role: "rag", text: long, address: "I5" },
    ]);
  });

  test("a sheet without tables: nothing to add", () => {
    const plan = planColumns(planSheet("Notes"), grid("Notes", [["notes"]]));
    expect(plan).toMatchObject({ added: {}, created: {}, headers: [], blocked: [] });
  });

  test("the headings the product writes", () => {
    expect(OUTPUT_HEADINGS).toEqual({ progress: "Progress", rag: "RAG" });
  });
});

describe("actionsByTable", () => {
  test("each table's actions in sheet order; a table without actions has no entry", () => {
    const [a, b, c] = [table(0), table(5), table(9)];
    const actions = [action("Plan", a, 1, { ref: "1.1.1" }), action("Plan", a, 2, { ref: "1.1.2" }), action("Plan", b, 6, { ref: "2.1.1" })];
    const map = actionsByTable(planSheet("Plan", { tables: [a, b, c], actions }));
    expect(map.get(a)?.map((x) => x.ref)).toEqual(["1.1.1", "1.1.2"]);
    expect(map.get(b)?.map((x) => x.ref)).toEqual(["2.1.1"]);
    expect(map.has(c)).toBe(false);
  });
});
