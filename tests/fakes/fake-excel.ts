/**
 * A strict fake of exactly the part of Excel's JavaScript API (Office.js) that Action Plan RAG
 * uses, for tests, the benchmark and an in-browser end-to-end test. Plain TypeScript, no Node
 * imports: it bundles into a browser page as it is. What it models and what it does not:
 * tests/fakes/README.md.
 *
 * This module is the entry: the FakeExcel itself (the workbook's state, `Excel.run`, the `Office`
 * global, arranging a test and reading the state back), and everything a test imports. The
 * Office.js objects live in tests/fakes/excel/, one concern a file: addresses, errors, state,
 * context (queued requests and sync), object (the proxy base), workbook, worksheet, range,
 * formats, validation, charts.
 *
 * Strict where Office.js is strict and office-addin-mock is not:
 * - a property read before it was loaded and synced throws (PropertyNotLoaded);
 * - `load` of a property the object does not have throws;
 * - writes and loads are queued and happen only at `context.sync()`, in order; an operation that
 *   fails stops the sync there, with what came before it applied (as Excel does);
 * - every sync is counted, and its request is sized: the queued object paths and actions are
 *   serialised as JSON in the shape Office.js sends and their UTF-8 bytes counted; a request over
 *   5 MB is refused before anything runs (RequestPayloadSizeLimitExceeded), and so is a response
 *   over 5 MB (ResponsePayloadSizeLimitExceeded), as Excel on the web does;
 * - a protected sheet refuses every change (AccessDenied); a cell inside a merged area (other
 *   than its top-left) refuses a value; a value whose array does not match its range is refused;
 *   text written into a cell not formatted as text is read the way Excel reads typing ("=..." is a
 *   formula, "12" a number);
 * - requirement sets answer from a configurable ExcelApi version.
 */
import { fromExcelSerial } from "../../src/core/dates";
import type { Cell, Grid } from "../../src/core/grid";
import { formatArea, parseAddress } from "./excel/addresses";
import { FakeContext, type FailurePlan, type FakeOptions, type FakeRunOptions, type RequestRecord } from "./excel/context";
import { FakeOfficeError, MAX_COL, PAYLOAD_LIMIT_BYTES } from "./excel/errors";
import { FakeSheet, typed, type CellValue, type FakeCell, type FakeValidation } from "./excel/state";
import { FakeUndo } from "./excel/undo";

export { formatArea, parseAddress } from "./excel/addresses";
export type { FailurePlan, FakeContext, FakeOptions, FakeRunOptions, RequestRecord } from "./excel/context";
export { FakeOfficeError, PAYLOAD_LIMIT_BYTES } from "./excel/errors";
export { FakeUndo } from "./excel/undo";
export { FakeSheet, type CellValue, type FakeCell, type FakeChart, type FakeConditionalFormat, type FakeValidation, type FakePageLayout } from "./excel/state";

// ---------------------------------------------------------------------------------------------
// The fake Excel: state, Excel.run, Office, and what tests read back
// ---------------------------------------------------------------------------------------------

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export interface FakeDialog {
  url: string;
  options: unknown;
  closed: boolean;
  /** The officer closes it (the host gets DialogEventReceived). */
  userClose(): void;
}

export interface FakeStats {
  /** context.sync() calls, across every Excel.run. */
  syncs: number;
  /** One record per sync. */
  requests: RequestRecord[];
  /** Excel.run calls with their options. */
  runs: FakeRunOptions[];
}

