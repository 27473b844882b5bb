import { assessAction, validateSheet } from "../../../src/core/assess";
import type { Grid } from "../../../src/core/grid";
import { DEFAULT_SETTINGS, type Action, type Issue, type PlanSheet, type TableHeader } from "../../../src/core/model";
import { checkWorkbook } from "../../../src/core/commands";
import { grid, HEADER } from "../../helpers/grid";
import { action, comment, objective, planSheet, SEED_COLUMNS, table, type ActionSpec } from "../../helpers/plan";

const AS_OF = "2009-05-13";
/** Both product columns present (H, I), so only the issues under test show. */
const FULL = table(0, { ...SEED_COLUMNS, progress: 7, rag: 8 });
const SEED = table(0);

function validate(sheet: PlanSheet, g: Grid = grid(sheet.name, [])): Issue[] {
  return validateSheet(sheet, g, sheet.actions.map((a) => assessAction(a, AS_OF, DEFAULT_SETTINGS)), AS_OF);
}

/** A sheet of actions under one table, in rows 2, 3, ... (row 1 the header). */
function sheetOf(t: TableHeader, ...specs: ActionSpec[]): PlanSheet {
  const actions: Action[] = specs.map((s, i) => action("Plan", t, i + 1, { timescale: "2011", progress: "On track", comments: [comment(i + 1, 9, "going well")], ...s }));
  return planSheet("Plan", { tables: [t], actions });
}

const brief = (issues: Issue[]) => issues.map((i) => `${i.cell} ${i.code} ${i.severity}`);

describe("a sound sheet", () => {
  test("no issue at all", () => {
    expect(validate(sheetOf(FULL, { ref: "1.1.1" }, { ref: "1.1.2", timescale: "March 2010", lead: "Bob" }))).toEqual([]);
  });
});

describe("the sheet's structure", () => {
  test("no table: one error, saying what the product looks for", () => {
    expect(validate(planSheet("Notes"))).toEqual([
      {
        code: "no-table",
        severity: "error",
        sheet: "Notes",
        cell: "",
        message: 'No action table found on "Notes": no row has headings such as Ref, Action, Time-scale and Lead responsibility.',
        hint: "Add a header row (Ref | Action | Time-scale | Lead responsibility | ...) above the actions, set its columns in the column map, or exclude this sheet from the plan sheets.",
      },
    ]);
  });

  test("a required column missing: an error at the header row's first cell, one per column", () => {
    const t = table(3, { action: 1, ref: 2, resources: 4, progress: 7, rag: 8 });
    const issues = validate(planSheet("Plan", { tables: [t] }));
    expect(brief(issues.filter((i) => i.code === "column-missing"))).toEqual(["B4 column-missing error", "B4 column-missing error"]);
    expect(issues.filter((i) => i.code === "column-missing").map((i) => [i.message, i.hint])).toEqual([
      ["The header row 4 has no Time-scale column.", 'Add a "Time-scale" heading to row 4, above the column that holds it.'],
      ["The header row 4 has no Lead responsibility column.", 'Add a "Lead responsibility" heading to row 4, above the column that holds it.'],
    ]);
  });

  test("columns out of the usual order: a note naming each heading and how it was read", () => {
    const t: TableHeader = {
      row: 0,
      columns: { action: 0, ref: 1, timescale: 2, lead: 3, progress: 4, rag: 5 },
      matches: [
        { role: "action", col: 0, header: "What", by: "heading" },
        { role: "ref", col: 1, header: "No.", by: "heading" },
        { role: "timescale", col: 2, header: "By when", by: "heading" },
        { role: "lead", col: 3, header: "Who", by: "heading" },
        { role: "progress", col: 4, header: "Status", by: "heading" },
        { role: "rag", col: 5, header: "RAG", by: "heading" },
      ],
      firstCol: 0,
      lastCol: 5,
    };
    const [note] = validate(planSheet("Plan", { tables: [t] }));
    expect(note).toMatchObject({ code: "header-order", severity: "info", cell: "A1" });
    expect(note.message).toBe(
      "The columns of header row 1 are in an unusual order: What (read as Action), No. (read as Ref), By when (read as Time-scale), Who (read as Lead responsibility), Status (read as Progress), RAG (read as RAG).",
    );
  });
});

