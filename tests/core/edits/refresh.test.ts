import { assessSheet } from "../../../src/core/assess";
import { countsInWords, planRefresh, refreshProblems, rowRuns, type WorkbookState } from "../../../src/core/edits";
import type { Grid } from "../../../src/core/grid";
import { DEFAULT_SETTINGS, type PlanSheet, type Rag, type WorkbookCheck } from "../../../src/core/model";
import { grid } from "../../helpers/grid";
import { action, comment, planSheet, SEED_COLUMNS, table } from "../../helpers/plan";

const OPTIONS = { asOf: null, today: "2026-11-24", settings: DEFAULT_SETTINGS };
const EMPTY_STATE: WorkbookState = { sheets: [], history: [] };

function checkOf(...sheets: [PlanSheet, Grid?][]): WorkbookCheck {
  const pairs = sheets.map(([s, g]) => [s, g ?? grid(s.name, [])] as const);
  return { asOf: null, sheets: pairs.map(([s, g]) => assessSheet(s, g, OPTIONS)), grids: new Map(pairs.map(([s, g]) => [s.name, g])) };
}

const counts = (red: number, amber: number, green: number, blue: number, notReported: number): Record<Rag, number> => ({ red, amber, green, blue, "not-reported": notReported });

/** Two seed tables (A-G) on "Prevention", header rows 1 and 6: actions in rows 2, 3 and 7. */
function prevention(reportDate = "2009-05-13"): PlanSheet {
  const [t1, t2] = [table(0), table(5)];
  return planSheet("Prevention", {
    reportDate,
    tables: [t1, t2],
    actions: [
      action("Prevention", t1, 1, { ref: "3.1.1", timescale: "March 2009" }),
      action("Prevention", t1, 2, { ref: "Green 3.1.2", timescale: "2011", comments: [comment(3, 0, "fine")] }),
      action("Prevention", t2, 6, { ref: "4.1.1", timescale: "ongoing" }),
    ],
  });
}

describe("rowRuns", () => {
  test("consecutive rows make one area of the column; gaps start another; order and repeats do not matter", () => {
    expect(rowRuns([9, 3, 4, 5, 4, 12, 10], 8)).toEqual([
      { top: 3, left: 8, bottom: 5, right: 8 },
      { top: 9, left: 8, bottom: 10, right: 8 },
      { top: 12, left: 8, bottom: 12, right: 8 },
    ]);
    expect(rowRuns([], 0)).toEqual([]);
  });
});

describe("countsInWords", () => {
  test("Red first, statuses with none left out", () => {
    expect(countsInWords(counts(13, 2, 1, 0, 5))).toBe("Red 13, Amber 2, Green 1, Not reported 5");
    expect(countsInWords(counts(0, 0, 2, 1, 0))).toBe("Green 2, Blue 1");
    expect(countsInWords(counts(0, 0, 0, 0, 0))).toBe("no actions");
  });
});

