/** Partner returns in the core: leads, making returns, reading them back, planning the merge. */
import * as fs from "node:fs";
import ExcelJS from "exceljs";
import { leadGroups, leadKey, splitLeads } from "../../src/core/report";
import { checkWorkbook, workbookState } from "../../src/core/commands";
import { gridsAfterEdits, recordsOf, trackingRef } from "../../src/core/edits";
import { parseColumnMap } from "../../src/core/read";
import { DEFAULT_SETTINGS, type WorkbookCheck } from "../../src/core/model";
import { FILL_IN, RETURN_HEADER_ROW, RETURN_HEADINGS, keyText, parseKey, planMerge, planReturns, readReturn, type PartnerReturn, type ReadReturn } from "../../src/core/returns";
import type { Cell, Grid } from "../../src/core/grid";
import { gridsFromWorkbook } from "../../src/xlsx/grid-from-exceljs";
import { grid } from "../helpers/grid";

const SAMPLE = "assets/sample/action-plan-2008-11.xlsx";
const OPTIONS = { asOf: null, today: "2026-11-24", settings: DEFAULT_SETTINGS };
const STATE = { sheets: [], history: [] };

let check: WorkbookCheck;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SAMPLE) as unknown as ExcelJS.Buffer);
  check = checkWorkbook(gridsFromWorkbook(wb), OPTIONS);
});

describe("leads: one lead however it is written; a joint lead under its first", () => {
  test.each([
    ["DA Strategy  Co-ordinator/ new post DVA CYP co-ordinator (0.6 FTE)", ["DA Strategy Co-ordinator", "new post DVA CYP co-ordinator (0.6 FTE)"]],
    ["Peter Anderson, Crime Reduction Manager, to liaise with Nick Hooper, Housing.", ["Peter Anderson, Crime Reduction Manager", "Nick Hooper, Housing"]],
    ["Director, N & HS or Community Safety Manager", ["Director, N & HS", "Community Safety Manager"]],
    ["", []],
  ])("%s", (text, leads) => {
    expect(splitLeads(text)).toEqual(leads);
  });

  test("case, punctuation and spacing make no other lead; the same group for the return and By Lead", () => {
    const keys = ["DA Strategy Co-ordinator", "DA strategy co-ordinator.", "DA STRATEGY CO-ORDINATOR:"].map(leadKey);
    expect(new Set(keys).size).toBe(1);
    const groups = leadGroups(["DA Strategy Co-ordinator", " DA strategy co-ordinator/ DVA CYP Co-ordinator (see 4.2.1)", "DV Co-ordinator", ""], (t) => t);
    expect(groups.map((g) => [g.name, g.items.length])).toEqual([
      ["DA Strategy Co-ordinator", 2],
      ["DV Co-ordinator", 1],
      ["", 1],
    ]);
  });
});

/** A return's table rows as texts (the key column first). */
function tableOf(ret: PartnerReturn): string[][] {
  return ret.sheets[0].rows.slice(RETURN_HEADER_ROW + 1).map((r) => r.slice(0, RETURN_HEADINGS.length).map((c) => String(c?.value ?? "")));
}

