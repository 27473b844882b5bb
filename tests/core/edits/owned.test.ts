import { OWNED_MARKER_COL, OWNED_NAMES, ownedMarker, ownedPurpose, ownedSheetName } from "../../../src/core/edits";
import { columnLetter } from "../../../src/core/grid";
import { grid } from "../../helpers/grid";

/** A grid whose row 1 holds `text` in the given column (Z, the marker's, unless told). */
function marked(text: string, col = OWNED_MARKER_COL) {
  const row: (string | undefined)[] = [];
  row[0] = "Board report: Action plan";
  row[col] = text;
  return grid("Board Report", [row]);
}

describe("the owned marker", () => {
  test("sits in Z1 and names the sheet's purpose", () => {
    expect(columnLetter(OWNED_MARKER_COL)).toBe("Z");
    expect(ownedMarker("board-report")).toBe("action-plan-rag:board-report");
    expect(ownedMarker("by-lead")).toBe("action-plan-rag:by-lead");
    expect(ownedMarker("history")).toBe("action-plan-rag:history");
  });

  test("ownedPurpose reads each marker back", () => {
    for (const p of ["board-report", "by-lead", "history"] as const) expect(ownedPurpose(marked(ownedMarker(p)))).toBe(p);
    expect(ownedPurpose(marked(`  ${ownedMarker("history")}  `))).toBe("history");
  });

  test("the officers' own sheets: no marker, a marker elsewhere, another prefix or an unknown purpose", () => {
    expect(ownedPurpose(grid("Plan", [["Ref", "Action"]]))).toBeNull();
    expect(ownedPurpose(grid("Empty", []))).toBeNull();
    expect(ownedPurpose(marked(ownedMarker("history"), OWNED_MARKER_COL - 1))).toBeNull();
    expect(ownedPurpose(grid("Row 2", [[], [...Array<string>(OWNED_MARKER_COL).fill(""), ownedMarker("history")]]))).toBeNull();
    expect(ownedPurpose(marked("my-tool:history"))).toBeNull();
    expect(ownedPurpose(marked("action-plan-rag:summary"))).toBeNull();
    expect(ownedPurpose(marked("action-plan-rag:"))).toBeNull();
    expect(ownedPurpose(marked("action-plan-rag:toString"))).toBeNull();
    expect(ownedPurpose(marked("action-plan-rag:constructor"))).toBeNull();
  });
});

describe("ownedSheetName", () => {
  test("the usual name when it is free", () => {
    expect(OWNED_NAMES).toEqual({ "board-report": "Board Report", "by-lead": "By Lead", history: "RAG History" });
    expect(ownedSheetName("board-report", [{ name: "Prevention", purpose: null }])).toBe("Board Report");
    expect(ownedSheetName("history", [])).toBe("RAG History");
  });

  test("the usual name when the sheet there is already ours, whatever its case", () => {
    expect(ownedSheetName("board-report", [{ name: "board report", purpose: "board-report" }])).toBe("Board Report");
  });

  test("a numbered name when an officer's sheet holds it, in any case; the first name free or ours wins", () => {
    expect(ownedSheetName("board-report", [{ name: "Board Report", purpose: null }])).toBe("Board Report (2)");
    expect(ownedSheetName("board-report", [{ name: "BOARD REPORT", purpose: null }])).toBe("Board Report (2)");
    expect(ownedSheetName("by-lead", [{ name: "By Lead", purpose: null }, { name: "By Lead (2)", purpose: null }])).toBe("By Lead (3)");
    expect(ownedSheetName("by-lead", [{ name: "By Lead", purpose: null }, { name: "By Lead (2)", purpose: "by-lead" }])).toBe("By Lead (2)");
  });

  test("a sheet of the product's with another purpose is in the way too", () => {
    expect(ownedSheetName("history", [{ name: "RAG History", purpose: "board-report" }])).toBe("RAG History (2)");
  });
});