describe("writing: protection, the product's columns and the cells in their way", () => {
  test("a protected sheet: an error for the whole sheet", () => {
    const sheet = { ...sheetOf(FULL, { ref: "1.1.1" }), protected: true };
    expect(validate(sheet)).toEqual([
      {
        code: "sheet-protected",
        severity: "error",
        sheet: "Plan",
        cell: "",
        message: 'The sheet "Plan" is protected, so Refresh RAG cannot write its statuses.',
        hint: "Unprotect the sheet (Review > Unprotect Sheet), refresh, then protect it again.",
      },
    ]);
  });

  test("both columns absent: one note at the first heading to write, with the one-click fix", () => {
    const issues = validate(sheetOf(SEED, { ref: "1.1.1" }));
    expect(issues).toEqual([
      {
        code: "columns-absent",
        severity: "info",
        sheet: "Plan",
        cell: "H1",
        message: "The Progress and RAG columns are not on this sheet yet.",
        hint: "Refresh RAG (or the one-click fix) adds Progress and RAG to the right of the table.",
        fix: "add-progress-rag-columns",
      },
    ]);
  });

  test("only RAG absent: the note says so, at the RAG heading's cell", () => {
    const [note] = validate(sheetOf(table(0, { ...SEED_COLUMNS, progress: 7 }), { ref: "1.1.1" }));
    expect(note).toMatchObject({ code: "columns-absent", cell: "I1", message: "The RAG column is not on this sheet yet." });
    expect(note.hint).toBe("Refresh RAG (or the one-click fix) adds RAG to the right of the table.");
  });

  test("a cell in the way: an error naming the cell and what it holds (first 40 characters), or the merge", () => {
    const sheet = sheetOf(table(0, { ...SEED_COLUMNS, progress: 7 }), { ref: "1.1.1" }, { ref: "1.1.2" });
    const g = grid("Plan", [[], ["", "", "", "", "", "", "", "", "  Ask Ann about this action before the board in June  "]], {
      merges: [{ top: 2, left: 8, bottom: 3, right: 8 }],
    });
    const blocked = validate(sheet, g).filter((i) => i.code === "target-not-empty");
    expect(blocked.map((i) => [i.cell, i.severity, i.message, i.hint])).toEqual([
      [
        "I2",
        "error",
        'Cell I2 is where the RAG column goes, but it holds "Ask Ann about this action before the boa".',
        'Move or clear what is in I2, or head the column "RAG" yourself, then refresh.',
      ],
      ["I3", "error", "Cell I3 is where the RAG column goes, but it is part of a merged area.", 'Move or clear what is in I3, or head the column "RAG" yourself, then refresh.'],
    ]);
  });

  test("a cell in the way of the Progress column says Progress", () => {
    const sheet = sheetOf(table(0, { ...SEED_COLUMNS, rag: 7 }), { ref: "1.1.1" });
    const g = grid("Plan", [[], ["", "", "", "", "", "", "", "", "x"]]);
    expect(validate(sheet, g).find((i) => i.code === "target-not-empty")?.message).toBe('Cell I2 is where the Progress column goes, but it holds "x".');
  });
});

