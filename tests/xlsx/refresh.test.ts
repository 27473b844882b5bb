/** `action-plan refresh` on .xlsx files: what it writes, what it never touches, and refusing to write. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { cli, load } from "../helpers/cli";

const SAMPLE = "assets/sample/action-plan-2008-11.xlsx";
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "action-plan-refresh-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every cell's value and style, every merge, row visibility, by sheet. */
function snapshot(ws: ExcelJS.Worksheet): Map<string, string> {
  const m = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    m.set(`row ${r}`, JSON.stringify({ hidden: row.hidden, height: row.height }));
    row.eachCell({ includeEmpty: true }, (cell) => m.set(cell.address, JSON.stringify({ v: cell.value, s: cell.style })));
  });
  m.set("merges", JSON.stringify((ws.model as { merges?: string[] }).merges ?? []));
  return m;
}

describe("refresh on the sample plan", () => {
  let out: string;
  beforeAll(async () => {
    out = path.join(dir, "refreshed.xlsx");
    const r = await cli("refresh", SAMPLE, "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `RAG refreshed for 21 actions on 2 sheets, as of 13 May 2009 (Prevention), 16 Oct 2009 (Provision of Services): Red 12, Amber 3, Green 1, Not reported 5. Written to ${out}.`,
    );
  });

  test("writes the RAG word of every action and the Progress/RAG headers", async () => {
    const wb = await load(out);
    const prevention = wb.getWorksheet("Prevention")!;
    expect(["H27", "I27"].map((a) => prevention.getCell(a).value)).toEqual(["Progress", "RAG"]);
    expect(["I28", "I41", "I55", "I59"].map((a) => prevention.getCell(a).value)).toEqual(["Amber", "Green", "Amber", "Not reported"]);
    const provision = wb.getWorksheet("Provision of Services")!;
    expect(["I24", "I31", "I39", "I51", "I75", "I115"].map((a) => provision.getCell(a).value)).toEqual(["Red", "Not reported", "Amber", "Red", "Red", "Red"]);
    // the new header looks like its row
    expect(prevention.getCell("I27").font?.bold).toBe(prevention.getCell("G27").font?.bold);
  });

  test("colours RAG cells by conditional formatting on the cell's text, with a dropdown on Progress", async () => {
    const wb = await load(out);
    const ws = wb.getWorksheet("Prevention")! as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] };
    const cf = ws.conditionalFormattings.find((c) => c.ref === "I28");
    expect(cf?.rules.map((r) => [r.type, r.formulae[0]])).toEqual([
      ["expression", 'TRIM($I28)="Red"'],
      ["expression", 'TRIM($I28)="Amber"'],
      ["expression", 'TRIM($I28)="Green"'],
      ["expression", 'TRIM($I28)="Blue"'],
      ["expression", 'TRIM($I28)="Not reported"'],
      ["expression", 'TRIM($I28)="Closed"'],
    ]);
    const dv = wb.getWorksheet("Prevention")!.getCell("H28").dataValidation;
    expect(dv).toMatchObject({ type: "list", formulae: ['"Complete,On track,Slow,Stalled,Closed"'] });
    expect(dv.showErrorMessage).toBeFalsy(); // a suggestion: officers may still type their own words
  });

  test("keeps a very hidden history of each action's status at the as-of date", async () => {
    const wb = await load(out);
    const history = wb.getWorksheet("RAG History")!;
    expect(history.state).toBe("veryHidden");
    const rows: unknown[][] = [];
    history.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 5)));
    expect(rows[0]).toEqual(["As of", "Sheet", "Ref", "Status"]);
    expect(rows).toContainEqual(["2009-05-13", "Prevention", "3.1.1", "Amber"]);
    expect(rows).toContainEqual(["2009-10-16", "Provision of Services", "5.1.1", "Red"]);
    expect(rows).toHaveLength(22);
  });

  test("every cell, merge and row it does not own comes through unchanged", async () => {
    const before = await load(SAMPLE);
    const after = await load(out);
    for (const name of ["Prevention", "Provision of Services"]) {
      const a = snapshot(before.getWorksheet(name)!);
      const b = snapshot(after.getWorksheet(name)!);
      for (const [key, value] of a) {
        if (/^[HI]\d+$/.test(key)) continue; // the product's two columns
        expect([key, b.get(key)]).toEqual([key, value]);
      }
      const added = [...b.keys()].filter((k) => !a.has(k) && !/^row /.test(k));
      expect(added.every((k) => /^[HI]\d+$/.test(k))).toBe(true);
    }
  });

  test("a second refresh leaves the workbook exactly as the first did", async () => {
    const again = path.join(dir, "again.xlsx");
    expect((await cli("refresh", out, "--out", again)).code).toBe(0);
    const zipText = async (file: string) => {
      const wb = await load(file);
      return wb.worksheets.map((ws) => ({ name: ws.name, state: ws.state, cells: [...snapshot(ws)], cf: (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings, dv: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model }));
    };
    expect(await zipText(again)).toEqual(await zipText(out));
  });

  test("the input file is never modified", async () => {
    const before = fs.readFileSync(SAMPLE);
    await cli("refresh", SAMPLE, "--out", path.join(dir, "x.xlsx"));
    expect(fs.readFileSync(SAMPLE).equals(before)).toBe(true);
    const r = await cli("refresh", SAMPLE, "--out", SAMPLE);
    expect(r.code).toBe(2);
    expect(r.err).toContain("will not overwrite the plan");
  });
});

