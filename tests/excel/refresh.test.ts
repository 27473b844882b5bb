/**
 * Refresh RAG through the real entry point (OfficePlanService over the strict fake Excel) on the
 * sample plan: what it writes, where, in how many syncs, and that a second refresh changes nothing.
 */
import { checkJson } from "../../src/core/views";
import { checkWorkbook } from "../../src/core/commands";
import { planColumns } from "../../src/core/assess";
import { DEFAULT_SETTINGS } from "../../src/core/model";
import { RAG_WORDS } from "../../src/core/assess";
import { cellAddress } from "../../src/core/grid";
import { readWorkbook } from "../../src/excel/read";
import { STATUS_STYLES } from "../../src/core/edits";
import type { FakeExcel } from "../fakes/fake-excel";
import { sampleExcel, sampleGridsOnce, serviceOn } from "./helpers";

const TODAY = "2010-01-15";

/** The core's statuses for the sample, with the cell each one goes in. */
async function expectedWords(): Promise<{ sheet: string; ref: string | null; cell: string; word: string }[]> {
  const grids = await sampleGridsOnce();
  const check = checkWorkbook(grids, { asOf: null, today: TODAY, settings: DEFAULT_SETTINGS });
  return check.sheets.flatMap((s) => {
    const grid = check.grids.get(s.sheet.name);
    if (!grid) throw new Error("no grid");
    const plan = planColumns(s.sheet, grid);
    return s.actions.map((a) => ({ sheet: s.sheet.name, ref: a.action.ref, cell: cellAddress(a.action.row, plan.columnOf(a.action.table, "rag")), word: RAG_WORDS[a.rag] }));
  });
}

describe("Refresh RAG on the sample plan (Office.js, strict fake)", () => {
  let fake: FakeExcel;
  let message: string;

  beforeAll(async () => {
    fake = await sampleExcel({ today: TODAY });
    const out = await serviceOn(fake).refresh(null);
    expect(out.ok).toBe(true);
    message = out.message;
  });

  test("writes the core's status word in every action's RAG cell", async () => {
    const expected = await expectedWords();
    expect(expected).toHaveLength(21);
    for (const e of expected) expect([e.sheet, e.ref, e.cell, fake.value(e.sheet, e.cell)]).toEqual([e.sheet, e.ref, e.cell, e.word]);
    // The seeds' statuses, by name.
    expect(fake.value("Prevention", "I28")).toBe("Amber"); // 3.1.1
    expect(fake.value("Prevention", "I41")).toBe("Green"); // 3.2.1
    expect(fake.value("Prevention", "I55")).toBe("Amber"); // 4.1.1
    expect(fake.value("Prevention", "I59")).toBe("Not reported"); // 4.1.2
    expect(fake.value("Provision of Services", "I24")).toBe("Red"); // 5.1.1
    expect(fake.value("Provision of Services", "I39")).toBe("Amber"); // 5.2.1
  });

  test("says what it did, with the counts by status", () => {
    expect(message).toMatch(/^RAG refreshed for 21 actions on 2 sheets/);
    expect(message).toContain("Red 12, Amber 3, Green 1, Not reported 5");
  });

  test("writes the words as text and nothing else in the column", async () => {
    for (const e of await expectedWords()) expect(fake.cell(e.sheet, e.cell)?.numberFormat).toBe("@");
    // A comment row between two actions keeps its empty RAG cell.
    expect(fake.cell("Prevention", "I29")).toBeUndefined();
  });

  test("adds the Progress and RAG headers in the look of their header row", () => {
    expect(fake.value("Prevention", "H27")).toBe("Progress");
    expect(fake.value("Prevention", "I27")).toBe("RAG");
    expect(fake.value("Provision of Services", "H23")).toBe("Progress");
    expect(fake.value("Provision of Services", "I23")).toBe("RAG");
    const headerLook = fake.cell("Prevention", "G27")?.format;
    expect(headerLook?.["font/bold"]).toBe(true);
    expect(fake.cell("Prevention", "I27")?.format).toEqual(headerLook);
    // A RAG cell of the added column takes its row's look too.
    expect(fake.cell("Prevention", "I28")?.format).toEqual(fake.cell("Prevention", "G28")?.format ?? {});
  });

  test("colours the RAG cells with one rule per status, keyed on the cell's text", () => {
    const rules = fake.conditionalFormats("Prevention");
    expect(rules).toHaveLength(STATUS_STYLES.length);
    for (const s of STATUS_STYLES) {
      const rule = rules.find((r) => r.formula === `=TRIM($I28)="${s.word}"`);
      expect(rule).toEqual({ ranges: ["I28:I59"], formula: `=TRIM($I28)="${s.word}"`, fill: `#${s.fill}`, fontColor: `#${s.font}` });
    }
    expect(fake.conditionalFormats("Provision of Services").map((r) => r.ranges)).toEqual(STATUS_STYLES.map(() => ["I24:I115"]));
  });

  test("puts the Progress dropdown on each action's Progress cell, still accepting other words", () => {
    expect(fake.validatedCells("Prevention")).toEqual(["H28", "H41", "H55", "H59"]);
    const dv = fake.validation("Prevention", "H41");
    expect(dv?.rule).toEqual({ list: { inCellDropDown: true, source: "Complete,On track,Slow,Stalled" } });
    expect(dv?.errorAlert).toMatchObject({ showAlert: false });
    expect(fake.validatedCells("Provision of Services")).toHaveLength(17);
  });

  test("keeps the history in a very hidden sheet the product owns", () => {
    const history = fake.sheet("RAG History");
    expect(history.visibility).toBe("VeryHidden");
    expect(fake.value("RAG History", "Z1")).toBe("action-plan-rag:history");
    expect(fake.value("RAG History", "A2")).toBe("2009-05-13");
    expect(fake.cell("RAG History", "A2")?.numberFormat).toBe("@");
    expect([...history.cells.keys()].length).toBeGreaterThan(21 * 4);
  });

  test("takes three syncs: two to read, one to write", () => {
    expect(fake.stats.syncs).toBe(3);
    expect(fake.stats.requests.every((r) => r.failed === undefined)).toBe(true);
  });

  test("a second refresh leaves the workbook exactly as the first did", async () => {
    const before = fake.snapshot();
    fake.resetStats();
    const again = await serviceOn(fake).refresh(null);
    expect(again.ok).toBe(true);
    expect(fake.snapshot()).toEqual(before);
    expect(fake.stats.syncs).toBe(3);
  });
});

describe("Reading through Office.js", () => {
  test("gives the core the same plan as the .xlsx reader does", async () => {
    const grids = await sampleGridsOnce();
    const fake = await sampleExcel();
    const read = await fake.run({}, (context) => readWorkbook(context as unknown as Excel.RequestContext));
    const options = { asOf: null, today: TODAY, settings: DEFAULT_SETTINGS };
    expect(checkJson(checkWorkbook(read.grids, options))).toEqual(checkJson(checkWorkbook(grids, options)));
    expect(read.grids.map((g) => g.merges.length)).toEqual(grids.map((g) => g.merges.length));
    expect(read.syncs).toBe(2);
  });
});
