/**
 * `action-plan returns` and `action-plan merge` on the sample: the returns made, one filled in with
 * another library (ExcelJS, as a lead's spreadsheet program would save it), merged into the plan;
 * merging again changes nothing; bad returns are refused with nothing written.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { checkWorkbook } from "../../src/core/commands";
import { DEFAULT_SETTINGS, type WorkbookCheck } from "../../src/core/model";
import { gridsFromWorkbook } from "../../src/xlsx/grid-from-exceljs";
import { cli, load } from "../helpers/cli";

const SAMPLE = "assets/sample/action-plan-2008-11.xlsx";
let dir: string;
let plan: string;
let returnsDir: string;
let daReturn: string;

async function checkOf(file: string): Promise<WorkbookCheck> {
  return checkWorkbook(gridsFromWorkbook(await load(file)), { asOf: null, today: "2026-11-24", settings: DEFAULT_SETTINGS });
}

/** What the reader sees of each action, by sheet and ref. */
function actionsOf(c: WorkbookCheck): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const s of c.sheets)
    for (const a of s.actions)
      m.set(`${s.sheet.name} ${a.action.ref}`, {
        action: a.action.action.text,
        timescale: a.action.timescale.text,
        lead: a.action.lead.text,
        progress: a.action.progress?.text ?? "",
        comments: a.action.comments.map((x) => x.text),
        rag: a.rag,
      });
  return m;
}

/** Every cell's value and style, every merge, by address. */
function cells(ws: ExcelJS.Worksheet): Map<string, string> {
  const m = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => m.set(cell.address, JSON.stringify({ v: cell.value, s: cell.style }))));
  m.set("merges", JSON.stringify((ws.model as { merges?: string[] }).merges ?? []));
  return m;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "action-plan-returns-"));
  plan = path.join(dir, "plan.xlsx");
  expect((await cli("refresh", SAMPLE, "--out", plan)).code).toBe(0);
  returnsDir = path.join(dir, "returns");
  fs.mkdirSync(returnsDir);
  const made = await cli("returns", plan, "--out", returnsDir, "--return-by", "2026-12-11");
  expect(made).toMatchObject({ code: 0, err: "" });
  expect(made.out).toMatch(/^12 returns made, one per lead, for 21 actions; to come back by 11 Dec 2026\./);
  // The lead fills in one action and saves the file, with another library than the one that made it.
  daReturn = path.join(dir, "DA return.xlsx");
  const wb = await load(path.join(returnsDir, "Return - DA Strategy Co-ordinator.xlsx"));
  const ws = wb.getWorksheet("Return") as ExcelJS.Worksheet;
  expect(ws.getColumn(1).hidden).toBe(true);
  expect(ws.getCell("I9").dataValidation).toMatchObject({ type: "list", formulae: ['"Complete,On track,Slow,Stalled,Closed"'] });
  expect(ws.getCell("C10").value).toBe("4.1.1");
  ws.getCell("I10").value = "Complete";
  ws.getCell("J10").value = "Toolkit sent to all schools; training booked.";
  await wb.xlsx.writeFile(daReturn);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("every action of the plan is in exactly one return file", async () => {
  const files = fs.readdirSync(returnsDir).filter((f) => f.endsWith(".xlsx"));
  expect(files).toHaveLength(12);
  const refs: string[] = [];
  for (const f of files) {
    const ws = (await load(path.join(returnsDir, f))).getWorksheet("Return") as ExcelJS.Worksheet;
    for (let r = 9; r <= ws.rowCount; r++) if (ws.getCell(r, 3).value) refs.push(`${ws.getCell(r, 2).value} ${ws.getCell(r, 3).value}`);
  }
  expect(refs.sort()).toEqual([...actionsOf(await checkOf(plan)).keys()].sort());
});

