import { workbookState } from "../../../src/core/commands";
import { historySheet, OWNED_MARKER_COL, ownedMarker } from "../../../src/core/edits";
import { grid, HEADER } from "../../helpers/grid";

function ownedGrid(name: string, purpose: Parameters<typeof ownedMarker>[0], rows: (string | undefined)[][] = []) {
  const first: (string | undefined)[] = [...(rows[0] ?? [])];
  first[OWNED_MARKER_COL] = ownedMarker(purpose);
  return grid(name, [first, ...rows.slice(1)]);
}

describe("workbookState", () => {
  test("every sheet's name, the product's own with their purpose", () => {
    const state = workbookState([grid("Plan", [HEADER]), ownedGrid("Board Report (2)", "board-report"), grid("Board Report", [["mine"]])]);
    expect(state.sheets).toEqual([
      { name: "Plan", purpose: null },
      { name: "Board Report (2)", purpose: "board-report" },
      { name: "Board Report", purpose: null },
    ]);
    expect(state.history).toEqual([]);
  });

  test("the history read from the product's history sheet, whatever its name; a sheet of the officers' named like it is not read", () => {
    const records = [
      { asOf: "2009-04-15", sheet: "Plan", ref: "1.1.1", rag: "amber" as const },
      { asOf: "2009-05-13", sheet: "Plan", ref: "1.1.1", rag: "red" as const },
    ];
    const written = historySheet("RAG History (2)", records);
    const rows = written.rows.map((r) => r.map((c) => (c ? String(c.value) : undefined)));
    const mine = grid("RAG History", [["As of", "Sheet", "Ref", "Status"], ["2009-01-01", "Plan", "1.1.1", "Green"]]);
    const state = workbookState([mine, grid("RAG History (2)", rows)]);
    expect(state.history).toEqual(records);
    expect(state.sheets.map((s) => s.purpose)).toEqual([null, "history"]);
  });
});
