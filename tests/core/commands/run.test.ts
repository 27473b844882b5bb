import { addColumnsCommand, checkCommand, checkSummary, checkWorkbook, reportCommand, refreshCommand } from "../../../src/core/commands";
import { gridsAfterEdits } from "../../../src/core/edits";
import { textAt } from "../../../src/core/grid";
import { DEFAULT_SETTINGS } from "../../../src/core/model";
import { grid, HEADER } from "../../helpers/grid";

const OPTIONS = { asOf: null, today: "2026-11-24", settings: DEFAULT_SETTINGS };

/** A plan at 13 May 2009: 1.1.1 late (Red), 1.1.2 far off and not reported on. */
const plan = () => grid("Plan", [["Progress report updated 13th May 2009"], HEADER, ["1.1.1", "Act", "March 2009", "Ann"], ["1.1.2", "Act", "2011", "Bob"]]);
const notes = () => grid("Notes", [["notes"]]);

describe("checkSummary", () => {
  test("sheets, actions, the as-of date, counts, and the errors and warnings to look at", () => {
    expect(checkSummary(checkWorkbook([plan()], OPTIONS))).toBe("Checked 1 plan sheet: 2 actions as of 13 May 2009 (Red 1, Not reported 1); 0 errors and 1 warning to look at.");
  });

  test("a sheet without problems has nothing to fix; several as-of dates are not named", () => {
    const tidy = grid("Tidy", [[...HEADER, "Progress", "RAG", "Comments"], ["1.1.1", "Act", "2030", "Ann", "", "", "", "On track", "", "going well"]]);
    expect(checkSummary(checkWorkbook([tidy], OPTIONS))).toBe("Checked 1 plan sheet: 1 action as of 24 Nov 2026 (Green 1); nothing to fix.");
    expect(checkSummary(checkWorkbook([plan(), tidy], OPTIONS))).toBe("Checked 2 plan sheets: 3 actions (Red 1, Green 1, Not reported 1); 0 errors and 1 warning to look at.");
  });

  test("no plan sheet at all", () => {
    expect(checkSummary(checkWorkbook([{ ...plan(), visible: false }], OPTIONS))).toBe("No plan sheet was found: every sheet is hidden, excluded or one of the add-in's own.");
  });

  test("checkCommand: the check and its summary", () => {
    const { check, summary } = checkCommand([plan(), notes()], OPTIONS);
    expect(check.sheets.map((s) => s.sheet.name)).toEqual(["Plan", "Notes"]);
    expect(summary).toBe("Checked 2 plan sheets: 2 actions (Red 1, Not reported 1); 0 errors and 1 warning to look at.");
  });
});

describe("refreshCommand", () => {
  test("the statuses and the history to write, and the check as it will be after", () => {
    const r = refreshCommand([plan(), notes()], OPTIONS);
    if (!r.ok) throw new Error(r.summary);
    expect(r.edits.sheets.map((s) => [s.sheet, s.cells.map((c) => `${c.row}:${c.col} ${c.value}`)])).toEqual([["Plan", ["1:7 Progress", "1:8 RAG", "2:8 Red", "3:8 Not reported"]]]);
    expect(r.edits.owned.map((s) => [s.name, s.purpose])).toEqual([["RAG History", "history"]]);
    expect(r.summary).toBe("RAG refreshed for 2 actions on 1 sheet, as of 13 May 2009: Red 1, Not reported 1.");
    expect(r.counts).toEqual({ red: 1, amber: 0, green: 0, blue: 0, "not-reported": 1, closed: 0 });
    // after: the columns are on the sheet, the history sheet is the product's and no plan sheet
    expect(r.after.sheets.map((s) => s.sheet.name)).toEqual(["Plan", "Notes"]);
    expect(r.after.sheets[0].issues.some((i) => i.code === "columns-absent")).toBe(false);
    expect(textAt(r.after.grids.get("Plan")!, 2, 8)).toBe("Red");
  });

  test("a status written in the action's row reads the same after the refresh adds an empty Progress column: the report and a second refresh agree", () => {
    const statuses = () => grid("Plan", [["Progress report updated 13th May 2009"], HEADER, ["1.1.1", "Act", "2011", "Ann", "Done"], ["1.1.2", "Act", "2011", "Bob", "Withdrawn"]]);
    const first = refreshCommand([statuses()], OPTIONS);
    if (!first.ok) throw new Error(first.summary);
    expect(first.counts).toMatchObject({ green: 1, closed: 1 });
    expect(first.after.sheets[0].actions.map((a) => a.rag)).toEqual(["green", "closed"]);
    const again = refreshCommand([first.after.grids.get("Plan")!], OPTIONS);
    if (!again.ok) throw new Error(again.summary);
    expect(again.counts).toEqual(first.counts);
    const report = reportCommand([statuses()], OPTIONS);
    expect(report.summary).toContain("Board report built on \"Board Report\" and \"By Lead\": 2 actions, Green 1, Closed 1.");
  });

  test("the check after is worked out when asked for, and once", () => {
    const r = refreshCommand([plan(), notes()], OPTIONS);
    if (!r.ok) throw new Error(r.summary);
    expect(Object.getOwnPropertyDescriptor(r, "after")?.get).toBeDefined();
    expect(r.after).toBe(r.after);
    expect(r.after).toEqual(checkWorkbook(gridsAfterEdits([plan(), notes()], r.edits.sheets, r.edits.owned), OPTIONS));
  });

  test("refused: nothing to write, the problems and the check as read", () => {
    const r = refreshCommand([{ ...plan(), protected: true }], OPTIONS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((i) => i.code)).toEqual(["sheet-protected"]);
    expect(r.summary).toMatch(/^Nothing was written\. "Plan": The sheet "Plan" is protected/);
    expect(r.check.sheets[0].sheet.protected).toBe(true);
  });
});