describe("planRefresh: the edits", () => {
  const sheet = prevention();
  const outcome = planRefresh(checkOf([sheet]), EMPTY_STATE);
  if (!outcome.ok) throw new Error(outcome.summary);
  const [edits] = outcome.sheets;

  test("headings for the added Progress (H) and RAG (I) columns, looking like the last heading of their row", () => {
    expect(edits.sheet).toBe("Prevention");
    expect(edits.cells.filter((c) => c.value === "Progress" || c.value === "RAG")).toEqual([
      { row: 0, col: 7, value: "Progress", formatFrom: { row: 0, col: 6 } },
      { row: 0, col: 8, value: "RAG", formatFrom: { row: 0, col: 6 } },
      { row: 5, col: 7, value: "Progress", formatFrom: { row: 5, col: 6 } },
      { row: 5, col: 8, value: "RAG", formatFrom: { row: 5, col: 6 } },
    ]);
  });

  test("each action's RAG word in the added column, looking like its row's last cell", () => {
    expect(edits.cells.filter((c) => c.row !== 0 && c.row !== 5)).toEqual([
      { row: 1, col: 8, value: "Red", formatFrom: { row: 1, col: 6 } },
      { row: 2, col: 8, value: "Green", formatFrom: { row: 2, col: 6 } },
      { row: 6, col: 8, value: "Not reported", formatFrom: { row: 6, col: 6 } },
    ]);
  });

  test("RAG areas by runs of rows, one format scope over them, the dropdown on the same rows of Progress", () => {
    expect(edits.ragAreas).toEqual([
      { top: 1, left: 8, bottom: 2, right: 8 },
      { top: 6, left: 8, bottom: 6, right: 8 },
    ]);
    expect(edits.ragFormatScope).toEqual([{ top: 1, left: 8, bottom: 6, right: 8 }]);
    expect(edits.progressAreas).toEqual([
      { top: 1, left: 7, bottom: 2, right: 7 },
      { top: 6, left: 7, bottom: 6, right: 7 },
    ]);
    expect(edits.progressChoices).toEqual(["Complete", "On track", "Slow", "Stalled"]);
  });

  test("the added columns are 14 characters wide", () => {
    expect(edits.columnWidths).toEqual([
      { col: 7, width: 14 },
      { col: 8, width: 14 },
    ]);
  });

  test("the history: this refresh's records on RAG History; counts, actions and the summary", () => {
    expect(outcome.records).toEqual([
      { asOf: "2009-05-13", sheet: "Prevention", ref: "3.1.1", rag: "red", timescale: "March 2009" },
      { asOf: "2009-05-13", sheet: "Prevention", ref: "3.1.2", rag: "green", timescale: "2011" },
      { asOf: "2009-05-13", sheet: "Prevention", ref: "4.1.1", rag: "not-reported", timescale: "ongoing" },
    ]);
    expect(outcome.history).toMatchObject({ purpose: "history", name: "RAG History", visibility: "veryHidden" });
    expect(outcome.history.rows).toHaveLength(4);
    expect(outcome.counts).toEqual(counts(1, 0, 1, 0, 1));
    expect(outcome.actions).toBe(3);
    expect(outcome.summary).toBe("RAG refreshed for 3 actions on 1 sheet, as of 13 May 2009: Red 1, Green 1, Not reported 1.");
  });
});

describe("planRefresh: columns the sheet has already", () => {
  test("a RAG column the officers headed is written in as it is (no format copied), and no column is widened", () => {
    const t = table(0, { ...SEED_COLUMNS, progress: 7, rag: 9 });
    const sheet = planSheet("Plan", { reportDate: "2009-05-13", tables: [t], actions: [action("Plan", t, 1, { ref: "1.1.1", timescale: "2011", progress: "Slow", rag: "Green" })] });
    const outcome = planRefresh(checkOf([sheet]), EMPTY_STATE);
    if (!outcome.ok) throw new Error(outcome.summary);
    expect(outcome.sheets[0]).toMatchObject({
      cells: [{ row: 1, col: 9, value: "Amber" }],
      ragAreas: [{ top: 1, left: 9, bottom: 1, right: 9 }],
      progressAreas: [{ top: 1, left: 7, bottom: 1, right: 7 }],
      columnWidths: [],
    });
    expect(outcome.sheets[0].cells[0].formatFrom).toBeUndefined();
    expect(outcome.summary).toBe("RAG refreshed for 1 action on 1 sheet, as of 13 May 2009: Amber 1.");
  });
});

