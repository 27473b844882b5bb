/**
 * Partner returns in Excel, through Office.js. No rule lives here: the plan is read into grids, the
 * core plans the returns and the merge (src/core/returns), and this writes the merge back.
 *
 * Making returns: each return is built as an .xlsx file in the pane (ExcelJS, loaded only when
 * returns are made or read), and the officer saves it where they choose. Two ways, because no one
 * way works everywhere: `Excel.createWorkbook` (ExcelApi 1.8, part of what the add-in requires)
 * opens the return as a new workbook in Excel on Windows, on the Mac and on the web, where the
 * officer saves it with File > Save As (the Office web views of the Mac do not download files);
 * and a download link, which works in Excel on the web and on Windows (the browser's own download).
 *
 * Merging: the returned files are picked in the pane (a file input), read in the pane, and merged in
 * one write batch, one undo step where Excel has ExcelApi 1.20 (`mergeUndoGroup`): cell writes
 * first, then each new comment row inserted (`Range.insert`) from the bottom of the sheet up, so
 * each row the core named stays where it was when read. Syncs: 2 to read, 1 to write, and 1 more
 * (inside the same run and undo group) to read the heights of the comment rows the new rows copy;
 * more only where Excel on the web's 5 MB request limit makes the write split.
 */
import type * as ExcelJS from "exceljs";
import { checkWorkbook } from "../core/commands";
import { workbookState } from "../core/commands";
import type { IsoDate } from "../core/dates";
import { isOfficerError, OfficerError } from "../core/common";
import { cellAddress } from "../core/grid";
import { planMerge, planReturns, readReturn, type MergeEdits, type MergePlan, type ReadReturn, type RowInsert } from "../core/returns";
import { gridsFromWorkbook } from "../xlsx/grid-from-exceljs";
import { notXlsxReason, returnWorkbook } from "../xlsx/return-book";
import { writeOwnedSheet } from "./apply";
import { officerMessage } from "./errors";
import { officeHost, type ExcelHost } from "./host";
import type { WorkbookRead } from "./read";
import { applyPlanEdits, assessOptions, changesVisibility, existingOwned, hostSupport, readAll, runWriteBatch } from "./workbook-io";
import { estimate, type WriteBatch } from "./write";

/** A return made: its name, how many actions, and the file's bytes. */
export interface MadeReturn {
  lead: string;
  fileName: string;
  actions: number;
  data: Uint8Array;
}

/** A file the officer picked. */
export interface PickedFile {
  name: string;
  data: ArrayBuffer;
}

export type ReturnsOutcome = { ok: true; message: string; returns: MadeReturn[] } | { ok: false; message: string };
export type MergeOutcome = { ok: true; message: string; merge: MergePlan } | { ok: false; message: string; merge?: MergePlan };

/** What the pane asks of the workbook for partner returns. */
export interface ReturnsService {
  makeReturns(asOf: IsoDate | null, returnBy: IsoDate | null): Promise<ReturnsOutcome>;
  /** True where a return can be opened as a new workbook in Excel. */
  canOpenWorkbooks(): boolean;
  openReturn(made: MadeReturn): Promise<void>;
  previewMerge(files: ReadonlyArray<PickedFile>): Promise<MergeOutcome>;
  applyMerge(files: ReadonlyArray<PickedFile>): Promise<MergeOutcome>;
}

type ExcelJSModule = { Workbook: typeof ExcelJS.Workbook };

/** ExcelJS, loaded the first time returns are made or read (it is large, and only these need it). */
async function loadExcelJS(): Promise<ExcelJSModule> {
  const m = (await import("exceljs")) as unknown as ExcelJSModule & { default?: ExcelJSModule };
  return m.Workbook ? m : (m.default as ExcelJSModule);
}