describe("reportCommand", () => {
  test("the refresh, then the board report planned on the plan as refreshed", () => {
    const r = reportCommand([plan()], OPTIONS);
    if (!r.ok) throw new Error(r.summary);
    expect(r.edits.owned.map((s) => [s.name, s.purpose])).toEqual([
      ["RAG History", "history"],
      ["Board Report", "board-report"],
      ["By Lead", "by-lead"],
    ]);
    expect(r.edits.sheets).toHaveLength(1);
    expect(r.summary).toBe('RAG refreshed for 2 actions on 1 sheet, as of 13 May 2009: Red 1, Not reported 1. Board report built on "Board Report" and "By Lead": 2 actions, Red 1, Not reported 1.');
    expect(r.after.sheets.map((s) => s.sheet.name)).toEqual(["Plan"]);
  });

  test("refused: the summary says the report needs the refresh first, and why it could not be done", () => {
    const r = reportCommand([notes()], OPTIONS);
    expect(r.ok).toBe(false);
    expect(r.summary).toBe(
      "The board report needs the statuses refreshed first, and nothing was written: no plan sheet with actions was found. Check layout shows what the product looks for (a header row with Ref, Action, Time-scale and Lead responsibility).",
    );
  });
});

describe("addColumnsCommand", () => {
  test("the two headings and the Progress dropdown, no status and no status colours", () => {
    const r = addColumnsCommand([plan()], "Plan", OPTIONS);
    if (!r.ok) throw new Error(r.summary);
    const [edits] = r.edits.sheets;
    expect(edits.cells.map((c) => `${c.row}:${c.col} ${c.value}`)).toEqual(["1:7 Progress", "1:8 RAG"]);
    expect(edits.ragAreas).toEqual([]);
    expect(edits.ragFormatScope).toEqual([]);
    expect(edits.progressAreas).toEqual([{ top: 2, left: 7, bottom: 3, right: 7 }]);
    expect(r.edits.owned).toEqual([]);
    expect(r.counts).toBeNull();
    expect(r.summary).toBe('Added Progress in H2, RAG in I2 on "Plan", with the Progress dropdown on its 2 actions. Refresh RAG fills in the statuses.');
    expect(r.after.sheets[0].issues.some((i) => i.code === "columns-absent")).toBe(false);
  });

  test("columns there already: the dropdown only, and a summary saying so", () => {
    const g = grid("Plan", [[...HEADER, "Progress", "RAG"], ["1.1.1", "Act", "2011", "Ann"]]);
    const r = addColumnsCommand([g], "Plan", { ...OPTIONS, asOf: "2009-06-15" });
    if (!r.ok) throw new Error(r.summary);
    expect(r.edits.sheets[0].cells).toEqual([]);
    // no status is written, so no as-of date is taken
    expect(r.after.asOf).toBeNull();
    expect(r.summary).toBe('The Progress and RAG columns are already on "Plan"; the Progress dropdown was put on its 1 action.');
  });

  test("more than four headings: the first four named, the rest counted", () => {
    const rows = [HEADER, ["1.1.1", "Act", "2011", "Ann"], HEADER, ["1.1.2", "Act", "2011", "Bob"], HEADER, ["1.1.3", "Act", "2011", "Cy"]];
    const r = addColumnsCommand([grid("Plan", rows)], "Plan", OPTIONS);
    expect(r.summary).toBe('Added Progress in H1, RAG in I1, Progress in H3, RAG in I3 and 2 more headings on "Plan", with the Progress dropdown on its 3 actions. Refresh RAG fills in the statuses.');
  });

  test("a sheet that is not a plan sheet, or one that cannot be written: refused", () => {
    const hidden = addColumnsCommand([{ ...plan(), visible: false }], "Plan", OPTIONS);
    expect(hidden).toMatchObject({
      ok: false,
      problems: [],
      summary: '"Plan" is not one of the plan sheets (it is hidden, excluded in the settings, or one of the add-in\'s own sheets). Nothing was written.',
    });
    const locked = addColumnsCommand([{ ...plan(), protected: true }], "Plan", OPTIONS);
    expect(locked.ok).toBe(false);
    expect(!locked.ok && locked.problems.map((i) => i.code)).toEqual(["sheet-protected"]);
  });
});
