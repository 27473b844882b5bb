import { assessSheet } from "../../../src/core/assess";
import { checkWorkbook } from "../../../src/core/commands";
import { DEFAULT_SETTINGS } from "../../../src/core/model";
import { readPlanSheet } from "../../../src/core/read";
import { dateCell, grid, HEADER, italic } from "../../helpers/grid";
import type { Cell } from "../../../src/core/grid";

const OPTIONS = { asOf: null, today: "2009-05-13", settings: DEFAULT_SETTINGS };

describe("the block layout", () => {
  const g = grid(
    "Prevention",
    [
      ["Domestic violence and abuse - action plan 2008-11"],
      [],
      ["Progress report Updated 13th May 2009"],
      ["Action plan 2008-11 - Prevention"],
      ["Objective 3"],
      ["Adults and children ... informed."],
      ["Objective 3.1", "The message is seen by members of the public."],
      ["By April 2011 we aim to show an increase in awareness."],
      HEADER,
      ["Amber 3.1.1", "Develop communications strategy", "1 st July 2009", "Asst. Director of Public Health (PCT)", "£2K", "Strategy in place", "1 - Medium"],
      [italic("PCT contracted consultant to write strategy Red but first draft completed.")],
      ["-------", "--", "-----"],
      ["3.1.2", "Run a campaign", dateCell(40000), "Comms team"],
      ["Progress report Updated 13th May 2009"],
      ["Action plan 2008-11 - Prevention"],
      ["", "in every ward", "", "", "", "Campaign run"],
      ["Objective 4.1", "Children are informed."],
      HEADER,
      ["4.1.2", "Complete prevention plan", "???", "?"],
      ["3.9.9", "Misplaced", "TBC", "Someone"],
    ],
    { merges: [{ top: 10, left: 0, bottom: 10, right: 6 }] },
  );
  const sheet = readPlanSheet(g);

  test("title, report date, theme, objectives and targets", () => {
    expect(sheet.title).toBe("Domestic violence and abuse - action plan 2008-11");
    expect(sheet.reportDate).toBe("2009-05-13");
    expect(sheet.reportDateCell).toBe("A3");
    expect(sheet.theme).toBe("Prevention");
    expect(sheet.layout).toBe("blocks");
    expect(sheet.objectives.map((o) => [o.ref, o.text])).toEqual([
      ["3", "Adults and children ... informed."],
      ["3.1", "The message is seen by members of the public."],
      ["4.1", "Children are informed."],
    ]);
    expect(sheet.objectives[1].target).toBe("By April 2011 we aim to show an increase in awareness.");
  });

  test("actions, the status word before the ref, comments, real dates, continuation after a page break", () => {
    expect(sheet.actions.map((a) => a.ref)).toEqual(["3.1.1", "3.1.2", "4.1.2", "3.9.9"]);
    const [a1, a2] = sheet.actions;
    expect(a1.refStatusWord).toBe("amber");
    expect(a1.comments.map((c) => [c.text, c.statusWord])).toEqual([["PCT contracted consultant to write strategy Red but first draft completed.", "red"]]);
    expect(a2.timescale.date).toBe("2009-07-06");
    expect(a2.action.text).toBe("Run a campaign in every ward");
    expect(a2.measures.text).toBe("Campaign run");
    expect(a2.continuationRows).toEqual([15]);
    expect(a2.objective?.ref).toBe("3.1");
  });

  test("issues: placeholder timescale and lead, ref under the wrong objective", () => {
    const assessed = assessSheet(sheet, g, OPTIONS);
    const codes = assessed.issues.map((i) => `${i.cell} ${i.code}`);
    expect(codes).toEqual(expect.arrayContaining(["C19 timescale-placeholder", "D19 lead-placeholder", "A20 ref-wrong-objective"]));
    // two placeholders on one sheet: one issue naming both cells
    const placeholders = assessed.issues.filter((i) => i.code === "timescale-placeholder");
    expect(placeholders).toHaveLength(1);
    expect(placeholders[0].cells).toEqual(["C19", "C20"]);
    expect(placeholders[0].message).toBe('2 actions have a placeholder as their timescale ("???", "TBC"): C19, C20.');
    const wrong = assessed.issues.find((i) => i.code === "ref-wrong-objective");
    expect(wrong?.message).toBe("Ref 3.9.9 stands under Objective 4.1.");
    expect(assessed.actions[0]).toMatchObject({ progress: "slow", rag: "amber", officerWord: "amber", disagrees: false });
  });
});

