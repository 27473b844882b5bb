/** The column map the officer corrects, kept in the workbook beside the history, read by every command. */
import { checkWorkbook, columnMapCommand, refreshCommand, saveColumnMapEdits, workbookState } from "../../../src/core/commands";
import { gridsAfterEdits, ownedPurpose } from "../../../src/core/edits";
import type { Grid } from "../../../src/core/grid";
import { DEFAULT_SETTINGS } from "../../../src/core/model";
import { parseColumnMap, readColumnMaps } from "../../../src/core/read";
import { grid } from "../../helpers/grid";

const OPTIONS = { asOf: "2010-06-01", today: "2010-06-01", settings: DEFAULT_SETTINGS };

/** A sheet whose headings the reader cannot place: Topic | Latest | Person responsible | Month. */
const plan = (): Grid =>
  grid("Plan", [
    ["Topic", "Latest", "Person responsible", "Month"],
    ["Hold a summit", "Venue booked", "Ann", "Sep 2010"],
    ["Write the plan", "Draft out", "Bob", "Mar 2011"],
  ]);

const saved = (grids: Grid[], sheet: string, text: string | null): Grid[] => {
  const edits = saveColumnMapEdits(grids, sheet, text === null ? null : parseColumnMap(text));
  return gridsAfterEdits(grids, edits.sheets, edits.owned);
};

describe("a column map kept in the workbook", () => {
  test("before: the sheet is not a plan; after saving a map, every check reads it", () => {
    expect(checkWorkbook([plan()], OPTIONS).sheets[0].sheet.notPlan).not.toBeNull();
    const after = saved([plan()], "Plan", "Action=A, Progress comments=B, Lead=C, Time-scale=D");
    const history = after.find((g) => ownedPurpose(g) === "history");
    expect(history && readColumnMaps(history)).toEqual({ Plan: { columns: { action: 0, comments: 1, lead: 2, timescale: 3 } } });
    const s = checkWorkbook(after, OPTIONS).sheets[0];
    expect(s.sheet.notPlan).toBeNull();
    expect(s.actions.map((a) => [a.action.action.text, a.deadline.deadline, a.action.lead.text])).toEqual([
      ["Hold a summit", "2010-09-30", "Ann"],
      ["Write the plan", "2011-03-31", "Bob"],
    ]);
  });

  test("a refresh writes the history again and keeps the map beside it", () => {
    const withMap = saved([plan()], "Plan", "Action=A, Progress comments=B, Lead=C, Time-scale=D");
    const r = refreshCommand(withMap, OPTIONS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const after = gridsAfterEdits(withMap, r.edits.sheets, r.edits.owned);
    expect(workbookState(after).columnMaps).toEqual({ Plan: { columns: { action: 0, comments: 1, lead: 2, timescale: 3 } } });
    expect(workbookState(after).history).toHaveLength(2);
  });

  test("the command line's map wins over the workbook's; a map can be cleared", () => {
    const withMap = saved([plan()], "Plan", "Action=B, Time-scale=D");
    const cli = checkWorkbook(withMap, { ...OPTIONS, settings: { ...DEFAULT_SETTINGS, columnMaps: { "*": parseColumnMap("Action=A, Time-scale=D") } } });
    expect(cli.sheets[0].actions.map((a) => a.action.action.text)).toEqual(["Hold a summit", "Write the plan"]);
    const cleared = saved(withMap, "Plan", null);
    expect(workbookState(cleared).columnMaps).toEqual({});
  });

  test("a sheet marked not a plan is left alone by Refresh", () => {
    const other = grid("Sheet2", [["Ref", "Action", "Time-scale", "Lead"], ["1.1", "Do it", "2011", "Ann"]]);
    const grids = saved([plan(), other], "Sheet2", "plan=no");
    const check = checkWorkbook(grids, OPTIONS);
    expect(check.sheets.find((s) => s.sheet.name === "Sheet2")?.sheet.notPlan).toBe("set as not a plan sheet in the column map");
    expect(refreshCommand(grids, OPTIONS).ok).toBe(false);
  });

  test("a map typed by hand into something unreadable is ignored, never a crash", () => {
    const history = grid("RAG History", [["As of", "Sheet", "Ref", "Status", "Timescale", null, "Sheet (column map)", "Column map"], [null, null, null, null, null, null, "Plan", "Action"]]);
    expect(readColumnMaps(history)).toEqual({});
  });
});

describe("columnMapCommand", () => {
  test("what it writes, what it says, and the check after", () => {
    const r = columnMapCommand([plan()], "Plan", parseColumnMap("Action=A, Progress comments=B, Lead=C, Time-scale=D"), OPTIONS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.edits.sheets).toEqual([]);
    expect(r.edits.owned.map((o) => [o.name, o.visibility])).toEqual([["RAG History", "veryHidden"]]);
    expect(r.summary).toBe('The column map of "Plan" was saved in the workbook (Action=A, Time-scale=D, Lead responsibility=C, Progress comments=B). It now reads 2 actions.');
    expect(r.after.sheets[0].actions).toHaveLength(2);
    const cleared = columnMapCommand([plan()], "Plan", null, OPTIONS);
    expect(cleared.ok && cleared.summary).toMatch(/^The column map of "Plan" was cleared: its columns are read from its headings and content again\. It is not read as a plan sheet: /);
  });
});