describe("planRefresh: several sheets, the history kept", () => {
  const provision = (() => {
    const t = table(2);
    return planSheet("Provision", { reportDate: "2009-10-16", tables: [t], actions: [action("Provision", t, 3, { ref: "5.1.1", timescale: "April 2009" })] });
  })();
  const notes = planSheet("Notes");

  test("sheets without actions get no edits; the summary gives each sheet's as-of date", () => {
    const outcome = planRefresh(checkOf([prevention()], [notes], [provision]), EMPTY_STATE);
    if (!outcome.ok) throw new Error(outcome.summary);
    expect(outcome.sheets.map((s) => s.sheet)).toEqual(["Prevention", "Provision"]);
    expect(outcome.summary).toBe("RAG refreshed for 4 actions on 2 sheets, as of 13 May 2009 (Prevention), 16 Oct 2009 (Provision): Red 2, Green 1, Not reported 1.");
  });

  test("one as-of date shared by every sheet is said once", () => {
    const outcome = planRefresh(checkOf([prevention("2009-10-16")], [provision]), EMPTY_STATE);
    expect(outcome.summary).toMatch(/^RAG refreshed for 4 actions on 2 sheets, as of 16 Oct 2009: /);
  });

  test("old records are kept, those of this date and sheet replaced; the history goes where an officer's sheet is not", () => {
    const state: WorkbookState = {
      sheets: [
        { name: "Prevention", purpose: null },
        { name: "RAG History", purpose: null },
      ],
      history: [
        { asOf: "2009-04-15", sheet: "Prevention", ref: "3.1.1", rag: "amber" },
        { asOf: "2009-05-13", sheet: "Prevention", ref: "9.9.9", rag: "red" },
      ],
    };
    const outcome = planRefresh(checkOf([prevention()]), state);
    if (!outcome.ok) throw new Error(outcome.summary);
    expect(outcome.records.map((r) => `${r.asOf} ${r.ref} ${r.rag}`)).toEqual(["2009-04-15 3.1.1 amber", "2009-05-13 3.1.1 red", "2009-05-13 3.1.2 green", "2009-05-13 4.1.1 not-reported"]);
    expect(outcome.history.name).toBe("RAG History (2)");
  });

  test("a sheet whose grid the check does not hold is planned on an empty grid", () => {
    const check = checkOf([prevention()]);
    check.grids.clear();
    const outcome = planRefresh(check, EMPTY_STATE);
    expect(outcome.ok && outcome.sheets[0].cells.length).toBe(7);
  });
});

describe("planRefresh: nothing written", () => {
  test("no sheet with actions: the no-table issues, and a summary saying what the product looks for", () => {
    const outcome = planRefresh(checkOf([planSheet("Notes")], [planSheet("Cover")]), EMPTY_STATE);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((i) => `${i.sheet} ${i.code}`)).toEqual(["Notes no-table", "Cover no-table"]);
    expect(outcome.summary).toBe(
      "Nothing was written: no plan sheet with actions was found. Check layout shows what the product looks for (a header row with Ref, Action, Time-scale and Lead responsibility).",
    );
  });

  test("a protected sheet: named in the summary, with its message and hint", () => {
    const outcome = planRefresh(checkOf([{ ...prevention(), protected: true }]), EMPTY_STATE);
    expect(outcome).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: "sheet-protected", sheet: "Prevention", cell: "" })],
      summary:
        'Nothing was written. "Prevention": The sheet "Prevention" is protected, so Refresh RAG cannot write its statuses. Unprotect the sheet (Review > Unprotect Sheet), refresh, then protect it again.',
    });
  });

  test("cells in the way (table by table, Progress before RAG): the first named by sheet and cell, the others counted", () => {
    const g = grid("Prevention", [[], ["", "", "", "", "", "", "", "", "notes"], ["", "", "", "", "", "", "", "x"], [], [], [], ["", "", "", "", "", "", "", "y"]]);
    const outcome = planRefresh(checkOf([prevention(), g]), EMPTY_STATE);
    if (outcome.ok) throw new Error("refresh should refuse");
    expect(outcome.problems.map((i) => i.cell)).toEqual(["H3", "I2", "H7"]);
    expect(outcome.summary).toBe(
      'Nothing was written. Prevention!H3: Cell H3 is where the Progress column goes, but it holds "x". Move or clear what is in H3, or head the column "Progress" yourself, then refresh. (and 2 more problems)',
    );
    const two = planRefresh(checkOf([prevention(), grid("Prevention", [[], ["", "", "", "", "", "", "", "", "notes"], ["", "", "", "", "", "", "", "x"]])]), EMPTY_STATE);
    expect(two.summary).toMatch(/ \(and 1 more problem\)$/);
  });
});

describe("refreshProblems", () => {
  test("protection and cells in the way, of sheets with actions only; other errors do not stop a refresh", () => {
    const duplicate = (() => {
      const t = table(0);
      return planSheet("Dup", { tables: [t], actions: [action("Dup", t, 1, { ref: "1.1.1" }), action("Dup", t, 2, { ref: "1.1.1" })] });
    })();
    const check = checkOf([{ ...planSheet("Notes"), protected: true }], [{ ...prevention(), protected: true }], [duplicate]);
    expect(check.sheets[2].issues.some((i) => i.code === "ref-duplicate" && i.severity === "error")).toBe(true);
    expect(refreshProblems(check).map((i) => `${i.sheet} ${i.code}`)).toEqual(["Prevention sheet-protected"]);
  });
});
