/** The request context: queued object paths and actions, sized, and run in order at `sync()`. */
import { utf8Length as utf8Bytes } from "../../../src/excel/write";
import type { FakeExcel } from "../fake-excel";
import { FakeOfficeError } from "./errors";
import { cellsWritten, changesWorkbook } from "./undo";
import { FakeWorkbookProxy } from "./workbook";

export interface FakeOptions {
  /**
   * Where this Excel runs: "OfficeOnline" (Excel on the web, the default) refuses requests and
   * responses over 5 MB; "PC" and "Mac" (the desktops) set no payload limit.
   */
  platform?: "OfficeOnline" | "PC" | "Mac";
  /** Highest ExcelApi version this Excel supports (default "1.20"). */
  apiVersion?: string;
  /** Other requirement sets and whether they are supported (default: DialogApi 1.1 only). */
  otherSets?: Record<string, string>;
  /** Request and response limits in bytes (default 5 MB, as Excel on the web). */
  requestLimit?: number;
  responseLimit?: number;
  /** Excel on Windows and Mac refuse a visibility change inside an undo group (default: on "PC" and "Mac"). */
  refuseVisibilityInUndoGroup?: boolean;
  /** Excel on the web refuses a run with both delayForCellEdit and mergeUndoGroup (default: on "OfficeOnline"). */
  refuseCellEditDelayInUndoGroup?: boolean;
  /** A grouped run writing more cells than this is refused with UndoNotSupported (default: no limit). */
  undoGroupCellLimit?: number;
  /** The date the host reports as today (default 2009-12-01). */
  today?: string;
  /** The active sheet (default: the first visible one). */
  activeSheet?: string;
}

export interface RequestRecord {
  /** Sync number, from 1. */
  sync: number;
  /** Estimated request bytes (JSON of the queued object paths and actions). */
  bytes: number;
  /** Estimated response bytes (JSON of what the loads returned). */
  responseBytes: number;
  /** Object paths and actions queued. */
  paths: number;
  actions: number;
  /** The Excel.run options in force. */
  options: FakeRunOptions;
  failed?: string;
}

export interface FakeRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

export interface FailurePlan {
  /** Fail the nth sync (1-based, counted across runs). */
  sync: number;
  code: string;
  message?: string;
  /** Run this many of the sync's actions first (default 0: fail before anything runs). */
  afterActions?: number;
}

// ---------------------------------------------------------------------------------------------
// The request context: queued paths and actions, sized and run at sync
// ---------------------------------------------------------------------------------------------

export interface Action {
  json: unknown;
  run: () => void;
  /** True when it changes the workbook; the cells it writes. */
  writes: boolean;
  cells: number;
}

export class FakeContext {
  private actions: Action[] = [];
  private pathBytes = 0;
  private paths = 0;
  private nextId = 1;
  /** Above 0 while proxies are made from a response (they cost the request nothing). */
  quiet = 0;
  /** Loads staged by the running sync, committed when it succeeds. */
  staged: (() => void)[] = [];
  stagedBytes = 0;
  readonly workbook: FakeWorkbookProxy;