test("merge: the plan updated for that action only, the comment in place, the RAG recomputed; merging again is byte-identical", async () => {
  const merged = path.join(dir, "merged.xlsx");
  const r = await cli("merge", plan, daReturn, "--out", merged);
  expect(r).toMatchObject({ code: 0, err: "" });
  expect(r.out).toContain('Prevention 4.1.1 (A55), from DA return.xlsx: Amber -> Green\n  Progress: (blank) -> "Complete"\n  New comment: "Toolkit sent to all schools; training booked."');
  expect(r.out).toContain("1 return read: 1 action to update (progress 1, comments 1, timescales 0); 11 leads have not returned yet.");

  const before = actionsOf(await checkOf(plan));
  const after = actionsOf(await checkOf(merged));
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [k, v] of before) if (k !== "Prevention 4.1.1") expect(after.get(k)).toEqual(v);
  const old = before.get("Prevention 4.1.1") as { comments: string[] };
  expect(after.get("Prevention 4.1.1")).toMatchObject({
    progress: "Complete",
    comments: [...old.comments, "24 Nov 2026, from DA Strategy Co-ordinator: Toolkit sent to all schools; training booked."],
    rag: "green",
  });

  const was = (await load(plan)).getWorksheet("Prevention") as ExcelJS.Worksheet;
  const now = (await load(merged)).getWorksheet("Prevention") as ExcelJS.Worksheet;
  expect([now.getCell("H55").value, now.getCell("I55").value]).toEqual(["Complete", "Green"]);
  // the new comment row sits under the action's last comment, merged and formatted like it
  expect(now.getCell("A58").value).toBe("24 Nov 2026, from DA Strategy Co-ordinator: Toolkit sent to all schools; training booked.");
  expect((now.model as { merges: string[] }).merges).toContain("A58:G58");
  expect(now.getCell("A58").font).toEqual(was.getCell("A57").font);
  // everything below moved down one row, unchanged
  expect(now.getCell("A60").value).toBe(was.getCell("A59").value);
  const wasCells = cells(was);
  const nowCells = cells(now);
  for (const [address, v] of wasCells) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m || ["H55", "I55"].includes(address)) continue;
    const row = Number(m[2]);
    expect([address, nowCells.get(row >= 58 ? `${m[1]}${row + 1}` : address)]).toEqual([address, v]);
  }
  // the dropdowns and status colours below moved down with their rows
  expect(now.getCell("H60").dataValidation).toEqual(was.getCell("H59").dataValidation);
  // the officer's file whole: every package part but the sheet merged into is byte for byte the plan's
  const parts = async (f: string) => {
    const zip = await JSZip.loadAsync(fs.readFileSync(f));
    const out = new Map<string, string>();
    for (const name of Object.keys(zip.files)) out.set(name, (await zip.files[name].async("nodebuffer")).toString("base64"));
    return out;
  };
  const [planParts, mergedParts] = [await parts(plan), await parts(merged)];
  expect([...mergedParts.keys()].sort()).toEqual([...planParts.keys()].sort());
  expect([...planParts].filter(([name, bytes]) => mergedParts.get(name) !== bytes).map(([name]) => name)).toEqual(["xl/worksheets/sheet1.xml"]);

  const otherSheet = (f: string) => load(f).then((wb) => cells(wb.getWorksheet("Provision of Services") as ExcelJS.Worksheet));
  expect(await otherSheet(merged)).toEqual(await otherSheet(plan));

  // the board report reflects the merged progress at the next refresh
  const reported = path.join(dir, "merged-report.xlsx");
  expect((await cli("report", merged, "--out", reported)).code).toBe(0);
  const byLead = (await load(reported)).getWorksheet("By Lead") as ExcelJS.Worksheet;
  const rowOf411: string[] = [];
  byLead.eachRow((row) => {
    const texts = (row.values as unknown[]).map((v) => String(v ?? ""));
    if (texts.includes("4.1.1")) rowOf411.push(...texts);
  });
  expect(rowOf411).toContain("Green");

  const again = path.join(dir, "merged-again.xlsx");
  const second = await cli("merge", merged, daReturn, "--out", again);
  expect(second.code).toBe(0);
  expect(second.out).toContain("Nothing new in: DA return.xlsx");
  expect(fs.readFileSync(again).equals(fs.readFileSync(merged))).toBe(true);
});