function toBase64(data: Uint8Array): string {
  let s = "";
  for (let i = 0; i < data.length; i += 0x8000) s += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The returned files read (a file that is no .xlsx workbook is a problem naming it). */
export async function readPickedReturns(files: ReadonlyArray<PickedFile>): Promise<ReadReturn[]> {
  const { Workbook } = await loadExcelJS();
  const out: ReadReturn[] = [];
  for (const f of files) {
    const reason = notXlsxReason(f.name, new Uint8Array(f.data));
    if (reason) {
      out.push({ ok: false, file: f.name, problem: reason });
      continue;
    }
    const wb = new Workbook();
    try {
      await wb.xlsx.load(f.data);
    } catch {
      out.push({ ok: false, file: f.name, problem: `${f.name} cannot be read: the workbook is damaged or truncated. Ask for it to be sent again.` });
      continue;
    }
    out.push(readReturn(gridsFromWorkbook(wb), f.name));
  }
  return out;
}

/** A new comment row: the row inserted (shifting the rows below down), formatted and sized like its model row, merged and written. */
async function insertRow(batch: WriteBatch, ws: Excel.Worksheet, insert: RowInsert, height: number | null): Promise<void> {
  const row = `${insert.before + 1}:${insert.before + 1}`;
  await batch.room(estimate(2, 3, row, "Down"));
  ws.getRange(row).insert("Down");
  if (insert.formatFrom !== null) {
    const from = insert.formatFrom + (insert.formatFrom >= insert.before ? 1 : 0);
    ws.getRange(row).copyFrom(`${from + 1}:${from + 1}`, "Formats");
    // Excel does not fit a merged cell's row to its text: the new row takes its model row's height.
    if (height !== null) ws.getRange(row).format.rowHeight = height;
  }
  if (insert.merge) ws.getRange(`${cellAddress(insert.before, insert.merge.left)}:${cellAddress(insert.before, insert.merge.right)}`).merge(false);
  for (const c of insert.cells) {
    await batch.room(estimate(1, 3, c.value));
    const cell = ws.getRange(cellAddress(c.row, c.col));
    cell.numberFormat = [["@"]];
    cell.values = [[c.value]];
    if (insert.formatFrom === null) {
      cell.format.font.bold = true;
      cell.format.font.italic = true;
    }
  }
}

export class OfficeReturnsService implements ReturnsService {
  constructor(private readonly host: ExcelHost = officeHost()) {}

  private blocked(): string | null {
    if (!this.host.inExcel) return "Partner returns work inside Excel: open your plan workbook in Excel and start the add-in from the Action Plan tab.";
    return hostSupport(this.host).message;
  }

  async makeReturns(asOf: IsoDate | null, returnBy: IsoDate | null): Promise<ReturnsOutcome> {
    const blocked = this.blocked();
    if (blocked) return { ok: false, message: blocked };
    let read: WorkbookRead;
    try {
      read = await readAll(this.host);
    } catch (e) {
      return { ok: false, message: officerMessage(e, "Make returns", "reading") };
    }
    const options = assessOptions(this.host, read, asOf);
    const check = checkWorkbook(read.grids, options);
    const plan = planReturns(check, { today: options.today, returnBy: returnBy ?? undefined });
    if (plan.returns.length === 0) return { ok: false, message: plan.summary };
    const { Workbook } = await loadExcelJS();
    const returns: MadeReturn[] = [];
    for (const r of plan.returns) {
      const buffer = await returnWorkbook(Workbook, r).xlsx.writeBuffer();
      returns.push({ lead: r.lead, fileName: r.fileName, actions: r.actions, data: new Uint8Array(buffer as ArrayBuffer) });
    }
    return { ok: true, message: plan.summary, returns };
  }

  canOpenWorkbooks(): boolean {
    return this.host.inExcel && typeof Excel !== "undefined" && typeof (Excel as { createWorkbook?: unknown }).createWorkbook === "function";
  }

  async openReturn(made: MadeReturn): Promise<void> {
    if (!this.canOpenWorkbooks()) throw new OfficerError("This Excel cannot open a new workbook from the add-in: use the download link and save the file where you choose.");
    try {
      await Excel.createWorkbook(toBase64(made.data));
    } catch (e) {
      throw new OfficerError(officerMessage(e, `Opening ${made.fileName}`, "reading"));
    }
  }

  /** The plan read and the merge planned on it. */
  private async plan(files: ReadonlyArray<PickedFile>): Promise<{ read: WorkbookRead; merge: MergePlan }> {
    const returns = await readPickedReturns(files);
    const read = await readAll(this.host);
    const options = assessOptions(this.host, read, null);
    const check = checkWorkbook(read.grids, options);
    return { read, merge: planMerge(check, returns, { today: options.today, settings: read.settings, state: workbookState(read.grids) }) };
  }

  async previewMerge(files: ReadonlyArray<PickedFile>): Promise<MergeOutcome> {
    const blocked = this.blocked();
    if (blocked) return { ok: false, message: blocked };
    try {
      const { merge } = await this.plan(files);
      return merge.problems.length > 0 ? { ok: false, message: merge.summary, merge } : { ok: true, message: merge.summary, merge };
    } catch (e) {
      return { ok: false, message: isOfficerError(e) ? e.message : officerMessage(e, "Reading the returns", "reading") };
    }
  }

  async applyMerge(files: ReadonlyArray<PickedFile>): Promise<MergeOutcome> {
    const blocked = this.blocked();
    if (blocked) return { ok: false, message: blocked };
    let stage: "reading" | "writing" = "reading";
    try {
      // Planned again on the workbook as it is now: the officer may have edited it since the preview.
      const { read, merge } = await this.plan(files);
      if (merge.problems.length > 0) return { ok: false, message: merge.summary, merge };
      if (!merge.canApply) return { ok: true, message: merge.summary, merge };
      stage = "writing";
      await this.write(read, merge.edits);
      return { ok: true, message: `${merge.summary} Merged into the plan.`, merge };
    } catch (e) {
      return { ok: false, message: isOfficerError(e) ? e.message : officerMessage(e, "Merge returns", stage) };
    }
  }

  /** The merge's edits in one batch: one undo step where Excel can (not when the history sheet is first made very hidden). */
  private async write(read: WorkbookRead, edits: MergeEdits): Promise<void> {
    const existing = edits.history ? existingOwned(read, edits.history) : undefined;
    if (edits.history && !existing && read.structureProtected) {
      throw new OfficerError(`Nothing was written. The workbook's structure is protected, so the merge cannot add its sheet "${edits.history.name}". Unprotect the workbook structure (Review > Protect Workbook) and merge again.`);
    }
    await runWriteBatch(this.host, changesVisibility(read, edits.history ? [edits.history] : []), async (batch, context) => {
      // The model rows' heights, read in one sync before any write, only when there are rows to insert.
      const models = edits.inserts.map((i) => (i.formatFrom === null ? null : context.workbook.worksheets.getItem(i.sheet).getRange(`${i.formatFrom + 1}:${i.formatFrom + 1}`).format.load("rowHeight")));
      if (models.some((m) => m !== null)) await context.sync();
      await applyPlanEdits(batch, context, read, edits.sheets);
      for (const [i, insert] of edits.inserts.entries()) {
        const h = models[i]?.rowHeight;
        await insertRow(batch, context.workbook.worksheets.getItem(insert.sheet), insert, typeof h === "number" && h > 0 ? h : null);
      }
      if (edits.history) await writeOwnedSheet(batch, context, edits.history, existing);
    });
  }
}
