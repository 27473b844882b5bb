/** Opening and saving .xlsx files, with every failure turned into one clear sentence. */
import ExcelJS from "exceljs";

import { FileProblem } from "./file-problem";
import { otherFormat, readPlanBytes } from "./package/open";

/**
 * Opens an .xlsx file with ExcelJS (the tests' and the benchmark's second reader, held against the
 * package reader), or throws a FileProblem saying why it cannot be read: the same checks of the
 * file and its format as the command line's own reader (package/open.ts).
 */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const data = readPlanBytes(file);
  const other = otherFormat(file, data);
  if (other) throw new FileProblem(other);
  const wb = new ExcelJS.Workbook();
  try {
    await withLinearMergeCheck(() => wb.xlsx.load(data as unknown as ExcelJS.Buffer));
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new FileProblem(`cannot read ${file}: the workbook is damaged or truncated (${reason})`);
  }
  if (wb.worksheets.length === 0) throw new FileProblem(`cannot read ${file}: the workbook has no worksheets`);
  return wb;
}

type Dimensions = { top: number; left: number; bottom: number; right: number };
type MergingSheet = { _merges: Record<string, Dimensions> };
/** Remembers every cell of an area (as row * 16,384 + column: Excel has 16,384 columns). */
function addCells(cells: Set<number>, d: Dimensions): void {
  for (let r = d.top; r <= d.bottom; r++) for (let c = d.left; c <= d.right; c++) cells.add(r * 16_384 + c);
}

type MergeInternal = (this: MergingSheet, dimensions: Dimensions, ignoreStyle?: boolean) => void;

/**
 * Runs `load` with ExcelJS's merge check made linear. ExcelJS 4.4 compares each merged area it
 * loads with every area before it (Worksheet._mergeCellsInternal), so a plan with a merged
 * progress comment under each of 10,000 actions spends most of its load there. Excel never saves
 * overlapping merges, but a damaged file might hold them, so the same check is kept, in linear
 * time: each covered cell is remembered once per sheet. ExcelJS's own code still does the merge;
 * it is only shown no earlier areas to compare with. Where ExcelJS's internals are not as
 * expected, its own code runs unchanged.
 */
export async function withLinearMergeCheck<T>(load: () => Promise<T>): Promise<T> {
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet("probe")) as { _mergeCellsInternal?: MergeInternal };
  const original = proto._mergeCellsInternal;
  if (typeof original !== "function") return load();
  const covered = new WeakMap<MergingSheet, Set<number>>();
  proto._mergeCellsInternal = function (this: MergingSheet, d: Dimensions, ignoreStyle?: boolean): void {
    if (!this._merges || typeof this._merges !== "object") return original.call(this, d, ignoreStyle);
    let cells = covered.get(this);
    if (!cells) {
      // First merge on this sheet during the load: remember any areas it already had.
      cells = new Set<number>();
      covered.set(this, cells);
      for (const area of Object.values(this._merges)) addCells(cells, area);
    }
    for (let r = d.top; r <= d.bottom; r++) {
      for (let c = d.left; c <= d.right; c++) {
        if (cells.has(r * 16_384 + c)) throw new Error("Cannot merge already merged cells");
      }
    }
    const earlier = this._merges;
    this._merges = {};
    try {
      original.call(this, d, ignoreStyle);
    } finally {
      const added = this._merges;
      this._merges = Object.assign(earlier, added);
    }
    addCells(cells, d);
  };
  try {
    return await load();
  } finally {
    proto._mergeCellsInternal = original;
  }
}

