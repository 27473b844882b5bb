/** The grid reader on the package XML gives the grids ExcelJS gave, and reads what ExcelJS cannot. */
import * as path from "node:path";
import { gridsFromWorkbook } from "../../src/xlsx/grid-from-exceljs";
import { readWorkbookGrids } from "../../src/xlsx/package/open";
import { openWorkbook } from "../../src/xlsx/workbook-file";
import type { Grid } from "../../src/core/grid";
import * as fs from "node:fs";
import * as os from "node:os";
import { writeLargePlanXlsx } from "../helpers/large-plan";

const FIXTURES = path.join(__dirname, "fidelity", "fixtures");

/** A grid with trailing empty rows dropped (ExcelJS keeps the rows a merge made). */
function comparable(g: Grid) {
  const rows = g.rows.map((r) => [...r].map((c) => c ?? null));
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === null)) rows.pop();
  return { ...g, rows, merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left) };
}

describe.each([
  ["the sample plan", "assets/sample/action-plan-2008-11.xlsx"],
  ["a workbook XlsxWriter made", path.join(FIXTURES, "xlsxwriter-features.xlsx")],
  ["a workbook with macros", path.join(FIXTURES, "xlsxwriter-macros.xlsm")],
  ["a workbook LibreOffice saved", path.join(FIXTURES, "libreoffice.xlsx")],
])("%s", (_, file) => {
  test("gives the same grids as ExcelJS", async () => {
    const ours = (await readWorkbookGrids(file)).map(comparable);
    const theirs = gridsFromWorkbook(await openWorkbook(file)).map(comparable);
    // ExcelJS misses LibreOffice's sheet protection (sheet="true"); the "Data" sheets are protected.
    expect(ours.filter((g) => g.protected).map((g) => g.name)).toEqual(ours.some((g) => g.name === "Data") ? ["Data"] : []);
    expect(ours.map((g) => ({ ...g, protected: null }))).toEqual(theirs.map((g) => ({ ...g, protected: null })));
  });
});

test("reads openpyxl's workbooks with a table, a chart and notes, which ExcelJS calls damaged", async () => {
  const file = path.join(FIXTURES, "openpyxl-features.xlsx");
  await expect(openWorkbook(file)).rejects.toThrow(/damaged/);
  const grids = await readWorkbookGrids(file);
  expect(grids.map((g) => g.name)).toEqual(["Prevention", "Provision of Services", "Data"]);
  expect(grids[0].rows[26].map((c) => c?.text)).toEqual(["Ref", "Action", "Time-scale", "Lead responsibility", "Resources", "Performance / outcome measures", expect.stringMatching(/^1\. Confidence level/)]);
  expect(grids[2].protected).toBe(true);
});

test("gives the same grids as ExcelJS on a generated 1,000-action plan (real dates, bold and italic text, merged comments)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "action-plan-reader-"));
  try {
    const file = path.join(dir, "large.xlsx");
    await writeLargePlanXlsx({ actions: 1000, seed: 11 }, file);
    const ours = (await readWorkbookGrids(file)).map(comparable);
    const theirs = gridsFromWorkbook(await openWorkbook(file)).map(comparable);
    expect(ours).toEqual(theirs);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a % complete column in percentage formats reads as shown (75%), the same through both readers", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require("exceljs") as typeof import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Programme");
  ws.addRow(["Ref", "Deliverable", "% complete", "Budget"]);
  ws.addRow(["D1", "Scan the archive", 0.75, 1200]);
  ws.addRow(["D2", "Replace the desktops", 0.125, 300]);
  ws.getCell("C2").numFmt = "0%";
  ws.getCell("C3").numFmt = "0.0%";
  ws.getCell("D2").numFmt = "#,##0";
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "percent-")), "percent.xlsx");
  await wb.xlsx.writeFile(file);
  const texts = (g: Grid) => g.rows.slice(1).map((r) => [r[2]?.text, r[3]?.text]);
  const [ours] = await readWorkbookGrids(file);
  const [theirs] = gridsFromWorkbook(await openWorkbook(file));
  expect(texts(ours)).toEqual([["75%", "1200"], ["12.5%", "300"]]);
  expect(texts(theirs)).toEqual(texts(ours));
});

test("a date in a format that hides the day reads as the month or year it shows, the same through both readers", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require("exceljs") as typeof import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan");
  ws.addRow(["Ref", "Action", "Timescale"]);
  const formats = ["mmm-yy", "mmmm yyyy", "yyyy", "dd/mm/yyyy"];
  formats.forEach((f, i) => {
    ws.addRow([`${i + 1}`, `Action ${i + 1}`, new Date(Date.UTC(2011, 2, 1))]);
    ws.getCell(`C${i + 2}`).numFmt = f;
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "months-")), "months.xlsx");
  await wb.xlsx.writeFile(file);
  const shown = (g: Grid) => g.rows.slice(1).map((r) => [r[2]?.text, r[2]?.shownAs, r[2]?.date]);
  const [ours] = await readWorkbookGrids(file);
  const [theirs] = gridsFromWorkbook(await openWorkbook(file));
  expect(shown(ours)).toEqual([
    ["Mar 2011", "month", "2011-03-01"],
    ["Mar 2011", "month", "2011-03-01"],
    ["2011", "year", "2011-03-01"],
    ["1 Mar 2011", undefined, "2011-03-01"],
  ]);
  expect(shown(theirs)).toEqual(shown(ours));
});