describe("the flat layout", () => {
  const g = grid("Plan", [
    ["Objective", "Ref", "Action", "Target date", "Lead officer", "Status", "RAG", "Progress update"],
    ["3.1", "3.1.1", "Write strategy", "31/03/2010", "Ann", "On track", "Red", "Going well"],
    ["3.1", "3.1.2", "Train staff", "Q3 2009/10", "Bob", "Slow", "", "Trainer off sick"],
    ["4.1", "4.1.1", "Toolkit", "ongoing", "Cy", "", "", ""],
  ]);
  const sheet = readPlanSheet(g);

  test("reads objectives from their column, comments from the comments column, progress from Status", () => {
    expect(sheet.layout).toBe("flat");
    expect(sheet.actions.map((a) => [a.ref, a.objective?.ref, a.progress?.text, a.rag?.text, a.comments.map((c) => c.text)])).toEqual([
      ["3.1.1", "3.1", "On track", "Red", ["Going well"]],
      ["3.1.2", "3.1", "Slow", "", ["Trainer off sick"]],
      ["4.1.1", "4.1", "", "", []],
    ]);
  });

  test("the product's own RAG column is output, never input", () => {
    const a = assessSheet(sheet, g, { ...OPTIONS, asOf: "2009-06-01" });
    expect(a.actions.map((x) => x.rag)).toEqual(["green", "amber", "not-reported"]);
    expect(a.issues.filter((i) => i.code === "progress-missing").map((i) => i.cell)).toEqual(["F4"]);
    expect(a.issues.some((i) => i.code === "columns-absent")).toBe(false);
  });
});

describe("what must not break the reader", () => {
  test("errors, formulas, booleans, hidden rows and a header repeated after a page break", () => {
    const g = grid(
      "Messy",
      [
        HEADER,
        ["1.1.1", { kind: "error", text: "#REF!" }, "Dec 08", { kind: "text", text: "Ann", formula: true }],
        HEADER,
        ["1.1.2", "Second", { kind: "boolean", text: "TRUE" }, "Bob"],
        ["1.1.2", "Duplicate", "2010", "Cy"],
        ["", "No ref but a timescale", "2011", "Di"],
        ["x.y", "Bad ref", "2011", "Ed"],
      ],
      { hiddenRows: [3] },
    );
    const check = checkWorkbook([g], { ...OPTIONS, asOf: "2009-05-13" });
    const s = check.sheets[0];
    expect(s.actions.map((a) => a.action.ref)).toEqual(["1.1.1", "1.1.2", "1.1.2", null, null]);
    expect(s.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual(
      expect.arrayContaining(["B2 cell-error warning", "C4 timescale-unparsed warning", "A5 ref-duplicate error", "A6 ref-missing warning", "A7 ref-malformed warning"]),
    );
  });

  test("headers in an unexpected order and a missing required column", () => {
    const g = grid("Odd", [["Action", "Ref", "Lead", "Resources"], ["Do it", "1.1.1", "Ann"]]);
    const s = checkWorkbook([g], OPTIONS).sheets[0];
    expect(s.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual(expect.arrayContaining(["A1 column-missing error", "A1 header-order info"]));
    expect(s.issues.find((i) => i.code === "column-missing")?.message).toBe("The header row 1 has no Time-scale column.");
  });

  test("stale and missing progress comments", () => {
    const g = grid("Plan", [
      ["Progress report updated 16th OCT 2009"],
      HEADER,
      ["1.1.1", "Act", "2010", "Ann"],
      [italic("12/03/2009: consultant appointed")],
      ["1.1.2", "Act", "2010", "Ann"],
    ]);
    const s = checkWorkbook([g], OPTIONS).sheets[0];
    expect(s.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(expect.arrayContaining(["A4 comment-stale", "A5 comment-missing"]));
  });
});

test("a real date shown as a month (\"Mar-11\", as Excel keeps \"March 2011\" typed in) is that month's deadline, not its first day", () => {
  const march: Cell = { kind: "date", text: "Mar 2011", date: "2011-03-01", number: 40603, shownAs: "month" };
  const day: Cell = { kind: "date", text: "1 Mar 2011", date: "2011-03-01", number: 40603 };
  const g = grid("Plan", [
    ["Position at 15 March 2011"],
    ["Ref", "Action", "Time-scale", "Lead responsibility"],
    ["1.1", "Agree the protocol", march, "Chair"],
    ["1.2", "Train the staff", day, "Trainer"],
  ]);
  const s = checkWorkbook([g], { asOf: null, today: "2011-06-01", settings: DEFAULT_SETTINGS }).sheets[0];
  expect(s.actions.map((a) => [a.action.ref, a.action.timescale.text, a.deadline])).toEqual([
    ["1.1", "Mar 2011", { deadline: "2011-03-31", kind: "month" }],
    ["1.2", "1 Mar 2011", { deadline: "2011-03-01", kind: "date" }],
  ]);
  expect(s.actions.map((a) => a.rag)).toEqual(["amber", "red"]);
});