test("a return saved again by LibreOffice keeps its keys and merges the same", async () => {
  // LibreOffice is installed by the project's own script where it is missing (as for the rendering test).
  expect(spawnSync("sh", ["scripts/ensure-libreoffice.sh"], { stdio: "inherit" }).status).toBe(0);
  const loDir = path.join(dir, "libreoffice");
  const r = spawnSync(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", loDir, daReturn],
    { encoding: "utf8", timeout: 120_000 },
  );
  const saved = path.join(loDir, "DA return.xlsx");
  expect([r.status, fs.existsSync(saved)]).toEqual([0, true]);
  const viaExcelJS = await cli("merge", plan, daReturn, "--out", path.join(dir, "m-exceljs.xlsx"));
  const viaLibreOffice = await cli("merge", plan, saved, "--out", path.join(dir, "m-libreoffice.xlsx"));
  expect(viaLibreOffice.code).toBe(0);
  expect(viaLibreOffice.out.replace(/m-libreoffice/g, "m-exceljs")).toBe(viaExcelJS.out);
  expect(viaLibreOffice.out).toContain("1 action to update");
}, 180_000);

test("a revised timescale goes into the Time-scale cell, the old one into the history", async () => {
  const wb = await load(daReturn);
  const ws = wb.getWorksheet("Return") as ExcelJS.Worksheet;
  expect(ws.getCell("C13").value).toBe("6.2.3");
  ws.getCell("K13").value = "Mar 2010";
  ws.getCell("L13").value = "Waiting for the new post";
  const revised = path.join(dir, "revised.xlsx");
  await wb.xlsx.writeFile(revised);
  const merged = path.join(dir, "merged-revised.xlsx");
  const r = await cli("merge", plan, revised, "--out", merged);
  expect(r.out).toContain('  Timescale: "Mar 09" -> "Mar 2010" (Waiting for the new post)');
  const out = await load(merged);
  expect(out.getWorksheet("Provision of Services")?.getCell("C75").value).toBe("Mar 2010");
  const history = out.getWorksheet("RAG History") as ExcelJS.Worksheet;
  const rows: unknown[][] = [];
  history.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 6)));
  expect(rows).toContainEqual(["2009-10-16", "Provision of Services", "6.2.3", "Red", "Mar 09"]);
  expect(rows).toContainEqual(["2009-10-16", "Provision of Services", "6.2.2", "Red", "1 Apr 09"]);
});

test("the plan's print area on the sheet grows with the new comment row", async () => {
  const wb = await load(plan);
  (wb.getWorksheet("Prevention") as ExcelJS.Worksheet).pageSetup.printArea = "A1:I70";
  const withArea = path.join(dir, "plan-print-area.xlsx");
  await wb.xlsx.writeFile(withArea);
  const merged = path.join(dir, "merged-print-area.xlsx");
  expect((await cli("merge", withArea, daReturn, "--out", merged)).code).toBe(0);
  const workbookXml = async (f: string) => (await (await JSZip.loadAsync(fs.readFileSync(f))).file("xl/workbook.xml")?.async("string")) ?? "";
  expect(await workbookXml(withArea)).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="0">(?:'|&apos;)?Prevention(?:'|&apos;)?!\$A\$?1:\$I\$?70<\/definedName>/);
  expect(await workbookXml(merged)).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="0">(?:'|&apos;)?Prevention(?:'|&apos;)?!\$A\$?1:\$I\$?71<\/definedName>/);
});