describe("refusing to write", () => {
  async function plan(mutate: (ws: ExcelJS.Worksheet) => void | Promise<void>): Promise<string> {
    const wb = await load(SAMPLE);
    await mutate(wb.getWorksheet("Provision of Services")!);
    const file = path.join(dir, `plan-${Math.random().toString(36).slice(2)}.xlsx`);
    await wb.xlsx.writeFile(file);
    return file;
  }

  test("a protected plan sheet: nothing written, the sheet named", async () => {
    const file = await plan((ws) => ws.protect("secret", {}));
    const out = path.join(dir, "protected-out.xlsx");
    const r = await cli("refresh", file, "--out", out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Nothing was written. "Provision of Services": The sheet "Provision of Services" is protected');
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a non-empty cell where the RAG column goes: nothing written, the cell named", async () => {
    const file = await plan((ws) => {
      ws.getCell("I39").value = "see note";
    });
    const out = path.join(dir, "blocked-out.xlsx");
    const r = await cli("refresh", file, "--out", out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Nothing was written. Provision of Services!I39: Cell I39 is where the RAG column goes, but it holds "see note".');
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a column the officers already headed RAG is output: its words are overwritten", async () => {
    const file = await plan((ws) => {
      for (const r of [23, 38, 50, 67, 83, 103]) ws.getCell(r, 9).value = "RAG";
      ws.getCell("I24").value = "Green";
    });
    const out = path.join(dir, "own-rag.xlsx");
    expect((await cli("refresh", file, "--out", out)).code).toBe(0);
    const wb = await load(out);
    const ws = wb.getWorksheet("Provision of Services")!;
    expect(ws.getCell("I24").value).toBe("Red");
    // the Progress column goes to the right of the table, past the officers' RAG column
    expect(ws.getCell("J23").value).toBe("Progress");
    expect(ws.getCell("H23").value).toBeNull();
  });

  test("officer progress in a Progress column drives the status", async () => {
    const first = path.join(dir, "first.xlsx");
    await cli("refresh", SAMPLE, "--out", first);
    const wb = await load(first);
    wb.getWorksheet("Provision of Services")!.getCell("H53").value = "Complete";
    wb.getWorksheet("Provision of Services")!.getCell("H68").value = "Stalled";
    const edited = path.join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const r = await cli("check", edited, "--json");
    const actions = new Map(JSON.parse(r.out).sheets[1].actions.map((a: { ref: string; rag: string; progress: string }) => [a.ref, [a.progress, a.rag]]));
    expect(actions.get("6.1.2")).toEqual(["complete", "green"]);
    expect(actions.get("6.2.1")).toEqual(["stalled", "amber"]);
  });
});

describe("loading merged cells in linear time", () => {
  test("the same merges as ExcelJS's own load, and overlapping merges still refused", async () => {
    const { withLinearMergeCheck } = await import("../../src/xlsx/workbook-file");
    const { gridsFromWorkbook } = await import("../../src/xlsx/grid-from-exceljs");
    const bytes = fs.readFileSync(SAMPLE);
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const fast = new ExcelJS.Workbook();
    await withLinearMergeCheck(() => fast.xlsx.load(bytes as unknown as ExcelJS.Buffer));
    expect(gridsFromWorkbook(fast)).toEqual(gridsFromWorkbook(plain));
    expect(gridsFromWorkbook(fast)[0].merges.length).toBeGreaterThan(5);
    await withLinearMergeCheck(async () => {
      const ws = new ExcelJS.Workbook().addWorksheet("x");
      ws.mergeCells("A1:B2");
      expect(() => ws.mergeCells("B2:C3")).toThrow("Cannot merge already merged cells");
      ws.mergeCells("C1:D1");
      expect(ws.getCell("D1").master.address).toBe("C1");
    });
    // and ExcelJS's own code is back afterwards
    const ws = new ExcelJS.Workbook().addWorksheet("y");
    ws.mergeCells("A1:B2");
    expect(() => ws.mergeCells("B2:C3")).toThrow("Cannot merge already merged cells");
  });
});