describe("refs", () => {
  test("missing, malformed, used twice (an error naming both rows), under another objective", () => {
    const o = objective("3.1", 0);
    const issues = validate(sheetOf(FULL, { ref: "" }, { ref: "x.y" }, { ref: "3.1.1", objective: o }, { ref: "3.1.1", objective: o }, { ref: "3.2.1", objective: o }, { ref: "4.1", objective: objective(null, 0) }));
    expect(issues.map((i) => `${i.cell} ${i.code} ${i.severity}: ${i.message}`)).toEqual([
      "A2 ref-missing warning: The action in row 2 has no ref.",
      'A3 ref-malformed warning: "x.y" is not a ref like 3.1.2, A1 or 7.',
      "A5 ref-duplicate error: Ref 3.1.1 is used twice: in row 4 and row 5.",
      "A6 ref-wrong-objective warning: Ref 3.2.1 stands under Objective 3.1.",
    ]);
    expect(issues[3].hint).toBe("Check the ref: actions under Objective 3.1 are numbered 3.1.1, 3.1.2, ...");
  });

  test("3.10.1 is not under Objective 3.1", () => {
    const issues = validate(sheetOf(FULL, { ref: "3.10.1", objective: objective("3.1", 0) }));
    expect(brief(issues)).toEqual(["A2 ref-wrong-objective warning"]);
  });

  test("a table without a Ref column is a plan without refs: no ref issue, its actions named by their rows", () => {
    const t = table(0, { action: 1, timescale: 2, lead: 3, progress: 7, rag: 8 });
    expect(brief(validate(sheetOf(t, {})))).toEqual([]);
    const issues = validate(sheetOf(t, { timescale: "TBC" }));
    expect(issues.map((i) => `${i.cell} ${i.message}`)).toEqual(['C2 The action in row 2 has "TBC" as its timescale.']);
  });
});

describe("timescale and lead", () => {
  test("missing, placeholder and not understood timescales, in the Time-scale cell", () => {
    const issues = validate(sheetOf(FULL, { ref: "1.1.1", timescale: "" }, { ref: "1.1.2", timescale: "???" }, { ref: "1.1.3", timescale: "when funds allow" }));
    expect(issues.map((i) => `${i.cell} ${i.code}: ${i.message}`)).toEqual([
      "C2 timescale-missing: 1.1.1 has no timescale.",
      'C3 timescale-placeholder: 1.1.2 has "???" as its timescale.',
      'C4 timescale-unparsed: The timescale of 1.1.3, "when funds allow", is not a date the product understands.',
    ]);
  });

  test("a real date is never a timescale issue; ongoing is none either", () => {
    expect(validate(sheetOf(FULL, { ref: "1.1.1", timescale: "", date: "2010-03-31" }, { ref: "1.1.2", timescale: "ongoing" }))).toEqual([]);
  });

  test("an action without a ref is named by its row", () => {
    const [i] = validate(sheetOf(FULL, { ref: "", timescale: "" })).filter((x) => x.code === "timescale-missing");
    expect(i.message).toBe("The action in row 2 has no timescale.");
  });

  test("a table without a Time-scale column: the issue sits at the ref cell", () => {
    const t = table(0, { ref: 0, action: 1, lead: 3, progress: 7, rag: 8 });
    expect(brief(validate(sheetOf(t, { ref: "1.1.1", timescale: "" })))).toEqual(["A1 column-missing error", "A2 timescale-missing warning"]);
  });

  test.each(["?", "??", "TBC", "tba", "TBD", "n/a", "NA", "unknown", "None", "-", "---"])("lead %j is a placeholder", (lead) => {
    const issues = validate(sheetOf(FULL, { ref: "1.1.1", lead }));
    expect(issues.map((i) => `${i.cell} ${i.code}: ${i.message}`)).toEqual([`D2 lead-placeholder: 1.1.1 has "${lead}" as its lead.`]);
  });

  test("an empty lead is missing; a name is fine", () => {
    expect(validate(sheetOf(FULL, { ref: "1.1.1", lead: "" })).map((i) => `${i.cell} ${i.code}: ${i.message}`)).toEqual(["D2 lead-missing: 1.1.1 has no lead responsibility."]);
    expect(validate(sheetOf(FULL, { ref: "1.1.1", lead: "Tba Consulting Ltd" }))).toEqual([]);
  });
});