/** The fake Excel: a workbook, its Excel.run, and the Office object around it. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  structureProtected = false;
  activeSheet = "";
  selection: { sheet: string; address: string } | null = null;
  /** While true, a sync fails with InvalidOperationInCellEditMode unless the run delays for cell edit. */
  editingCell = false;
  failures: FailurePlan[] = [];
  stats: FakeStats = { syncs: 0, requests: [], runs: [] };
  readonly limits: { request: number; response: number };
  apiVersion: string;
  readonly platform: "OfficeOnline" | "PC" | "Mac";
  otherSets: Record<string, string>;
  refuseVisibilityInUndoGroup: boolean;
  refuseCellEditDelayInUndoGroup: boolean;
  undoGroupCellLimit: number;
  /** The undo list (see tests/fakes/excel/undo.ts). */
  undo = new FakeUndo();
  today: string;
  /** Functions registered with Office.actions.associate. */
  actions = new Map<string, (event: unknown) => unknown>();
  dialogs: FakeDialog[] = [];
  /** False: displayDialogAsync never calls back (as a host that drops the call). */
  dialogsAnswer = true;
  /** Messages sent with Office.context.ui.messageParent (on a dialog page). */
  parentMessages: string[] = [];

  constructor(options: FakeOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.20";
    this.otherSets = options.otherSets ?? { DialogApi: "1.2" };
    this.platform = options.platform ?? "OfficeOnline";
    const limit = this.platform === "OfficeOnline" ? PAYLOAD_LIMIT_BYTES : Number.POSITIVE_INFINITY;
    this.limits = { request: options.requestLimit ?? limit, response: options.responseLimit ?? limit };
    this.refuseVisibilityInUndoGroup = options.refuseVisibilityInUndoGroup ?? this.platform !== "OfficeOnline";
    this.refuseCellEditDelayInUndoGroup = options.refuseCellEditDelayInUndoGroup ?? this.platform === "OfficeOnline";
    this.undoGroupCellLimit = options.undoGroupCellLimit ?? Number.POSITIVE_INFINITY;
    this.today = options.today ?? "2009-12-01";
    if (options.activeSheet) this.activeSheet = options.activeSheet;
  }

  /** A fake workbook holding these grids (as gridsFromWorkbook reads a file), one sheet each. */
  static fromGrids(grids: ReadonlyArray<Grid>, options: FakeOptions = {}): FakeExcel {
    const excel = new FakeExcel(options);
    for (const g of grids) excel.addGrid(g);
    if (!excel.activeSheet) excel.activeSheet = excel.sheets.find((s) => s.visibility === "Visible")?.name ?? excel.sheets[0]?.name ?? "";
    return excel;
  }

  /** Adds a sheet with a grid's cells, merges, hidden rows, protection and visibility. */
  addGrid(g: Grid): FakeSheet {
    const s = new FakeSheet(g.name, g.visible === false ? "Hidden" : "Visible", g.protected);
    g.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || cell.kind === "empty") return;
        s.cells.set(FakeSheet.key(r, c), fakeCellOf(cell));
      }),
    );
    s.merges = g.merges.map((m) => ({ ...m }));
    // A merged area takes its top-left cell's look in every cell, as in Excel.
    for (const m of s.merges) {
      const look = s.cell(m.top, m.left);
      if (!look) continue;
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          s.ensure(r, c).format = { ...look.format };
        }
      }
    }
    for (const r of g.hiddenRows) s.hiddenRows.add(r);
    this.sheets.push(s);
    return s;
  }

  sheetByName(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The sheet, or an error naming it. */
  sheet(name: string): FakeSheet {
    const s = this.sheetByName(name);
    if (!s) throw new Error(`the fake workbook has no sheet "${name}"`);
    return s;
  }

  /** `Excel.run`, with or without options. */
  async run<T>(optionsOrBatch: FakeRunOptions | ((context: FakeContext) => Promise<T>), maybeBatch?: (context: FakeContext) => Promise<T>): Promise<T> {
    const options = typeof optionsOrBatch === "function" ? {} : optionsOrBatch;
    const batch = typeof optionsOrBatch === "function" ? optionsOrBatch : maybeBatch;
    if (!batch) throw new FakeOfficeError("InvalidArgument", "Excel.run needs a batch function.");
    if (options.mergeUndoGroup && !this.supports("ExcelApi", "1.20")) {
      throw new FakeOfficeError("ApiNotFound", "mergeUndoGroup needs ExcelApi 1.20.");
    }
    if (options.delayForCellEdit && !this.supports("ExcelApi", "1.11")) {
      throw new FakeOfficeError("ApiNotFound", "delayForCellEdit needs ExcelApi 1.11.");
    }
    this.stats.runs.push({ ...options });
    this.undo.groupCells = 0;
    const context = new FakeContext(this, { ...options });
    const result = await batch(context);
    // Excel.run sends what is still queued when the batch returns.
    if (context.pending > 0) await context.sync();
    return result;
  }

  supports(name: string, version: string): boolean {
    if (name === "ExcelApi") return versionAtLeast(this.apiVersion, version);
    const have = this.otherSets[name];
    return have !== undefined && versionAtLeast(have, version);
  }

  /** An ExcelHost for src/excel (inExcel, run, isSetSupported, today). */
  host(): { inExcel: boolean; payloadLimited: boolean; platform: string; run: FakeExcel["run"]; isSetSupported: (n: string, v: string) => boolean; today: () => string } {
    return {
      inExcel: true,
      payloadLimited: this.platform === "OfficeOnline",
      platform: this.platform,
      run: (o, b) => this.run(o, b),
      isSetSupported: (n, v) => this.supports(n, v),
      today: () => this.today,
    };
  }

  /** The `Office` global's part the add-in uses. */
  officeGlobal(): Record<string, unknown> {
    const excel = this;
    return {
      HostType: { Excel: "Excel" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
      PlatformType: { PC: "PC", Mac: "Mac", OfficeOnline: "OfficeOnline" },
      context: {
        host: "Excel",
        platform: excel.platform,
        diagnostics: { host: "Excel", platform: excel.platform, version: "16.0" },
        requirements: { isSetSupported: (name: string, version?: string) => excel.supports(name, version ?? "1.1") },
        ui: {
          displayDialogAsync(url: string, options: unknown, callback?: (result: unknown) => void) {
            const handlers = new Map<string, ((arg: unknown) => void)[]>();
            const dialog: FakeDialog & { close(): void; addEventHandler(type: string, h: (arg: unknown) => void): void; messageChild(): void } = {
              url,
              options,
              closed: false,
              close() {
                dialog.closed = true;
              },
              addEventHandler(type: string, h: (arg: unknown) => void) {
                handlers.set(type, [...(handlers.get(type) ?? []), h]);
              },
              messageChild() {},
              userClose() {
                dialog.closed = true;
                for (const h of handlers.get("dialogEventReceived") ?? []) h({ error: 12006 });
              },
            };
            const open = excel.dialogs.some((d) => !d.closed);
            excel.dialogs.push(dialog);
            if (!excel.dialogsAnswer) return;
            setTimeout(() => callback?.(open ? { status: "failed", error: { code: 12007, message: "A dialog is already open." } } : { status: "succeeded", value: dialog }), 0);
          },
          messageParent(message: string) {
            excel.parentMessages.push(message);
          },
        },
      },
      onReady(callback?: (info: { host: string; platform: string }) => void) {
        const info = { host: "Excel", platform: excel.platform };
        return Promise.resolve().then(() => {
          callback?.(info);
          return info;
        });
      },
      actions: {
        associate(name: string, fn: (event: unknown) => unknown) {
          excel.actions.set(name, fn);
        },
      },
    };
  }

  /** Sets the `Excel` and `Office` globals to this fake; returns a function that removes them. */
  install(): () => void {
    const g = globalThis as unknown as Record<string, unknown>;
    const before = { Excel: g.Excel, Office: g.Office };
    g.Excel = { run: (o: FakeRunOptions | ((c: FakeContext) => Promise<unknown>), b?: (c: FakeContext) => Promise<unknown>) => this.run(o, b) };
    g.Office = this.officeGlobal();
    return () => {
      g.Excel = before.Excel;
      g.Office = before.Office;
    };
  }

  // ---- Arranging a test ----

  protect(sheet: string, on = true): void {
    this.sheet(sheet).protected_ = on;
  }

  /** Puts a value in a cell (as the officer typing it). */
  setCell(sheet: string, address: string, value: CellValue): void {
    const a = parseAddress(address);
    const c = this.sheet(sheet).ensure(a.top, a.left);
    const t = typed(value, c.numberFormat);
    c.value = t.value;
    if (t.formula) c.formula = t.formula;
  }

  /** Fails the nth sync from now with an Office.js error code. */
  failSync(afterSyncs: number, code: string, options: { message?: string; afterActions?: number } = {}): void {
    this.failures.push({ sync: this.stats.syncs + afterSyncs, code, ...options });
  }

  resetStats(): void {
    this.stats = { syncs: 0, requests: [], runs: [] };
    this.failures = [];
  }

  // ---- Reading the state back ----

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const a = parseAddress(address);
    return this.sheet(sheet).cell(a.top, a.left);
  }

  /** A cell's value ("" when empty). */
  value(sheet: string, address: string): CellValue {
    return this.cell(sheet, address)?.value ?? "";
  }

  /** Conditional formats of a sheet, with their areas as addresses. */
  conditionalFormats(sheet: string): { ranges: string[]; formula: string | null; fill: string | null; fontColor: string | null }[] {
    return this.sheet(sheet).conditionalFormats.map((cf) => ({ ranges: cf.areas.map(formatArea), formula: cf.formula, fill: cf.fill, fontColor: cf.fontColor }));
  }

  /** The validation of a cell, if any. */
  validation(sheet: string, address: string): FakeValidation | undefined {
    const a = parseAddress(address);
    return this.sheet(sheet).validations.get(FakeSheet.key(a.top, a.left));
  }

  /** Addresses of a sheet's validated cells, in row order. */
  validatedCells(sheet: string): string[] {
    return [...this.sheet(sheet).validations.keys()].sort((a, b) => a - b).map((k) => formatArea({ top: Math.floor(k / (MAX_COL + 1)), left: k % (MAX_COL + 1), bottom: Math.floor(k / (MAX_COL + 1)), right: k % (MAX_COL + 1) }));
  }

  /** The whole workbook as plain, ordered JSON (for deep-equal comparisons). */
  snapshot(): unknown {
    const key = (k: number) => formatArea({ top: Math.floor(k / (MAX_COL + 1)), left: k % (MAX_COL + 1), bottom: Math.floor(k / (MAX_COL + 1)), right: k % (MAX_COL + 1) });
    return {
      activeSheet: this.activeSheet,
      structureProtected: this.structureProtected,
      settings: Object.fromEntries([...this.settings].sort(([a], [b]) => (a < b ? -1 : 1))),
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        protected: s.protected_,
        cells: Object.fromEntries(
          [...s.cells]
            .sort(([a], [b]) => a - b)
            .map(([k, c]) => [key(k), { value: c.value, formula: c.formula ?? null, error: c.error ?? false, numberFormat: c.numberFormat, format: Object.fromEntries(Object.entries(c.format).sort(([a], [b]) => (a < b ? -1 : 1))) }]),
        ),
        merges: s.merges.map(formatArea).sort(),
        hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
        hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
        columnWidths: Object.fromEntries([...s.columnWidths].sort(([a], [b]) => a - b)),
        rowHeights: Object.fromEntries([...s.rowHeights].sort(([a], [b]) => a - b)),
        conditionalFormats: s.conditionalFormats.map((cf) => ({ ranges: cf.areas.map(formatArea), formula: cf.formula, fill: cf.fill, fontColor: cf.fontColor })),
        validations: Object.fromEntries([...s.validations].sort(([a], [b]) => a - b).map(([k, v]) => [key(k), v])),
        charts: s.charts.map((c) => ({ ...c })),
        freezeRows: s.freezeRows,
        rowBreaks: [...s.rowBreaks],
        pageLayout: s.pageLayout,
      })),
    };
  }

  /** The largest request and response of the syncs so far (estimated bytes). */
  largestRequest(): number {
    return this.stats.requests.reduce((m, r) => Math.max(m, r.bytes), 0);
  }
  largestResponse(): number {
    return this.stats.requests.reduce((m, r) => Math.max(m, r.responseBytes), 0);
  }
}

/** A core grid cell as Excel holds it. */
function fakeCellOf(cell: Cell): FakeCell {
  const format: FakeCell["format"] = {};
  if (cell.bold) format["font/bold"] = true;
  if (cell.italic) format["font/italic"] = true;
  switch (cell.kind) {
    case "number":
      return { value: cell.number ?? Number(cell.text), numberFormat: "General", format, ...(cell.formula ? { formula: "=FORMULA()" } : {}) };
    case "date": {
      const serial = cell.number ?? 0;
      return { value: serial, numberFormat: fromExcelSerial(serial) ? "dd/mm/yyyy" : "General", format, ...(cell.formula ? { formula: "=FORMULA()" } : {}) };
    }
    case "boolean":
      return { value: cell.text === "TRUE", numberFormat: "General", format };
    case "error":
      return { value: cell.text, error: true, numberFormat: "General", format, ...(cell.formula ? { formula: "=FORMULA()" } : {}) };
    default:
      return { value: cell.text, numberFormat: "General", format, ...(cell.formula ? { formula: "=FORMULA()" } : {}) };
  }
}