describe("bad returns: a clear message naming the file, nothing written", () => {
  async function refused(file: string, message: RegExp) {
    const out = path.join(dir, "never.xlsx");
    const r = await cli("merge", plan, daReturn, file, "--out", out);
    expect(r.code).toBe(1);
    expect(r.err.split("\n")[0]).toMatch(message);
    expect(r.err).toContain(`nothing was written to ${out}`);
    expect(fs.existsSync(out)).toBe(false);
  }

  test("not a return", () => refused(SAMPLE, /^action-plan: action-plan-2008-11\.xlsx is not a partner return made by Action Plan RAG/));

  test("a damaged file", async () => {
    const bad = path.join(dir, "damaged.xlsx");
    fs.writeFileSync(bad, fs.readFileSync(daReturn).subarray(0, 2000));
    await refused(bad, /^action-plan: damaged\.xlsx cannot be read: the workbook is damaged or truncated/);
  });

  test("a return saved as .ods or .xls", async () => {
    const ods = path.join(dir, "return.ods");
    const header = Buffer.alloc(30);
    header.write("PK\u0003\u0004", 0, "latin1");
    fs.writeFileSync(ods, Buffer.concat([header, Buffer.from("mimetypeapplication/vnd.oasis.opendocument.spreadsheet", "latin1"), Buffer.alloc(200)]));
    await refused(ods, /^action-plan: return\.ods cannot be read: it is an OpenDocument spreadsheet \(\.ods\)\. Save it as \.xlsx/);
    const xls = path.join(dir, "return.xls");
    fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500)]));
    await refused(xls, /^action-plan: return\.xls cannot be read: it is an old-format \(\.xls\) or password-protected workbook/);
  });

  test("a plan whose sheet holds a formula: the new comment row is refused, nothing written", async () => {
    const wb = await load(plan);
    (wb.getWorksheet("Prevention") as ExcelJS.Worksheet).getCell("K2").value = { formula: "1+1", result: 2 };
    const withFormula = path.join(dir, "plan-with-formula.xlsx");
    await wb.xlsx.writeFile(withFormula);
    const out = path.join(dir, "never-formula.xlsx");
    const r = await cli("merge", withFormula, daReturn, "--out", out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^action-plan: Nothing was written\. the sheet "Prevention" holds formulas, which a new comment row would have to move as Excel does; merge this return in Excel/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("the key column deleted", async () => {
    const wb = await load(daReturn);
    (wb.getWorksheet("Return") as ExcelJS.Worksheet).spliceColumns(1, 1);
    const bad = path.join(dir, "no key.xlsx");
    await wb.xlsx.writeFile(bad);
    await refused(bad, /^action-plan: no key\.xlsx, sheet "Return": the hidden Key column was deleted/);
  });

  test("a return of another plan", async () => {
    const wb = await load(plan);
    for (const ws of wb.worksheets) if (ws.getCell("A1").value) ws.getCell("A1").value = "Another partnership's plan";
    const otherPlan = path.join(dir, "other-plan.xlsx");
    await wb.xlsx.writeFile(otherPlan);
    const otherDir = path.join(dir, "other");
    fs.mkdirSync(otherDir);
    expect((await cli("returns", otherPlan, "--out", otherDir)).code).toBe(0);
    const bad = path.join(otherDir, "Return - DV Co-ordinator.xlsx");
    await refused(bad, /^action-plan: Return - DV Co-ordinator\.xlsx is a return of another plan \("Another partnership's plan"\)/);
  });
});

describe("the command line's words", () => {
  test("merge needs returns and --out; returns needs a folder that exists; the plan is never overwritten", async () => {
    const noReturns = await cli("merge", plan, "--out", path.join(dir, "x.xlsx"));
    expect(noReturns.code).toBe(2);
    expect(noReturns.err).toMatch(/^action-plan: merge needs the plan and at least one returned workbook/);
    expect((await cli("merge", plan, daReturn)).err).toMatch(/^action-plan: merge needs --out OUT\.xlsx/);
    const noFolder = await cli("returns", plan, "--out", path.join(dir, "no such folder"));
    expect(noFolder).toMatchObject({ code: 2, err: expect.stringMatching(/^action-plan: cannot write the returns into .*no such folder: the folder does not exist/) });
    const over = await cli("merge", plan, daReturn, "--out", plan);
    expect(over).toMatchObject({ code: 2, err: expect.stringMatching(/^action-plan: will not overwrite the plan/) });
    expect((await cli("returns", plan, "--out", dir, "--return-by", "soon")).err).toMatch(/--return-by must be a date written YYYY-MM-DD, not "soon"/);
  });
});
