/**
 * Partner returns on files: making the return workbooks of a plan, reading returned files, and
 * writing a merge into a copy of the plan. Until the package writer lands, the plan is written
 * through ExcelJS like `refresh` (src/xlsx/apply.ts); a new comment row is inserted with the merged
 * areas, conditional formats and dropdowns below it moved down a row, as Excel does.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { AssessOptions } from "../core/assess";
import { checkWorkbook, workbookState } from "../core/commands";
import { parseArea, areaAddress, type Area } from "../core/grid";
import { planMerge, planReturns, readReturn, type MergeEdits, type MergePlan, type ReadReturn, type ReturnsPlan, type RowInsert } from "../core/returns";
import { applySheetEdits, writeOwnedSheet } from "./apply";
import { gridsFromWorkbook } from "./grid-from-exceljs";
import { notXlsxReason, returnWorkbook } from "./return-book";
import { FileProblem, openWorkbook } from "./workbook-file";

/** `action-plan returns`: one .xlsx per lead written into `dir`. */
export async function writeReturns(wb: ExcelJS.Workbook, dir: string, options: AssessOptions & { returnBy?: string }): Promise<{ plan: ReturnsPlan; files: string[] }> {
  if (!fs.existsSync(dir)) throw new FileProblem(`cannot write the returns into ${dir}: the folder does not exist`);
  if (!fs.statSync(dir).isDirectory()) throw new FileProblem(`cannot write the returns into ${dir}: it is a file, not a folder`);
  const check = checkWorkbook(gridsFromWorkbook(wb), options);
  const plan = planReturns(check, { today: options.today, returnBy: options.returnBy });
  const files: string[] = [];
  for (const ret of plan.returns) {
    const file = path.join(dir, ret.fileName);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await returnWorkbook(ExcelJS.Workbook, ret).xlsx.writeFile(tmp);
      fs.renameSync(tmp, file);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw new FileProblem(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    files.push(file);
  }
  return { plan, files };
}

/** Writes a workbook to a new file (through a temporary file renamed into place); never over the plan read. */
async function saveCopy(wb: ExcelJS.Workbook, out: string, input: string): Promise<void> {
  if (path.resolve(out) === path.resolve(input)) throw new FileProblem(`will not overwrite the plan ${input}: give --out another file name`);
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir)) throw new FileProblem(`cannot write ${out}: the folder ${dir} does not exist`);
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new FileProblem(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** A returned file read (a file that cannot be opened is a return problem naming it, not a crash). */
export async function readReturnFile(file: string): Promise<ReadReturn> {
  const name = path.basename(file);
  try {
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      const head = Buffer.alloc(96);
      const fd = fs.openSync(file, "r");
      const n = fs.readSync(fd, head, 0, head.length, 0);
      fs.closeSync(fd);
      const reason = n > 0 ? notXlsxReason(name, new Uint8Array(head.subarray(0, n))) : null;
      if (reason) return { ok: false, file: name, problem: reason };
    }
    const wb = await openWorkbook(file);
    return readReturn(gridsFromWorkbook(wb), name);
  } catch (e) {
    if (e instanceof FileProblem) return { ok: false, file: name, problem: e.message.replace(/^cannot read [^:]*: /, `${name} cannot be read: `) };
    throw e;
  }
}

/** Areas of a space-separated reference list, each moved down one row where it starts at or below `at`. */
function shiftRefs(ref: string, at: number): string {
  return ref
    .split(/\s+/)
    .map((r) => {
      const a = parseArea(r);
      if (!a) return r;
      const moved: Area = { top: a.top >= at ? a.top + 1 : a.top, left: a.left, bottom: a.bottom >= at ? a.bottom + 1 : a.bottom, right: a.right };
      return areaAddress(moved);
    })
    .join(" ");
}

/** A new row above the 0-based row `insert.before`, with its merge, format and height, and everything below it moved down. */
export function insertRow(ws: ExcelJS.Worksheet, insert: RowInsert): void {
  const at = insert.before;
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => ({ ref: m, area: parseArea(m) as Area })).filter((m) => m.area && m.area.bottom >= at);
  for (const m of merges) ws.unMergeCells(m.ref);
  ws.spliceRows(at + 1, 0, []);
  for (const m of merges) ws.mergeCells(shiftRefs(m.ref, at));
  const own = ws as unknown as { conditionalFormattings?: { ref: string }[]; dataValidations: { model: Record<string, unknown> } };
  for (const cf of own.conditionalFormattings ?? []) cf.ref = shiftRefs(cf.ref, at);
  const dv = own.dataValidations.model;
  for (const key of Object.keys(dv)) {
    const moved = shiftRefs(key, at);
    if (moved !== key) {
      const v = dv[key];
      delete dv[key];
      dv[moved] = v;
    }
  }
  const row = ws.getRow(at + 1);
  if (insert.formatFrom !== null) {
    const source = ws.getRow(insert.formatFrom + (insert.formatFrom >= at ? 2 : 1));
    // An ExcelJS row, not an Office.js proxy: nothing to load.
    // eslint-disable-next-line office-addins/load-object-before-read
    const height = (source as { height?: number }).height;
    if (height) row.height = height;
    source.eachCell({ includeEmpty: true }, (cell, col) => {
      row.getCell(col).style = JSON.parse(JSON.stringify(cell.style ?? {}));
    });
  } else {
    for (const c of insert.cells) row.getCell(c.col + 1).font = { bold: true, italic: true };
  }
  for (const c of insert.cells) row.getCell(c.col + 1).value = c.value;
  if (insert.merge) ws.mergeCells(at + 1, insert.merge.left + 1, at + 1, insert.merge.right + 1);
}

/** The merge's edits applied to the workbook: cell writes first, then new rows from the bottom up, then the history. */
export function applyMergeEdits(wb: ExcelJS.Workbook, edits: MergeEdits): void {
  for (const sheet of edits.sheets) applySheetEdits(wb, sheet);
  for (const insert of edits.inserts) {
    const ws = wb.getWorksheet(insert.sheet);
    if (!ws) throw new Error(`the sheet "${insert.sheet}" is no longer in the workbook`);
    insertRow(ws, insert);
  }
  if (edits.history) writeOwnedSheet(wb, edits.history);
}

/** `action-plan merge`: the preview, and the merged plan written to `out` (a copy of the plan when nothing changes). */
export async function mergeFiles(
  planFile: string,
  wb: ExcelJS.Workbook,
  returnFiles: ReadonlyArray<string>,
  out: string,
  options: AssessOptions,
): Promise<{ merge: MergePlan; written: boolean }> {
  const returns: ReadReturn[] = [];
  for (const f of returnFiles) returns.push(await readReturnFile(f));
  const grids = gridsFromWorkbook(wb);
  const check = checkWorkbook(grids, options);
  const merge = planMerge(check, returns, { today: options.today, settings: options.settings, state: workbookState(grids) });
  if (merge.problems.length > 0) return { merge, written: false };
  if (path.resolve(out) === path.resolve(planFile)) throw new FileProblem(`will not overwrite the plan ${planFile}: give --out another file name`);
  if (!merge.canApply) {
    // Nothing to change: the plan comes through byte for byte.
    fs.copyFileSync(planFile, out);
    return { merge, written: true };
  }
  applyMergeEdits(wb, merge.edits);
  await saveCopy(wb, out, planFile);
  return { merge, written: true };
}
