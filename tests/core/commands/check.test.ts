import { checkWorkbook, hasErrors, planGrids } from "../../../src/core/commands";
import { OWNED_MARKER_COL, ownedMarker } from "../../../src/core/edits";
import { DEFAULT_SETTINGS, type Issue, type SheetAssessment } from "../../../src/core/model";
import { grid, HEADER } from "../../helpers/grid";

const OPTIONS = { asOf: null, today: "2009-05-13", settings: DEFAULT_SETTINGS };

function ownedGrid(name: string, purpose: Parameters<typeof ownedMarker>[0]) {
  const row: (string | undefined)[] = [];
  row[OWNED_MARKER_COL] = ownedMarker(purpose);
  return grid(name, [row]);
}

describe("planGrids", () => {
  const plan = grid("Plan", [HEADER]);
  const notes = grid("Notes", [["notes"]]);
  const hidden = { ...grid("Hidden", [HEADER]), visible: false };
  const shown = { ...grid("Shown", [HEADER]), visible: true };
  const board = ownedGrid("Board Report", "board-report");
  const history = ownedGrid("RAG History", "history");

  test("visible sheets of the officers', in workbook order; hidden and owned sheets left out", () => {
    expect(planGrids([notes, hidden, plan, board, shown, history], []).map((g) => g.name)).toEqual(["Notes", "Plan", "Shown"]);
  });

  test("sheets the officer excluded, whatever the case of the name", () => {
    expect(planGrids([notes, plan, shown], ["notes", "SHOWN", "No such sheet"]).map((g) => g.name)).toEqual(["Plan"]);
  });
});

describe("checkWorkbook", () => {
  test("each plan sheet read and assessed; the grids of the plan sheets kept by name", () => {
    const plan = grid("Plan", [["Progress report updated 13th May 2009"], HEADER, ["1.1.1", "Act", "March 2009", "Ann"], ["1.1.2", "Act", "2011", "Bob"]]);
    const check = checkWorkbook([plan, ownedGrid("RAG History", "history")], { ...OPTIONS, today: "2026-11-24" });
    expect(check.asOf).toBeNull();
    expect(check.sheets.map((s) => [s.sheet.name, s.asOf])).toEqual([["Plan", "2009-05-13"]]);
    expect(check.sheets[0].actions.map((a) => [a.action.ref, a.rag])).toEqual([
      ["1.1.1", "red"],
      ["1.1.2", "not-reported"],
    ]);
    expect([...check.grids.keys()]).toEqual(["Plan"]);
    expect(check.grids.get("Plan")).toBe(plan);
  });

  test("a chosen as-of date is every sheet's", () => {
    const plan = grid("Plan", [["Progress report updated 13th May 2009"], HEADER, ["1.1.1", "Act", "March 2009", "Ann"]]);
    const check = checkWorkbook([plan], { ...OPTIONS, asOf: "2009-03-01" });
    expect(check.asOf).toBe("2009-03-01");
    expect(check.sheets[0].asOf).toBe("2009-03-01");
    expect(check.sheets[0].actions[0].rag).toBe("amber");
  });

  test("excluded sheets are not checked", () => {
    const check = checkWorkbook([grid("Plan", [HEADER, ["1.1.1", "Act", "2010", "Ann"]]), grid("Old plan", [HEADER, ["1.1.1", "Act", "2010", "Ann"]])], { ...OPTIONS, settings: { ...DEFAULT_SETTINGS, excludedSheets: ["old plan"] } });
    expect(check.sheets.map((s) => s.sheet.name)).toEqual(["Plan"]);
  });

  test("a sheet with no table: listed with no actions and an issue saying so", () => {
    const check = checkWorkbook([grid("Notes", [["Just some notes"], ["and more"]])], OPTIONS);
    expect(check.sheets[0].actions).toEqual([]);
    expect(check.sheets[0].issues.map((i) => [i.code, i.severity])).toEqual([["no-table", "error"]]);
  });

  test("beside a plan sheet, a sheet with no table is a warning, and hidden and owned sheets are skipped", () => {
    const plan = grid("Plan", [HEADER, ["1.1.1", "Act", "2010", "Ann"]]);
    const notes = grid("Notes", [["notes"]]);
    const hidden = { ...grid("Hidden", [HEADER]), visible: false };
    const ownedRow: (string | undefined)[] = [];
    ownedRow[25] = "action-plan-rag:board-report";
    const owned = grid("Board Report", [ownedRow]);
    const check = checkWorkbook([plan, notes, hidden, owned], OPTIONS);
    expect(check.sheets.map((s) => s.sheet.name)).toEqual(["Plan", "Notes"]);
    expect(check.sheets[1].issues[0]).toMatchObject({ code: "no-table", severity: "warning" });
  });

  test("a workbook of hidden and owned sheets only: no sheet to check", () => {
    const check = checkWorkbook([{ ...grid("Hidden", [HEADER]), visible: false }, ownedGrid("By Lead", "by-lead")], OPTIONS);
    expect(check.sheets).toEqual([]);
    expect(check.grids.size).toBe(0);
  });
});

describe("hasErrors", () => {
  const withIssues = (...severities: Issue["severity"][]): Pick<SheetAssessment, "issues"> => ({
    issues: severities.map((severity) => ({ code: "lead-missing", severity, sheet: "Plan", cell: "D2", message: "", hint: "" })),
  });

  test("true when any issue of any sheet is an error; warnings and notes are not", () => {
    expect(hasErrors({ sheets: [] })).toBe(false);
    expect(hasErrors({ sheets: [withIssues("warning", "info")] as SheetAssessment[] })).toBe(false);
    expect(hasErrors({ sheets: [withIssues("info"), withIssues("warning", "error")] as SheetAssessment[] })).toBe(true);
  });

  test("on a checked workbook: a duplicated ref is an error, a missing lead is not", () => {
    expect(hasErrors(checkWorkbook([grid("Plan", [HEADER, ["1.1.1", "One", "2010", "Ann"], ["1.1.1", "Two", "2010", "Bob"]])], OPTIONS))).toBe(true);
    expect(hasErrors(checkWorkbook([grid("Plan", [HEADER, ["1.1.1", "One", "2010", ""]])], OPTIONS))).toBe(false);
  });
});