describe("the Progress column", () => {
  test("empty throughout: one note at its heading, no warning per action", () => {
    const issues = validate(sheetOf(FULL, { ref: "1.1.1", progress: "" }, { ref: "1.1.2", progress: "" }));
    expect(brief(issues)).toEqual(["H1 progress-missing info"]);
    expect(issues[0].message).toBe("The Progress column is empty: statuses come from the officers' status words, statuses written in the actions' rows, and the deadlines.");
  });

  test("partly filled: a warning where nothing says how the action goes, none where the officer's word does; unknown words named", () => {
    const issues = validate(
      sheetOf(FULL, { ref: "1.1.1" }, { ref: "1.1.2", progress: "" }, { ref: "Amber 1.1.3", progress: "" }, { ref: "1.1.4", progress: "Waiting" }),
    );
    expect(issues.map((i) => `${i.cell} ${i.code} ${i.severity}: ${i.message}`)).toEqual([
      "H3 progress-missing warning: 1.1.2 has no progress status.",
      'H5 progress-unknown warning: The progress of 1.1.4, "Waiting", is not a known status.',
    ]);
  });

  test("no Progress column: no progress issue (the columns-absent note says it)", () => {
    expect(brief(validate(sheetOf(table(0, { ...SEED_COLUMNS, rag: 7 }), { ref: "1.1.1" })))).toEqual(["I1 columns-absent info"]);
  });
});

describe("progress comments", () => {
  test("missing: a warning at the ref cell, except for a complete action", () => {
    const issues = validate(sheetOf(FULL, { ref: "1.1.1", comments: [] }, { ref: "1.1.2", comments: [], progress: "Complete" }));
    expect(issues.map((i) => `${i.cell} ${i.code}: ${i.message}`)).toEqual(["A2 comment-missing: 1.1.1 has no progress comment."]);
  });

  test("stale: the newest dated comment before the as-of date, at the latest comment's cell", () => {
    const stale = [comment(2, 0, "12/03/2009: consultant appointed", null, "2009-03-12"), comment(3, 0, "01/04/2009: draft", null, "2009-04-01"), comment(4, 0, "more to do")];
    const issues = validate(sheetOf(FULL, { ref: "1.1.1", comments: stale }));
    expect(issues.map((i) => `${i.cell} ${i.code}: ${i.message}`)).toEqual([
      "A5 comment-stale: The latest progress comment on 1.1.1 is dated 1 Apr 2009, before the report date 13 May 2009.",
    ]);
  });

  test("not stale: dated on the as-of date, or not dated at all", () => {
    const onTheDay = [comment(2, 0, "earlier", null, "2009-01-01"), comment(3, 0, "today", null, AS_OF)];
    expect(validate(sheetOf(FULL, { ref: "1.1.1", comments: onTheDay }, { ref: "1.1.2", comments: [comment(5, 0, "undated")] }))).toEqual([]);
  });
});

describe("error values", () => {
  test("a warning per cell showing an error", () => {
    const issues = validate(sheetOf(FULL, { ref: "1.1.1", errorCells: [{ col: 1, text: "#REF!" }, { col: 5, text: "#DIV/0!" }] }));
    // issues of one kind on one sheet are shown together, naming every cell
    expect(issues.map((i) => `${i.cell} ${i.code}: ${i.message}`)).toEqual(["B2 cell-error: 2 cells show an error (such as #REF!): B2, F2."]);
    expect(issues[0].cells).toEqual(["B2", "F2"]);
  });
});

describe("the order of the issues", () => {
  test("writing first, then the tables, the empty Progress note, then each action's in row order; every issue names the sheet", () => {
    const t = table(0, { ref: 0, action: 1, timescale: 2, resources: 4, progress: 7 });
    const sheet = { ...sheetOf(t, { ref: "", progress: "" }, { ref: "1.1.1", timescale: "", progress: "" }), protected: true };
    const issues = validate(sheet);
    expect(brief(issues)).toEqual([
      " sheet-protected error",
      "I1 columns-absent info",
      "A1 column-missing error",
      "H1 progress-missing info",
      "A2 ref-missing warning",
      "C3 timescale-missing warning",
    ]);
    expect(new Set(issues.map((i) => i.sheet))).toEqual(new Set(["Plan"]));
  });
});