  constructor(
    readonly excel: FakeExcel,
    readonly options: FakeRunOptions,
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  /** Registers an object path (counted in the request that first uses it). */
  path(name: string, parent: number | null, args: unknown[]): number {
    const id = this.nextId++;
    if (this.quiet > 0) return id;
    const json = { Id: id, ObjectPathType: args.length > 0 ? 3 : 4, Name: name, ParentObjectPathId: parent, ArgumentInfo: args.length > 0 ? { Arguments: args } : {} };
    const instantiate = { Id: this.nextId++, ActionType: 1, Name: "", ObjectPathId: id };
    this.pathBytes += utf8Bytes(JSON.stringify(json)) + utf8Bytes(JSON.stringify(instantiate)) + 2;
    this.paths++;
    return id;
  }

  queue(type: number, name: string, objectId: number, args: unknown[] | null, run: () => void, query?: unknown): void {
    const json: Record<string, unknown> = { Id: this.nextId++, ActionType: type, Name: name, ObjectPathId: objectId };
    if (args) json.ArgumentInfo = { Arguments: args };
    if (query) json.QueryInfo = query;
    this.actions.push({ json, run, writes: changesWorkbook(type, name), cells: cellsWritten(name, args) });
  }

  /** Adds to the response size of the running sync. */
  respond(value: unknown): void {
    this.stagedBytes += utf8Bytes(JSON.stringify(value ?? null)) + 1;
  }

  async sync(): Promise<void> {
    const excel = this.excel;
    const actions = this.actions;
    this.actions = [];
    const bytes = this.pathBytes + actions.reduce((n, a) => n + utf8Bytes(JSON.stringify(a.json)) + 1, 0) + 32;
    const record: RequestRecord = { sync: ++excel.stats.syncs, bytes, responseBytes: 0, paths: this.paths, actions: actions.length, options: { ...this.options } };
    this.pathBytes = 0;
    this.paths = 0;
    excel.stats.requests.push(record);
    this.staged = [];
    this.stagedBytes = 0;
    await Promise.resolve();
    const fail = (e: FakeOfficeError): never => {
      record.failed = e.code;
      this.staged = [];
      throw e;
    };
    const plan = excel.failures.find((f) => f.sync === record.sync);
    const clearedBefore = excel.undo.cleared.length;
    if (excel.editingCell && !this.options.delayForCellEdit) {
      fail(new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again."));
    }
    // A run that delays for cell edit waits until the officer has finished editing the cell.
    if (excel.editingCell && this.options.delayForCellEdit) excel.editingCell = false;
    if (bytes > excel.limits.request) fail(new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit."));
    const undo = excel.undo;
    if (this.options.mergeUndoGroup) {
      if (this.options.delayForCellEdit && excel.refuseCellEditDelayInUndoGroup) {
        fail(new FakeOfficeError("GeneralException", "An internal error has occurred (delayForCellEdit with mergeUndoGroup on Excel on the web)."));
      }
      const cells = actions.reduce((n, a) => n + a.cells, 0);
      if (undo.groupCells + cells > excel.undoGroupCellLimit) fail(new FakeOfficeError("UndoNotSupported", "The operation cannot be part of an undo group."));
      undo.groupCells += cells;
    }
    for (let i = 0; i < actions.length; i++) {
      if (plan && i === (plan.afterActions ?? 0)) fail(new FakeOfficeError(plan.code, plan.message ?? `Injected failure (${plan.code}).`));
      try {
        actions[i].run();
      } catch (e) {
        fail(e instanceof FakeOfficeError ? e : new FakeOfficeError("GeneralException", e instanceof Error ? e.message : String(e)));
      }
    }
    if (plan && (plan.afterActions ?? 0) >= actions.length) fail(new FakeOfficeError(plan.code, plan.message ?? `Injected failure (${plan.code}).`));
    record.responseBytes = this.stagedBytes;
    if (this.stagedBytes > excel.limits.response) fail(new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit."));
    for (const commit of this.staged) commit();
    this.staged = [];
    // A sync that cleared the list adds no step: nothing before the clearing call can be undone,
    // and the documentation promises nothing of what follows it in the same request.
    if (excel.undo.cleared.length === clearedBefore) this.recordUndo(actions);
  }

  /** After a sync that changed the workbook: one more undo step (one per grouped run), or none without add-in undo. */
  private grouped = false;
  private recordUndo(actions: Action[]): void {
    if (!actions.some((a) => a.writes)) return;
    const excel = this.excel;
    if (!excel.supports("ExcelApi", "1.19")) {
      excel.undo.clear("a change by an add-in, in an Excel without add-in undo");
      return;
    }
    if (this.options.mergeUndoGroup && this.grouped) return;
    this.grouped = true;
    excel.undo.steps.push(this.options.mergeUndoGroup ? "the add-in's grouped run" : `the add-in's sync ${excel.stats.syncs}`);
  }

  get pending(): number {
    return this.actions.length;
  }
}