describe("planReturns on the sample", () => {
  test("every action is in exactly one return, leads grouped as By Lead groups them", () => {
    const { returns } = planReturns(check, { today: "2026-11-24" });
    const all = check.sheets.flatMap((s) => s.actions.map((a) => `${s.sheet.name}|${a.action.ref}`));
    const inReturns = returns.flatMap((r) => tableOf(r).map((row) => `${row[1]}|${row[2]}`));
    expect(inReturns.sort()).toEqual(all.sort());
    const groups = leadGroups(check.sheets.flatMap((s) => s.actions.map((a) => ({ sheet: s.sheet.name, a }))), (x) => x.a.action.lead.text);
    expect(returns.map((r) => [r.lead, tableOf(r).map((row) => `${row[1]}|${row[2]}`)])).toEqual(groups.map((g) => [g.name, g.items.map((x) => `${x.sheet}|${x.a.action.ref}`)]));
    expect(returns).toHaveLength(12);
    const da = returns.find((r) => r.lead === "DA Strategy Co-ordinator") as PartnerReturn;
    expect(tableOf(da).map((r) => r[2])).toEqual(["3.2.1", "4.1.1", "6.2.1", "6.2.2", "6.2.3", "7.2.1", "7.2.5"]);
    expect(returns.find((r) => r.lead.startsWith("Peter Anderson"))?.actions).toBe(2);
    expect(returns.find((r) => r.lead === "Director, N & HS")?.actions).toBe(2);
    expect(new Set(returns.map((r) => r.fileName.toLowerCase())).size).toBe(returns.length);
  });

  test("on its face: whom it is for, the plan, the as-of date, by when, what to fill in; the fill-in columns headed plainly", () => {
    const { returns } = planReturns(check, { today: "2026-11-24", returnBy: "2026-12-11" });
    const sheet = returns.find((r) => r.lead === "DA Strategy Co-ordinator")?.sheets[0];
    const face = sheet?.rows.slice(0, 6).map((r) => r.map((c) => c?.value ?? "").filter((v) => v !== "").join(" | "));
    expect(face?.[0]).toMatch(/^Progress return: DA Strategy Co-ordinator/);
    expect(face?.[1]).toMatch(/^For \| DA Strategy Co-ordinator \(actions shared with new post DVA CYP co-ordinator/);
    expect(face?.[3]).toBe("Position as at | 13 May 2009 (Prevention), 16 Oct 2009 (Provision of Services)");
    expect(face?.[4]).toBe("Please return by | 2026-12-11");
    expect(face?.[5]).toMatch(/^What to fill in \| .*Progress.*Progress comment.*Revised timescale.*Reason for the change/);
    expect(sheet?.rows[RETURN_HEADER_ROW].slice(8, 12).map((c) => c?.value)).toEqual([...FILL_IN]);
    expect(sheet?.hiddenColumns).toEqual([0]);
    expect(sheet?.dropdowns[0].choices).toEqual(["Complete", "On track", "Slow", "Stalled", "Closed"]);
    const row = sheet?.rows[RETURN_HEADER_ROW + 2].map((c) => c?.value);
    expect(row?.slice(1, 8)).toEqual(["Prevention", "4.1.1", expect.stringMatching(/^Disseminate Spiralling prevention toolkit/), "1 Apr 08 ongoing", "Amber", expect.stringMatching(/^Progress stalled/), expect.any(String)]);
    expect(parseKey(String(row?.[0]))).toMatchObject({ sheet: "Prevention", ref: "4.1.1" });
  });
});

/** The grids of a return with these fill-ins (by ref), as a lead's spreadsheet program would give them back. */
function filled(ret: PartnerReturn, entries: Record<string, Partial<Record<(typeof FILL_IN)[number], string>>>): Grid[] {
  return ret.sheets.map((s) => {
    const rows: (Cell | undefined)[][] = s.rows.map((r) => r.map((c) => (c && c.value !== "" ? { kind: "text", text: String(c.value) } : undefined)));
    for (let r = RETURN_HEADER_ROW + 1; r < rows.length; r++) {
      const e = entries[rows[r][2]?.text ?? ""];
      if (!e) continue;
      FILL_IN.forEach((h, i) => {
        if (e[h]) rows[r][8 + i] = { kind: "text", text: e[h] as string };
      });
    }
    return { name: s.name, rows, merges: s.merges, hiddenRows: [], protected: false, visible: s.visibility === "visible" };
  });
}

describe("readReturn and planMerge", () => {
  let da: PartnerReturn;
  beforeAll(() => {
    da = planReturns(check, { today: "2026-11-24" }).returns.find((r) => r.lead === "DA Strategy Co-ordinator") as PartnerReturn;
  });
  const merge = (...rs: ReadReturn[]) => planMerge(check, rs, { today: "2026-11-25", settings: DEFAULT_SETTINGS, state: STATE });

  test("a filled-in return: progress, comment and revised timescale per action; a word outside the list read by the progress rules", () => {
    const read = readReturn(filled(da, { "4.1.1": { Progress: "Complete", "Progress comment": "Training delivered." }, "6.2.3": { Progress: "getting there, a little behind", "Revised timescale": "Mar 2010", "Reason for the change": "Funding late" } }), "da.xlsx");
    expect(read).toMatchObject({ ok: true, lead: "DA Strategy Co-ordinator" });
    const m = merge(read);
    expect(m.problems).toEqual([]);
    expect(m.canApply).toBe(true);
    expect(m.changes.map((c) => [c.ref, c.progress?.to, c.progress?.readAs, c.progress?.inList, c.comment, c.timescale?.to, c.statusBefore, c.statusAfter])).toEqual([
      ["4.1.1", "Complete", "complete", true, "Training delivered.", undefined, "Amber", "Green"],
      ["6.2.3", "getting there, a little behind", "slow", false, null, "Mar 2010", "Red", "Amber"],
    ]);
    expect(m.notReturned).not.toContain("DA Strategy Co-ordinator");
    expect(m.notReturned).toContain("DV Co-ordinator");
    // the sample has no Progress column: it is added (header and cell) as Refresh would
    const prevention = m.edits.sheets.find((s) => s.sheet === "Prevention");
    expect(prevention?.cells.map((c) => [c.row, c.col, c.value])).toEqual([
      [53, 7, "Progress"],
      [54, 7, "Complete"],
    ]);
    // the comment: a new row under the action's last comment row, merged as it is, dated
    expect(m.edits.inserts).toEqual([{ sheet: "Prevention", before: 57, cells: [{ row: 57, col: 0, value: "25 Nov 2026, from DA Strategy Co-ordinator: Training delivered." }], merge: { left: 0, right: 6 }, formatFrom: 56 }]);
    // the revised timescale in its cell, the old one kept in the history
    expect(m.edits.sheets.find((s) => s.sheet === "Provision of Services")?.cells).toContainEqual({ row: 74, col: 2, value: "Mar 2010" });
    expect(m.edits.history?.rows.slice(1).map((r) => r.map((c) => c?.value))).toEqual([["2009-10-16", "Provision of Services", "6.2.3", "Red", "Mar 09"]]);
  });

  test("a merge that revises a timescale writes the history again with the officer's column maps kept beside it", () => {
    const read = readReturn(filled(da, { "6.2.3": { "Revised timescale": "Mar 2010", "Reason for the change": "Funding late" } }), "da.xlsx");
    const columnMaps = { Prevention: parseColumnMap("Ref=A, Action=B") };
    const m = planMerge(check, [read], { today: "2026-11-25", settings: DEFAULT_SETTINGS, state: { ...STATE, columnMaps } });
    const history = m.edits.history;
    expect(history).not.toBeNull();
    const after = gridsAfterEdits([], [], history ? [history] : []);
    expect(workbookState(after).columnMaps).toEqual(columnMaps);
    expect(workbookState(after).history.map((r) => [r.sheet, r.ref, r.timescale])).toEqual([["Provision of Services", "6.2.3", "Mar 09"]]);
  });

  test("conflicts: two returns for one action, an action changed since, an action gone; a return of another plan is refused", () => {
    const one = readReturn(filled(da, { "3.2.1": { Progress: "Slow" } }), "one.xlsx");
    const two = readReturn(filled(da, { "3.2.1": { Progress: "Complete" } }), "two.xlsx");
    expect(merge(one, two).conflicts.map((c) => [c.kind, c.ref, c.files])).toEqual([["two-returns", "3.2.1", ["one.xlsx", "two.xlsx"]]]);
    expect(merge(one, one).conflicts).toEqual([]);

    const changed = structuredClone(filled(da, { "3.2.1": { Progress: "Slow" }, "4.1.1": { Progress: "Slow" } }));
    const rows = changed[0].rows as (Cell | undefined)[][];
    const k41 = parseKey(rows[RETURN_HEADER_ROW + 2][0]?.text ?? "");
    rows[RETURN_HEADER_ROW + 2][0] = { kind: "text", text: keyText({ ...(k41 as NonNullable<typeof k41>), actionPrint: "00000000" }) };
    const k32 = parseKey(rows[RETURN_HEADER_ROW + 1][0]?.text ?? "");
    rows[RETURN_HEADER_ROW + 1][0] = { kind: "text", text: keyText({ ...(k32 as NonNullable<typeof k32>), ref: "9.9.9" }) };
    const m = merge(readReturn(changed, "changed.xlsx"));
    expect(m.conflicts.map((c) => [c.kind, c.ref])).toEqual([
      ["action-gone", "9.9.9"],
      ["action-changed", "4.1.1"],
    ]);
    expect(m.canApply).toBe(false);

    const other = grid("Plan", [["Another partnership - action plan 2020-23"], ["Ref", "Action", "Time-scale", "Lead", "Progress"], ["1.1.1", "Something else", "Dec 2021", "DA Strategy Co-ordinator", ""]]);
    const otherCheck = checkWorkbook([other], OPTIONS);
    const otherReturn = planReturns(otherCheck, { today: "2026-11-24" }).returns[0];
    const refused = merge(readReturn(filled(otherReturn, { "1.1.1": { Progress: "Slow" } }), "other.xlsx"));
    expect(refused.problems[0].problem).toMatch(/^other\.xlsx is a return of another plan \("Another partnership - action plan 2020-23"\)/);
    expect(refused.edits).toEqual({ sheets: [], inserts: [], history: null });
    expect(refused.summary).toMatch(/^Nothing was written\. other\.xlsx/);
  });

  test("bad returns: not a return, key column deleted, a damaged key, an entry without a key", () => {
    expect(readReturn(check.sheets.map((s) => check.grids.get(s.sheet.name) as Grid), "plan.xlsx")).toEqual({
      ok: false,
      file: "plan.xlsx",
      problem: expect.stringMatching(/^plan\.xlsx is not a partner return/),
    });
    const noKey = filled(da, {}).map((g) => ({ ...g, rows: g.rows.map((r) => r.slice(1)) }));
    expect(readReturn(noKey, "r.xlsx")).toMatchObject({ ok: false, problem: expect.stringMatching(/^r\.xlsx, sheet "Return": the hidden Key column was deleted/) });
    const damaged = filled(da, {});
    (damaged[0].rows as (Cell | undefined)[][])[RETURN_HEADER_ROW + 3][0] = { kind: "text", text: "apr1|zz" };
    expect(readReturn(damaged, "r.xlsx")).toMatchObject({ ok: false, problem: 'r.xlsx, sheet "Return", cell A11: the row\'s key is damaged ("apr1|zz"), so the row cannot be matched to an action.' });
    const extra = filled(da, {});
    (extra[0].rows as (Cell | undefined)[][]).push([undefined, undefined, { kind: "text", text: "new" }, undefined, undefined, undefined, undefined, undefined, { kind: "text", text: "Slow" }]);
    expect(readReturn(extra, "r.xlsx")).toMatchObject({ ok: false, problem: expect.stringMatching(/^r\.xlsx, sheet "Return", row 16: an entry with no key/) });
  });

  test("in the flat layout the comment goes into the comments column, after the officer's own", () => {
    const flat = grid("Plan", [
      ["Objective", "Ref", "Action", "Target date", "Lead officer", "Status", "Progress update"],
      ["3.1", "3.1.1", "Write strategy", "31/03/2010", "Ann", "On track", "Going well"],
      ["3.1", "3.1.2", "Train staff", "Q3 2009/10", "Bob", "Slow", ""],
    ]);
    const c = checkWorkbook([flat], { ...OPTIONS, asOf: "2009-06-01" });
    const ann = planReturns(c, { today: "2026-11-24" }).returns.find((r) => r.lead === "Ann") as PartnerReturn;
    const m = planMerge(c, [readReturn(filled(ann, { "3.1.1": { "Progress comment": "Draft out", Progress: "on track" } }), "ann.xlsx")], { today: "2026-11-25", settings: DEFAULT_SETTINGS, state: STATE });
    expect(m.edits.inserts).toEqual([]);
    expect(m.edits.sheets[0].cells).toEqual([{ row: 1, col: 6, value: "Going well\n25 Nov 2026, from Ann: Draft out" }]);
    expect(m.notReturned).toEqual(["Bob"]);
  });
});

describe("a status in the action's row, beside an empty Progress column", () => {
  test("the status after a merged comment is read as the sheet was: the row's status still counts", () => {
    const plan = grid("Plan", [
      ["Ref", "Action", "Time-scale", "Lead responsibility", "Notes", "Progress"],
      ["1.1", "Write strategy", "Dec 2009", "Ann", "Done", ""],
      ["1.2", "Train staff", "Dec 2009", "Ann", "", ""],
    ]);
    const c = checkWorkbook([plan], { ...OPTIONS, asOf: "2009-06-01" });
    expect(c.sheets[0].actions.map((a) => a.rag)).toEqual(["green", "not-reported"]);
    const ann = planReturns(c, { today: "2026-11-24" }).returns[0];
    const m = planMerge(c, [readReturn(filled(ann, { "1.1": { "Progress comment": "Signed off by the board" } }), "ann.xlsx")], { today: "2026-11-25", settings: DEFAULT_SETTINGS, state: STATE });
    expect(m.changes.map((ch) => [ch.ref, ch.statusBefore, ch.statusAfter])).toEqual([["1.1", "Green", "Green"]]);
  });
});

describe("a plan without refs", () => {
  const rows = (withComment: boolean) => [
    ["Action", "Time-scale", "Lead responsibility"],
    ["Write the strategy", "Dec 2009", "Ann"],
    ...(withComment ? [["1 Dec 2009, from Ann: draft out"]] : []),
    ["Train the staff", "Q3 2009/10", "Ann"],
  ];
  const options = { ...OPTIONS, asOf: "2009-06-01" };

  test("an action known by its row is still found after a comment row merged above it moved it down", () => {
    const before = checkWorkbook([grid("Plan", rows(false))], options);
    const ann = planReturns(before, { today: "2009-06-01" }).returns[0];
    expect(tableOf(ann).map((r) => r[2])).toEqual(["row 2", "row 3"]);
    const read = readReturn(filled(ann, { "row 3": { Progress: "Slow", "Progress comment": "Trainer off sick" } }), "ann.xlsx");
    // the first action's comment was merged meanwhile: a merged comment row now stands above the second
    const after = checkWorkbook([grid("Plan", rows(true), { merges: [{ top: 2, left: 0, bottom: 2, right: 2 }] })], options);
    expect(after.sheets[0].actions.map((a) => a.action.row)).toEqual([1, 3]);
    const m = planMerge(after, [read], { today: "2009-06-02", settings: DEFAULT_SETTINGS, state: STATE });
    expect(m.conflicts).toEqual([]);
    expect(m.changes.map((c) => [c.ref, c.cell, c.progress?.to, c.comment])).toEqual([["row 4", "A4", "Slow", "Trainer off sick"]]);
    expect(m.edits.inserts.map((i) => [i.before, i.cells[0].value])).toEqual([[4, "2 Jun 2009, from Ann: Trainer off sick"]]);
  });
});

describe("where the returned values go in the officer's layout", () => {
  const options = { ...OPTIONS, asOf: "2011-10-03" };

  test("an action wrapped over two rows with its timescale and status on the second: the new ones go there, and the plan reads one action after", () => {
    const plan = grid("Plan", [
      ["Ref", "Action", "Timescale", "Lead", "Progress"],
      ["1.1", "Agree an information-sharing protocol between", null, "Probation /", null],
      [null, "police, probation and the council", "Dec 2011", "Police", "Delayed"],
      ["1.2", "Train the staff", "Mar 2012", "Probation / Police", "On track"],
    ]);
    const c = checkWorkbook([plan], options);
    expect(c.sheets[0].actions.map((a) => [a.action.ref, a.action.timescale.row, a.action.progress?.row])).toEqual([["1.1", 2, 2], ["1.2", undefined, undefined]]);
    const ret = planReturns(c, { today: "2011-10-03" }).returns[0];
    const m = planMerge(c, [readReturn(filled(ret, { "1.1": { Progress: "On track", "Revised timescale": "Feb 2012", "Reason for the change": "Legal review" } }), "p.xlsx")], { today: "2011-10-04", settings: DEFAULT_SETTINGS, state: STATE });
    expect(m.conflicts).toEqual([]);
    expect(m.edits.sheets[0].cells.filter((w) => w.col === 2 || w.col === 4)).toEqual([
      { row: 2, col: 4, value: "On track" },
      { row: 2, col: 2, value: "Feb 2012" },
    ]);
  });

  test("a cell holding a formula is never written over: the merge says which cell and what to do", () => {
    const plan = grid("Plan", [
      ["Ref", "Action", "Timescale", "Lead", "Progress"],
      ["1.1", "Agree the protocol", "Dec 2011", "Ann", { kind: "text", text: "In progress", formula: true }],
    ]);
    const c = checkWorkbook([plan], options);
    const ret = planReturns(c, { today: "2011-10-03" }).returns[0];
    const m = planMerge(c, [readReturn(filled(ret, { "1.1": { Progress: "Slow" } }), "ann.xlsx")], { today: "2011-10-04", settings: DEFAULT_SETTINGS, state: STATE });
    expect(m.problems.map((p) => p.problem)).toEqual(["Plan!E2 holds a formula where the returned progress would go; type the new progress there yourself (or clear the formula) and merge again."]);
  });
});

describe("refs that start again in each group", () => {
  const plan = grid("Plan", [
    ["Ref", "Action", "Timescale", "Lead", "Progress"],
    ["1A Neglect"],
    ["1", "Publish the neglect strategy", "Sept 2011", "Business Manager", "Complete"],
    ["2", "Audit neglect cases", "Dec 2011", "Training Manager", "On track"],
    ["1B Performance and quality assurance"],
    ["1", "Agree the dataset", "Oct 2011", "Business Manager", "Delayed"],
    ["2", "Run a multi-agency audit", "Mar 2012", "Training Manager", "Not started"],
  ]);
  const c = checkWorkbook([plan], { ...OPTIONS, asOf: "2011-10-03" });

  test("each is known with its group, in the history and the returns; no duplicate is reported", () => {
    expect(c.sheets[0].actions.map((a) => trackingRef(a))).toEqual(["1 (1A)", "2 (1A)", "1 (1B)", "2 (1B)"]);
    expect(recordsOf(c.sheets).map((r) => r.ref)).toEqual(["1 (1A)", "2 (1A)", "1 (1B)", "2 (1B)"]);
    expect(c.sheets[0].issues.map((i) => i.code)).not.toContain("ref-duplicate");
  });

  test("a return for the first group's action merges into it, not into the last action with that ref", () => {
    const ret = planReturns(c, { today: "2011-10-03" }).returns.find((r) => r.lead === "Training Manager") as PartnerReturn;
    const m = planMerge(c, [readReturn(filled(ret, { "2 (1A)": { Progress: "Complete" } }), "t.xlsx")], { today: "2011-10-04", settings: DEFAULT_SETTINGS, state: STATE });
    expect(m.conflicts).toEqual([]);
    expect(m.changes.map((ch) => [ch.ref, ch.cell, ch.progress?.to])).toEqual([["2 (1A)", "A4", "Complete"]]);
  });
});