describe("on small grids, through the reader (checkWorkbook)", () => {
  const OPTIONS = { asOf: null, today: "2009-05-13", settings: DEFAULT_SETTINGS };

  test("a protected sheet and a cell in the way of the RAG column are errors naming them", () => {
    const g = grid("Plan", [HEADER, ["1.1.1", "Act", "2010", "Ann", "", "", "", "", "my notes"]], { protected: true });
    const s = checkWorkbook([g], OPTIONS).sheets[0];
    expect(s.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual(expect.arrayContaining([" sheet-protected error", "I2 target-not-empty error"]));
    expect(s.issues.find((i) => i.code === "target-not-empty")?.message).toBe('Cell I2 is where the RAG column goes, but it holds "my notes".');
  });

  test("the Progress column empty throughout: one note at its heading, not a warning per action", () => {
    const g = grid("Plan", [[...HEADER, "Progress"], ["1.1.1", "Act", "2010", "Ann"], ["1.1.2", "Act", "2010", "Bob"]]);
    const s = checkWorkbook([g], OPTIONS).sheets[0];
    expect(s.issues.filter((i) => i.code === "progress-missing").map((i) => `${i.cell} ${i.severity}`)).toEqual(["H1 info"]);
  });

  test("the Progress column partly filled: a warning for an action nothing reports on, none where the officer's word speaks", () => {
    const g = grid("Plan", [
      [...HEADER, "Progress"],
      ["1.1.1", "Act", "2010", "Ann", "", "", "", "On track"],
      ["1.1.2", "Act", "2010", "Bob"],
      ["Amber 1.1.3", "Act", "2010", "Cy"],
      ["1.1.4", "Act", "2010", "Di", "", "", "", "Waiting"],
    ]);
    const s = checkWorkbook([g], OPTIONS).sheets[0];
    expect(s.issues.filter((i) => i.code.startsWith("progress-")).map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual([
      "H3 progress-missing warning",
      "H5 progress-unknown warning",
    ]);
  });
});

describe("the officers' own ratings in the RAG column", () => {
  test("a rating that is not one of the product's status words is noted, grouped and quoted: Refresh RAG writes over it", () => {
    const issues = validate(sheetOf(FULL, { ref: "1.1.1", rag: "G" }, { ref: "1.1.2", rag: "Amber/Green" }, { ref: "1.1.3", rag: "" }, { ref: "1.1.4", rag: "Red" }, { ref: "1.1.5", rag: "not reported" }));
    expect(brief(issues)).toEqual(["I2 rag-overwritten info"]);
    expect(issues[0].message).toBe(`2 RAG cells hold the officers' own ratings, which Refresh RAG writes over ("G", "Amber/Green"): I2, I3.`);
    expect(issues[0].cells).toEqual(["I2", "I3"]);
    expect(issues[0].hint).toContain("put it in the Progress column");
  });

  test("one such cell is named with its action", () => {
    const [issue] = validate(sheetOf(FULL, { ref: "1.1.1", rag: "A" }));
    expect(issue).toMatchObject({ code: "rag-overwritten", cell: "I2", message: `The RAG cell of 1.1.1 has "A", the officers' own rating: Refresh RAG writes the computed status over it.` });
  });

  test("after a refresh the column holds the product's words: nothing to note", () => {
    const g = grid("Plan", [
      ["Ref", "Action", "Time-scale", "Lead responsibility", "Progress", "RAG"],
      ["1.1", "Agree the protocol", "Sep 2010", "Chair", "On track", "G"],
      ["1.2", "Train staff", "Mar 2011", "Trainer", "Stalled", "R"],
    ]);
    const opts = { asOf: "2010-06-30", today: "2010-06-30", settings: DEFAULT_SETTINGS };
    expect(checkWorkbook([g], opts).sheets[0].issues.map((i) => i.code)).toContain("rag-overwritten");
    const refreshed = grid("Plan", [
      ["Ref", "Action", "Time-scale", "Lead responsibility", "Progress", "RAG"],
      ["1.1", "Agree the protocol", "Sep 2010", "Chair", "On track", "Green"],
      ["1.2", "Train staff", "Mar 2011", "Trainer", "Stalled", "Amber"],
    ]);
    expect(checkWorkbook([refreshed], opts).sheets[0].issues.map((i) => i.code)).not.toContain("rag-overwritten");
  });
});
