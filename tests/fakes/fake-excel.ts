/**
 * A strict fake of exactly the part of Excel's JavaScript API (Office.js) that Action Plan RAG
 * uses, for tests, the benchmark and an in-browser end-to-end test. Plain TypeScript, no Node
 * imports: it bundles into a browser page as it is. What it models and what it does not:
 * tests/fakes/README.md.
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
import { utf8Length as utf8Bytes } from "../../src/excel/write";
import { areasIntersect, columnIndex, columnLetter, type Area, type Cell, type Grid } from "../../src/core/grid";

// ---------------------------------------------------------------------------------------------
// Limits, errors
// ---------------------------------------------------------------------------------------------

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/** An error shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

function notLoaded(type: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}


// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

/** "A1", "A1:B2", "I:I", "3:5" (sheet prefix and $ allowed) as an area; throws InvalidArgument otherwise. */
export function parseAddress(address: string): Area {
  const bare = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "").trim();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(bare);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = columnIndex(m[1]);
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? columnIndex(m[3]) : c1;
    if (r1 < 0 || r2 < 0 || r1 > MAX_ROW || r2 > MAX_ROW || c1 > MAX_COL || c2 > MAX_COL) throw new FakeOfficeError("InvalidArgument", `The address ${address} is not valid.`);
    return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(bare);
  if (m) {
    const a = columnIndex(m[1]);
    const b = columnIndex(m[2]);
    return { top: 0, left: Math.min(a, b), bottom: MAX_ROW, right: Math.max(a, b) };
  }
  m = /^(\d+):(\d+)$/.exec(bare);
  if (m) {
    const a = Number(m[1]) - 1;
    const b = Number(m[2]) - 1;
    return { top: Math.min(a, b), left: 0, bottom: Math.max(a, b), right: MAX_COL };
  }
  throw new FakeOfficeError("InvalidArgument", `The address "${address}" is not valid.`);
}

/** "A1", "B3:G3", "I:I" of an area. */
export function formatArea(a: Area): string {
  if (a.top === 0 && a.bottom === MAX_ROW) return `${columnLetter(a.left)}:${columnLetter(a.right)}`;
  if (a.left === 0 && a.right === MAX_COL) return `${a.top + 1}:${a.bottom + 1}`;
  const first = `${columnLetter(a.left)}${a.top + 1}`;
  return a.top === a.bottom && a.left === a.right ? first : `${first}:${columnLetter(a.right)}${a.bottom + 1}`;
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function contains(outer: Area, inner: Area): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

/** a minus b, as up to four rectangles. */
function subtract(a: Area, b: Area): Area[] {
  if (!areasIntersect(a, b)) return [a];
  const out: Area[] = [];
  if (a.top < b.top) out.push({ top: a.top, left: a.left, bottom: b.top - 1, right: a.right });
  if (a.bottom > b.bottom) out.push({ top: b.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, left: a.left, bottom, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, left: b.right + 1, bottom, right: a.right });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Workbook state
// ---------------------------------------------------------------------------------------------

export type CellValue = string | number | boolean;

/** One cell's content and look. A missing entry is an empty cell in the General format. */
export interface FakeCell {
  value: CellValue;
  formula?: string;
  error?: boolean;
  numberFormat: string;
  /** Format properties by path: "font/bold", "fill/color", "borders/EdgeTop/style", "wrapText", ... */
  format: Record<string, string | number | boolean>;
}

export interface FakeConditionalFormat {
  areas: Area[];
  type: string;
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
}

export interface FakeValidation {
  rule: unknown;
  errorAlert: unknown;
  prompt: unknown;
  ignoreBlanks: boolean | null;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  legendPosition: string | null;
  position: { start: string; end: string } | null;
  seriesColors: (string | null)[];
}

export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  zoom: unknown;
  printTitleRows: string | null;
  margins: Record<string, number>;
  leftFooter: string;
  rightFooter: string;
}

export class FakeSheet {
  cells = new Map<number, FakeCell>();
  merges: Area[] = [];
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  columnWidths = new Map<number, number>();
  conditionalFormats: FakeConditionalFormat[] = [];
  validations = new Map<number, FakeValidation>();
  charts: FakeChart[] = [];
  freezeRows = 0;
  /** Manual page breaks: the 0-based rows that start a printed page. */
  rowBreaks: number[] = [];
  pageLayout: FakePageLayout = { orientation: "Portrait", paperSize: "Letter", zoom: { scale: 100 }, printTitleRows: null, margins: {}, leftFooter: "", rightFooter: "" };
  autofitRows: string[] = [];

  constructor(
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible",
    public protected_ = false,
  ) {}

  static key(row: number, col: number): number {
    return row * (MAX_COL + 1) + col;
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(row, col));
  }

  ensure(row: number, col: number): FakeCell {
    const k = FakeSheet.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: "", numberFormat: "General", format: {} };
      this.cells.set(k, c);
    }
    return c;
  }

  /** The merged area covering a cell (of more than one cell), if any. */
  mergeAt(row: number, col: number): Area | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** Bounding box of the cells with a value (valuesOnly) or with anything at all. */
  usedArea(valuesOnly: boolean): Area | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      if (valuesOnly && c.value === "" && !c.formula) continue;
      if (!valuesOnly && c.value === "" && !c.formula && Object.keys(c.format).length === 0 && c.numberFormat === "General") continue;
      const r = Math.floor(k / (MAX_COL + 1));
      const col = k % (MAX_COL + 1);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    if (!valuesOnly) {
      for (const m of this.merges) {
        top = Math.min(top, m.top);
        left = Math.min(left, m.left);
        bottom = Math.max(bottom, m.bottom);
        right = Math.max(right, m.right);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** Cells of an area that exist (value or format), with their positions. */
  *cellsIn(a: Area): Generator<[number, number, FakeCell]> {
    const size = (a.bottom - a.top + 1) * (a.right - a.left + 1);
    if (size <= this.cells.size * 4) {
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          const cell = this.cell(r, c);
          if (cell) yield [r, c, cell];
        }
      }
      return;
    }
    for (const [k, cell] of [...this.cells]) {
      const r = Math.floor(k / (MAX_COL + 1));
      const c = k % (MAX_COL + 1);
      if (r >= a.top && r <= a.bottom && c >= a.left && c <= a.right) yield [r, c, cell];
    }
  }
}

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
  /** Excel on Windows and Mac refuse a visibility change inside an undo group (default true). */
  refuseVisibilityInUndoGroup?: boolean;
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

interface Action {
  json: unknown;
  run: () => void;
}

class FakeContext {
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
    this.actions.push({ json, run });
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
    if (excel.editingCell && !this.options.delayForCellEdit) {
      fail(new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again."));
    }
    if (bytes > excel.limits.request) fail(new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit."));
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
  }

  get pending(): number {
    return this.actions.length;
  }
}

// ---------------------------------------------------------------------------------------------
// Proxies
// ---------------------------------------------------------------------------------------------

type LoadArg = string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined;

function loadPaths(arg: LoadArg): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (Array.isArray(arg)) return arg.flatMap((s) => loadPaths(s));
  return [...loadPaths(arg.select), ...loadPaths(arg.expand)];
}

/** Base of every fake Office.js object: a path in the request, loads staged until sync. */
abstract class FakeObject {
  protected loaded = new Map<string, unknown>();
  readonly id: number;
  private nav = new Map<string, FakeObject>();
  protected abstract readonly typeName: string;
  /** Scalar properties that can be loaded. */
  protected abstract readonly scalars: ReadonlyArray<string>;

  constructor(
    readonly context: FakeContext,
    parent: FakeObject | null,
    pathName: string,
    args: unknown[] = [],
  ) {
    this.id = context.path(pathName, parent ? parent.id : null, args);
  }

  /** A navigation property (created once, as Office.js does). */
  protected child<T extends FakeObject>(name: string, make: () => T): T {
    let c = this.nav.get(name);
    if (!c) {
      c = make();
      this.nav.set(name, c);
    }
    return c as T;
  }

  /** Navigation properties that can be loaded through ("protection/protected"). */
  protected navigation(_name: string): FakeObject | null {
    return null;
  }

  /** Reads a scalar for a load (at sync time). */
  protected abstract compute(prop: string): unknown;

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(this.typeName, prop);
    return this.loaded.get(prop) as T;
  }

  load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    if (paths.length === 0) throw new FakeOfficeError("InvalidArgument", `${this.typeName}.load() without properties loads everything; name the properties to load.`);
    const own: string[] = [];
    const deeper = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (rest.length === 0) {
        if (!this.scalars.includes(head)) throw new FakeOfficeError("InvalidArgument", `${this.typeName} has no property "${head}" to load.`);
        own.push(head);
      } else {
        if (!this.navigation(head)) throw new FakeOfficeError("InvalidArgument", `${this.typeName} has no navigation property "${head}".`);
        deeper.set(head, [...(deeper.get(head) ?? []), rest.join("/")]);
      }
    }
    for (const [head, rest] of deeper) (this.navigation(head) as FakeObject).load(rest);
    if (own.length > 0) {
      this.context.queue(2, "", this.id, null, () => this.stage(own), { Select: own });
    }
    return this;
  }

  /** Stages loaded values, committed at the end of a successful sync. */
  protected stage(props: string[]): void {
    const values = props.map((p) => [p, this.compute(p)] as const);
    for (const [, v] of values) this.context.respond(v);
    this.context.staged.push(() => {
      for (const [p, v] of values) this.loaded.set(p, v);
    });
  }

  /** Queues a property set. */
  protected set(name: string, value: unknown, run: () => void): void {
    this.context.queue(4, name, this.id, [value], run);
  }

  /** Queues a method call. */
  protected call(name: string, args: unknown[], run: () => void): void {
    this.context.queue(3, name, this.id, args, run);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** An object that may be a null object (the *OrNullObject methods): `isNullObject` is known after sync. */
abstract class FakeNullable extends FakeObject {
  private nullKnown: boolean | undefined;
  constructor(
    context: FakeContext,
    parent: FakeObject | null,
    pathName: string,
    args: unknown[],
    private readonly nullable: boolean,
  ) {
    super(context, parent, pathName, args);
    if (nullable) {
      context.queue(2, "", this.id, null, () => {
        const isNull = this.isNull();
        context.respond({ _IsNull: isNull });
        context.staged.push(() => (this.nullKnown = isNull));
      });
    }
  }

  protected abstract isNull(): boolean;

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullKnown === undefined) throw notLoaded(this.typeName, "isNullObject");
    return this.nullKnown;
  }

  /** Resolves the target, or throws ItemNotFound / returns null for a null object. */
  protected stageNullable(props: string[]): void {
    if (this.nullable && this.isNull()) return; // a null object loads nothing
    super.stage(props);
  }

  protected override stage(props: string[]): void {
    this.stageNullable(props);
  }
}

/** A path-only object (a navigation step such as ".custom.rule"), with public property sets. */
class FakeNode extends FakeObject {
  protected readonly typeName: string;
  protected readonly scalars: string[] = [];
  constructor(context: FakeContext, parent: FakeObject, name: string) {
    super(context, parent, name);
    this.typeName = name;
  }
  protected compute(): unknown {
    return null;
  }
  node(name: string): FakeNode {
    return this.child(name, () => new FakeNode(this.context, this, name));
  }
  setOn(name: string, v: unknown, run: () => void): void {
    this.set(name, v, run);
  }
}

// ---- ClientResult ---------------------------------------------------------------------------

class FakeClientResult<T> {
  private has = false;
  private v: T | undefined;
  constructor(context: FakeContext, compute: () => T) {
    context.queue(3, "", 0, null, () => {
      const value = compute();
      context.respond(value);
      context.staged.push(() => {
        this.v = value;
        this.has = true;
      });
    });
  }
  get value(): T {
    if (!this.has) throw notLoaded("ClientResult", "value");
    return this.v as T;
  }
}

// ---- Workbook -------------------------------------------------------------------------------

class FakeWorkbookProxy extends FakeObject {
  protected readonly typeName = "Workbook";
  protected readonly scalars = ["name"];
  constructor(context: FakeContext) {
    super(context, null, "Workbook");
  }
  protected compute(prop: string): unknown {
    return prop === "name" ? "Book1.xlsx" : undefined;
  }
  get worksheets(): FakeWorksheetCollection {
    return this.child("worksheets", () => new FakeWorksheetCollection(this.context, this));
  }
  get settings(): FakeSettingCollection {
    return this.child("settings", () => new FakeSettingCollection(this.context, this));
  }
  get protection(): FakeWorkbookProtection {
    return this.child("protection", () => new FakeWorkbookProtection(this.context, this));
  }
  protected override navigation(name: string): FakeObject | null {
    if (name === "worksheets") return this.worksheets;
    if (name === "protection") return this.protection;
    return null;
  }
}

class FakeWorkbookProtection extends FakeObject {
  protected readonly typeName = "WorkbookProtection";
  protected readonly scalars = ["protected"];
  constructor(context: FakeContext, parent: FakeObject) {
    super(context, parent, "Protection");
  }
  protected compute(): unknown {
    return this.context.excel.structureProtected;
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

class FakeWorksheetCollection extends FakeObject {
  protected readonly typeName = "WorksheetCollection";
  protected readonly scalars = ["items"];
  private itemList: FakeWorksheet[] | null = null;
  constructor(context: FakeContext, parent: FakeObject) {
    super(context, parent, "Worksheets");
  }
  protected compute(): unknown {
    return null;
  }
  override load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    const itemPaths = paths.filter((p) => p === "items" || p.startsWith("items/")).map((p) => p.slice("items/".length)).filter((p) => p !== "");
    const other = paths.filter((p) => !(p === "items" || p.startsWith("items/")));
    if (other.length > 0) throw new FakeOfficeError("InvalidArgument", `WorksheetCollection has no property "${other[0]}" to load.`);
    const props = itemPaths.length > 0 ? itemPaths : ["name"];
    // Validate the item paths against a worksheet now, as Office.js would at the query.
    const probeNames = new Set(["name", "visibility", "position", "id", "protection/protected", "tabColor"]);
    for (const p of props) if (!probeNames.has(p)) throw new FakeOfficeError("InvalidArgument", `Worksheet has no property "${p}" to load.`);
    this.context.queue(2, "", this.id, null, () => {
      const sheets = this.context.excel.sheets;
      this.context.quiet++;
      const items = sheets.map((s) => new FakeWorksheet(this.context, this, s.name, false, true));
      const rows = items.map((item, i) => item.stageNow(props, sheets[i]));
      this.context.quiet--;
      this.context.respond(rows);
      this.context.staged.push(() => (this.itemList = items));
    }, { Select: props.map((p) => `items/${p}`) });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemList) throw notLoaded(this.typeName, "items");
    return this.itemList;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this, name, false);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this, name, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this, null, false);
  }
  add(name?: string): FakeWorksheet {
    const excel = this.context.excel;
    const wanted = name ?? `Sheet${excel.sheets.length + 1}`;
    this.call("Add", [wanted], () => {
      if (excel.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected: a sheet cannot be added.");
      if (excel.sheetByName(wanted)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${wanted}" already exists.`);
      excel.sheets.push(new FakeSheet(wanted));
    });
    return new FakeWorksheet(this.context, this, wanted, false);
  }
  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.context, () => this.context.excel.sheets.length);
  }
}

class FakeWorksheet extends FakeNullable {
  protected readonly typeName = "Worksheet";
  protected readonly scalars = ["name", "visibility", "position", "id", "tabColor"];
  /** null: the active sheet, resolved at sync. */
  private readonly sheetName: string | null;

  constructor(context: FakeContext, parent: FakeObject, name: string | null, nullable: boolean, fromItems = false) {
    super(context, parent, name === null ? "GetActiveWorksheet" : nullable ? "GetItemOrNullObject" : fromItems ? "_Item" : "GetItem", name === null ? [] : [name], nullable);
    this.sheetName = name;
  }

  protected isNull(): boolean {
    return this.sheetName !== null && !this.context.excel.sheetByName(this.sheetName);
  }

  /** The sheet, or ItemNotFound. */
  sheet(): FakeSheet {
    const excel = this.context.excel;
    const s = this.sheetName === null ? excel.sheetByName(excel.activeSheet) : excel.sheetByName(this.sheetName);
    if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (worksheet "${this.sheetName}").`, "Worksheets.getItem");
    return s;
  }

  /** The sheet for a change: refused when protected. */
  writable(): FakeSheet {
    const s = this.sheet();
    if (s.protected_) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is protected and therefore read-only.", `Worksheet "${s.name}"`);
    return s;
  }

  protected compute(prop: string): unknown {
    const s = this.sheet();
    if (prop === "name") return s.name;
    if (prop === "visibility") return s.visibility;
    if (prop === "position") return this.context.excel.sheets.indexOf(s);
    if (prop === "id") return `{${s.name}}`;
    return null;
  }

  /** Loads for an item of a loaded collection (staged in the collection's sync). */
  stageNow(props: string[], s: FakeSheet): Record<string, unknown> {
    const row: Record<string, unknown> = {};
    const own: [string, unknown][] = [];
    for (const p of props) {
      if (p === "protection/protected") {
        this.protection.stageValue(s.protected_);
        row.protection = { protected: s.protected_ };
      } else {
        const v = p === "name" ? s.name : p === "visibility" ? s.visibility : p === "position" ? this.context.excel.sheets.indexOf(s) : p === "id" ? `{${s.name}}` : null;
        own.push([p, v]);
        row[p] = v;
      }
    }
    this.context.staged.push(() => {
      for (const [p, v] of own) this.loaded.set(p, v);
    });
    return row;
  }

  protected override navigation(name: string): FakeObject | null {
    if (name === "protection") return this.protection;
    if (name === "charts") return this.charts;
    if (name === "pageLayout") return this.pageLayout;
    return null;
  }

  get name(): string {
    return this.get("name");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.set("Visibility", v, () => {
      const excel = this.context.excel;
      if (this.context.options.mergeUndoGroup && excel.refuseVisibilityInUndoGroup) {
        throw new FakeOfficeError("UndoNotSupported", "Worksheet.visibility does not support undo, so it cannot be part of an undo group.");
      }
      if (excel.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
      if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw new FakeOfficeError("InvalidArgument", `"${v}" is not a sheet visibility.`);
      const s = this.sheet();
      if (v !== "Visible" && excel.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      s.visibility = v as FakeSheet["visibility"];
      if (v !== "Visible" && excel.activeSheet === s.name) excel.activeSheet = excel.sheets.find((x) => x.visibility === "Visible")?.name ?? excel.activeSheet;
    });
  }
  get protection(): FakeWorksheetProtection {
    return this.child("protection", () => new FakeWorksheetProtection(this.context, this));
  }
  get charts(): FakeChartCollection {
    return this.child("charts", () => new FakeChartCollection(this.context, this));
  }
  get freezePanes(): FakeFreezePanes {
    return this.child("freezePanes", () => new FakeFreezePanes(this.context, this));
  }
  get pageLayout(): FakePageLayoutProxy {
    return this.child("pageLayout", () => new FakePageLayoutProxy(this.context, this));
  }
  get horizontalPageBreaks(): FakePageBreaks {
    return this.child("horizontalPageBreaks", () => new FakePageBreaks(this.context, this));
  }
  activate(): void {
    this.call("Activate", [], () => {
      const s = this.sheet();
      if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.context.excel.activeSheet = s.name;
    });
  }
  getRange(address?: string): FakeRange {
    const area = address === undefined ? { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL } : parseAddress(address);
    return new FakeRange(this.context, this, "GetRange", address === undefined ? [] : [address], () => area, false);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    const area = { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    return new FakeRange(this.context, this, "GetRangeByIndexes", [row, col, rows, cols], () => area, false);
  }
  getRanges(address: string): FakeRangeAreas {
    const areas = address.split(/[,;]/).map((a) => parseAddress(a.trim()));
    return new FakeRangeAreas(this.context, this, "GetRanges", [address], () => areas, false);
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this, "GetUsedRange", [valuesOnly], () => this.sheet().usedArea(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 }, false);
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this, "GetUsedRangeOrNullObject", [valuesOnly], () => this.sheet().usedArea(valuesOnly), true);
  }
}

class FakeWorksheetProtection extends FakeObject {
  protected readonly typeName = "WorksheetProtection";
  protected readonly scalars = ["protected"];
  constructor(context: FakeContext, private readonly ws: FakeWorksheet) {
    super(context, ws, "Protection");
  }
  protected compute(): unknown {
    return this.ws.sheet().protected_;
  }
  stageValue(v: boolean): void {
    this.context.staged.push(() => this.loaded.set("protected", v));
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

class FakeFreezePanes extends FakeObject {
  protected readonly typeName = "WorksheetFreezePanes";
  protected readonly scalars: string[] = [];
  constructor(context: FakeContext, private readonly ws: FakeWorksheet) {
    super(context, ws, "FreezePanes");
  }
  protected compute(): unknown {
    return null;
  }
  freezeRows(count = 1): void {
    this.call("FreezeRows", [count], () => (this.ws.writable().freezeRows = count));
  }
  unfreeze(): void {
    this.call("Unfreeze", [], () => (this.ws.writable().freezeRows = 0));
  }
}

/** Worksheet.horizontalPageBreaks (ExcelApi 1.9): a break goes above the range's top row. */
class FakePageBreaks extends FakeObject {
  protected readonly typeName = "PageBreakCollection";
  protected readonly scalars: string[] = [];
  constructor(context: FakeContext, private readonly ws: FakeWorksheet) {
    super(context, ws, "HorizontalPageBreaks");
  }
  protected compute(): unknown {
    return null;
  }
  add(range: string): void {
    this.call("Add", [range], () => {
      const a = parseAddress(range);
      const breaks = this.ws.writable().rowBreaks;
      if (a.top > 0 && !breaks.includes(a.top)) breaks.push(a.top);
      breaks.sort((x, y) => x - y);
    });
  }
  removePageBreaks(): void {
    this.call("RemovePageBreaks", [], () => (this.ws.writable().rowBreaks = []));
  }
}

class FakeHeaderFooter extends FakeObject {
  protected readonly typeName = "HeaderFooter";
  protected readonly scalars = ["leftFooter", "rightFooter"];
  constructor(context: FakeContext, parent: FakeObject, private readonly ws: FakeWorksheet) {
    super(context, parent, "DefaultForAllPages");
  }
  protected compute(prop: string): unknown {
    const p = this.ws.sheet().pageLayout;
    return prop === "leftFooter" ? p.leftFooter : p.rightFooter;
  }
  set leftFooter(v: string) {
    this.set("LeftFooter", v, () => (this.ws.writable().pageLayout.leftFooter = v));
  }
  set rightFooter(v: string) {
    this.set("RightFooter", v, () => (this.ws.writable().pageLayout.rightFooter = v));
  }
}

class FakePageLayoutProxy extends FakeObject {
  protected readonly typeName = "PageLayout";
  protected readonly scalars = ["orientation", "paperSize", "zoom", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"];
  constructor(context: FakeContext, private readonly ws: FakeWorksheet) {
    super(context, ws, "PageLayout");
  }
  protected compute(prop: string): unknown {
    const p = this.ws.sheet().pageLayout;
    if (prop === "orientation") return p.orientation;
    if (prop === "paperSize") return p.paperSize;
    if (prop === "zoom") return p.zoom;
    return p.margins[prop] ?? null;
  }
  get headersFooters(): { defaultForAllPages: FakeHeaderFooter } {
    return { defaultForAllPages: this.child("dfap", () => new FakeHeaderFooter(this.context, this, this.ws)) };
  }
  private margin(name: string, v: number): void {
    this.set(name, v, () => (this.ws.writable().pageLayout.margins[name] = v));
  }
  set orientation(v: string) {
    this.set("Orientation", v, () => {
      if (v !== "Landscape" && v !== "Portrait") throw new FakeOfficeError("InvalidArgument", `"${v}" is not an orientation.`);
      this.ws.writable().pageLayout.orientation = v;
    });
  }
  set paperSize(v: string) {
    this.set("PaperSize", v, () => (this.ws.writable().pageLayout.paperSize = v));
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.set("Zoom", v, () => {
      if (typeof v !== "object" || v === null) throw new FakeOfficeError("InvalidArgument", "zoom must be set as one PageLayoutZoomOptions object.");
      this.ws.writable().pageLayout.zoom = { ...v };
    });
  }
  set leftMargin(v: number) {
    this.margin("leftMargin", v);
  }
  set rightMargin(v: number) {
    this.margin("rightMargin", v);
  }
  set topMargin(v: number) {
    this.margin("topMargin", v);
  }
  set bottomMargin(v: number) {
    this.margin("bottomMargin", v);
  }
  set headerMargin(v: number) {
    this.margin("headerMargin", v);
  }
  set footerMargin(v: number) {
    this.margin("footerMargin", v);
  }
  setPrintTitleRows(rows: string): void {
    this.call("SetPrintTitleRows", [rows], () => {
      const a = parseAddress(rows);
      if (a.left !== 0 || a.right !== MAX_COL) throw new FakeOfficeError("InvalidArgument", `Print title rows must be whole rows ("$1:$3"), not "${rows}".`);
      this.ws.writable().pageLayout.printTitleRows = rows.replace(/\$/g, "");
    });
  }
}

// ---- Ranges ---------------------------------------------------------------------------------

type AreaOf = () => Area | null;

function rowsCols(a: Area): [number, number] {
  return [a.bottom - a.top + 1, a.right - a.left + 1];
}

/** Excel reading a typed string: a formula, a number, or text. */
function typed(value: CellValue, format: string): { value: CellValue; formula?: string; error?: boolean } {
  if (typeof value !== "string" || format === "@") return { value };
  if (value.startsWith("=") && value.length > 1) return { value: "#NAME?", formula: value, error: true };
  if (/^[-+]?\d+(?:\.\d+)?$/.test(value.trim())) return { value: Number(value) };
  if (value.toUpperCase() === "TRUE" || value.toUpperCase() === "FALSE") return { value: value.toUpperCase() === "TRUE" };
  return { value };
}

function valueType(c: FakeCell | undefined): string {
  if (!c || (c.value === "" && !c.formula)) return "Empty";
  if (c.error) return "Error";
  if (typeof c.value === "number") return "Double";
  if (typeof c.value === "boolean") return "Boolean";
  return "String";
}

abstract class FakeRangeBase extends FakeNullable {
  constructor(
    context: FakeContext,
    protected readonly ws: FakeWorksheet,
    pathName: string,
    args: unknown[],
    nullable: boolean,
    parent: FakeObject,
  ) {
    super(context, parent, pathName, args, nullable);
  }
  /** The areas of this range (one for a Range). */
  abstract areas(): Area[];
  protected isNull(): boolean {
    return this.areas().length === 0;
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.child("conditionalFormats", () => new FakeConditionalFormatCollection(this.context, this, this.ws, () => this.areas()));
  }
  get dataValidation(): FakeDataValidation {
    return this.child("dataValidation", () => new FakeDataValidation(this.context, this, this.ws, () => this.areas()));
  }
  get format(): FakeRangeFormat {
    return this.child("format", () => new FakeRangeFormat(this.context, this, this.ws, () => this.areas()));
  }
}

class FakeRange extends FakeRangeBase {
  protected readonly typeName = "Range";
  protected readonly scalars = ["address", "values", "numberFormat", "valueTypes", "formulas", "text", "rowCount", "columnCount", "rowIndex", "columnIndex", "columnHidden", "rowHidden"];

  constructor(context: FakeContext, ws: FakeWorksheet, pathName: string, args: unknown[], private readonly areaOf: AreaOf, nullable: boolean, parent?: FakeObject) {
    super(context, ws, pathName, args, nullable, parent ?? ws);
  }

  area(): Area {
    const a = this.areaOf();
    if (!a) throw new FakeOfficeError("ItemNotFound", "The range does not exist (a null object).");
    return a;
  }

  areas(): Area[] {
    const a = this.areaOf();
    return a ? [a] : [];
  }

  private grid<T>(make: (r: number, c: number, cell: FakeCell | undefined) => T): T[][] {
    const a = this.area();
    const s = this.ws.sheet();
    const [rows, cols] = rowsCols(a);
    if (rows * cols > 5_000_000) throw new FakeOfficeError("RangeExceedsLimit", "The range is too large to load.");
    const out: T[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < cols; c++) row.push(make(a.top + r, a.left + c, s.cell(a.top + r, a.left + c)));
      out.push(row);
    }
    return out;
  }

  protected compute(prop: string): unknown {
    const a = this.area();
    const s = this.ws.sheet();
    switch (prop) {
      case "address":
        return `${sheetPrefix(s.name)}!${formatArea(a)}`;
      case "values":
        return this.grid((_r, _c, cell) => (cell ? cell.value : ""));
      case "numberFormat":
        return this.grid((_r, _c, cell) => (cell ? cell.numberFormat : "General"));
      case "valueTypes":
        return this.grid((_r, _c, cell) => valueType(cell));
      case "formulas":
        return this.grid((_r, _c, cell) => (cell ? (cell.formula ?? cell.value) : ""));
      case "text":
        return this.grid((_r, _c, cell) => (cell ? String(cell.value) : ""));
      case "rowCount":
        return rowsCols(a)[0];
      case "columnCount":
        return rowsCols(a)[1];
      case "rowIndex":
        return a.top;
      case "columnIndex":
        return a.left;
      case "columnHidden": {
        const states = new Set<boolean>();
        for (let c = a.left; c <= Math.min(a.right, a.left + 16_383); c++) states.add(s.hiddenColumns.has(c));
        return states.size === 1 ? [...states][0] : null;
      }
      case "rowHidden": {
        const states = new Set<boolean>();
        for (let r = a.top; r <= Math.min(a.bottom, a.top + 100_000); r++) states.add(s.hiddenRows.has(r));
        return states.size === 1 ? [...states][0] : null;
      }
    }
    return null;
  }

  get address(): string {
    return this.get("address");
  }
  get values(): CellValue[][] {
    return this.get("values");
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get formulas(): CellValue[][] {
    return this.get("formulas");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }

  /** Checks a 2-D input matches the range and that no non-null entry lands inside a merged area. */
  private checkInput(name: string, input: unknown[][], a: Area, s: FakeSheet): void {
    const [rows, cols] = rowsCols(a);
    if (!Array.isArray(input) || input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new FakeOfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}).`);
    }
    input.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const m = s.mergeAt(a.top + i, a.left + j);
        if (m && (m.top !== a.top + i || m.left !== a.left + j)) throw new FakeOfficeError("InvalidOperation", `Cannot change part of a merged cell (${name} in ${formatArea(m)}).`);
      }),
    );
  }

  set values(input: CellValue[][]) {
    this.set("Values", input, () => {
      const a = this.area();
      const s = this.ws.writable();
      this.checkInput("values", input, a, s);
      input.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === null || v === undefined) return;
          const r = a.top + i;
          const c = a.left + j;
          if (v === "") {
            const cell = s.cell(r, c);
            if (cell) {
              cell.value = "";
              delete cell.formula;
              delete cell.error;
            }
            return;
          }
          const cell = s.ensure(r, c);
          const t = typed(v, cell.numberFormat);
          cell.value = t.value;
          if (t.formula) cell.formula = t.formula;
          else delete cell.formula;
          if (t.error) cell.error = true;
          else delete cell.error;
        }),
      );
    });
  }

  set numberFormat(input: (string | null)[][]) {
    this.set("NumberFormat", input, () => {
      const a = this.area();
      const s = this.ws.writable();
      this.checkInput("numberFormat", input, a, s);
      input.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === null || v === undefined) return;
          s.ensure(a.top + i, a.left + j).numberFormat = v === "" ? "General" : v;
        }),
      );
    });
  }

  set columnHidden(hidden: boolean) {
    this.set("ColumnHidden", hidden, () => {
      const a = this.area();
      const s = this.ws.writable();
      if (!hidden && a.left === 0 && a.right === MAX_COL) s.hiddenColumns.clear();
      else for (let c = a.left; c <= a.right; c++) (hidden ? s.hiddenColumns.add(c) : s.hiddenColumns.delete(c));
    });
  }

  set rowHidden(hidden: boolean) {
    this.set("RowHidden", hidden, () => {
      const a = this.area();
      const s = this.ws.writable();
      if (!hidden && a.top === 0 && a.bottom === MAX_ROW) s.hiddenRows.clear();
      else for (let r = a.top; r <= a.bottom; r++) (hidden ? s.hiddenRows.add(r) : s.hiddenRows.delete(r));
    });
  }

  getRowProperties(options: { rowHidden?: boolean; rowIndex?: boolean; address?: boolean; format?: { font?: { bold?: boolean; italic?: boolean } } }): FakeClientResult<Record<string, unknown>[]> {
    this.context.path("GetRowProperties", this.id, [options]);
    return new FakeClientResult(this.context, () => {
      const a = this.area();
      const s = this.ws.sheet();
      const out: Record<string, unknown>[] = [];
      for (let r = a.top; r <= a.bottom; r++) {
        const row: Record<string, unknown> = {};
        if (options.address) row.address = `${sheetPrefix(s.name)}!${formatArea({ top: r, left: a.left, bottom: r, right: a.right })}`;
        if (options.rowIndex) row.rowIndex = r;
        if (options.rowHidden) row.rowHidden = s.hiddenRows.has(r);
        const font = options.format?.font;
        if (font) {
          const f: Record<string, unknown> = {};
          for (const key of ["bold", "italic"] as const) {
            if (!font[key]) continue;
            const states = new Set<boolean>();
            for (let c = a.left; c <= a.right; c++) states.add(s.cell(r, c)?.format[`font/${key}`] === true);
            f[key] = states.size === 1 ? [...states][0] : null;
          }
          row.format = { font: f };
        }
        out.push(row);
      }
      return out;
    });
  }

  getCellProperties(options: { address?: boolean; format?: { font?: { bold?: boolean; italic?: boolean; color?: boolean }; fill?: { color?: boolean } } }): FakeClientResult<Record<string, unknown>[][]> {
    this.context.path("GetCellProperties", this.id, [options]);
    return new FakeClientResult(this.context, () =>
      this.grid((r, c, cell) => {
        const out: Record<string, unknown> = {};
        if (options.address) out.address = `${sheetPrefix(this.ws.sheet().name)}!${formatArea({ top: r, left: c, bottom: r, right: c })}`;
        const font = options.format?.font;
        const fill = options.format?.fill;
        if (font || fill) {
          const f: Record<string, unknown> = {};
          if (font) {
            const ff: Record<string, unknown> = {};
            if (font.bold) ff.bold = cell?.format["font/bold"] === true;
            if (font.italic) ff.italic = cell?.format["font/italic"] === true;
            if (font.color) ff.color = cell?.format["font/color"] ?? "#000000";
            f.font = ff;
          }
          if (fill) f.fill = { color: cell?.format["fill/color"] ?? "#FFFFFF" };
          out.format = f;
        }
        return out;
      }),
    );
  }

  private otherArea(other: FakeRange | string): Area {
    return typeof other === "string" ? parseAddress(other) : other.area();
  }

  getBoundingRect(other: FakeRange | string): FakeRange {
    return new FakeRange(this.context, this.ws, "GetBoundingRect", [typeof other === "string" ? other : { ObjectPathId: other.id }], () => {
      const a = this.area();
      const b = this.otherArea(other);
      return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
    }, false, this);
  }

  private intersection(other: FakeRange | string): Area | null {
    const a = this.area();
    const b = this.otherArea(other);
    if (!areasIntersect(a, b)) return null;
    return { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  }

  getIntersection(other: FakeRange | string): FakeRange {
    return new FakeRange(this.context, this.ws, "GetIntersection", [typeof other === "string" ? other : { ObjectPathId: other.id }], () => {
      const i = this.intersection(other);
      if (!i) throw new FakeOfficeError("ItemNotFound", "The ranges do not intersect.");
      return i;
    }, false, this);
  }

  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return new FakeRange(this.context, this.ws, "GetIntersectionOrNullObject", [typeof other === "string" ? other : { ObjectPathId: other.id }], () => this.intersection(other), true, this);
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this.ws, "GetMergedAreasOrNullObject", [], () => {
      const a = this.area();
      return this.ws.sheet().merges.filter((m) => areasIntersect(m, a));
    }, true, this);
  }

  merge(across = false): void {
    this.call("Merge", [across], () => {
      const a = this.area();
      const s = this.ws.writable();
      const pieces = across ? Array.from({ length: a.bottom - a.top + 1 }, (_, i) => ({ ...a, top: a.top + i, bottom: a.top + i })) : [a];
      for (const m of pieces) {
        if (s.merges.some((x) => areasIntersect(x, m))) throw new FakeOfficeError("InvalidOperation", `Cannot merge ${formatArea(m)}: it overlaps a merged area.`);
        for (const [r, c, cell] of [...s.cellsIn(m)]) {
          if (r === m.top && c === m.left) continue;
          cell.value = "";
          delete cell.formula;
        }
        s.merges.push({ ...m });
      }
    });
  }

  unmerge(): void {
    this.call("Unmerge", [], () => {
      const a = this.area();
      const s = this.ws.writable();
      s.merges = s.merges.filter((m) => !areasIntersect(m, a));
    });
  }

  copyFrom(source: FakeRange | string, copyType: string = "All", skipBlanks = false, transpose = false): void {
    this.call("CopyFrom", [typeof source === "string" ? source : { ObjectPathId: source.id }, copyType, skipBlanks, transpose], () => {
      const target = this.area();
      const s = this.ws.writable();
      const src = typeof source === "string" ? parseAddress(source) : source.area();
      const srcSheet = typeof source === "string" ? s : source.ws.sheet();
      if (copyType !== "Formats" && copyType !== "All" && copyType !== "Values" && copyType !== "Formulas") throw new FakeOfficeError("InvalidArgument", `"${copyType}" is not a copy type.`);
      const [sh, sw] = rowsCols(src);
      const [th, tw] = rowsCols(target);
      for (let r = 0; r < Math.max(th, sh); r++) {
        for (let c = 0; c < Math.max(tw, sw); c++) {
          const from = srcSheet.cell(src.top + (r % sh), src.left + (c % sw));
          const tr = target.top + r;
          const tc = target.left + c;
          const m = s.mergeAt(tr, tc);
          if (m && (m.top !== tr || m.left !== tc)) throw new FakeOfficeError("InvalidOperation", "Cannot change part of a merged cell.");
          const to = s.ensure(tr, tc);
          if (copyType === "Formats" || copyType === "All") {
            to.format = { ...(from?.format ?? {}) };
            to.numberFormat = from?.numberFormat ?? "General";
          }
          if (copyType !== "Formats") {
            to.value = from?.value ?? "";
            if (from?.formula) to.formula = from.formula;
          }
        }
      }
    });
  }

  clear(applyTo: string = "All"): void {
    this.call("Clear", [applyTo], () => {
      const a = this.area();
      const s = this.ws.writable();
      for (const [r, c, cell] of [...s.cellsIn(a)]) {
        if (applyTo === "All") s.cells.delete(FakeSheet.key(r, c));
        else if (applyTo === "Formats") {
          cell.format = {};
          cell.numberFormat = "General";
        } else if (applyTo === "Contents") {
          cell.value = "";
          delete cell.formula;
          delete cell.error;
        }
      }
      if (applyTo === "All" || applyTo === "Formats") s.merges = s.merges.filter((m) => !contains(a, m));
    });
  }

  select(): void {
    this.call("Select", [], () => {
      const s = this.ws.sheet();
      const excel = this.context.excel;
      if (excel.activeSheet !== s.name) throw new FakeOfficeError("InvalidOperation", "A range can only be selected on the active sheet.");
      excel.selection = { sheet: s.name, address: formatArea(this.area()) };
    });
  }
}

class FakeRangeAreas extends FakeRangeBase {
  protected readonly typeName = "RangeAreas";
  protected readonly scalars = ["address", "areaCount", "cellCount"];
  constructor(context: FakeContext, ws: FakeWorksheet, pathName: string, args: unknown[], private readonly areasOf: () => Area[], nullable: boolean, parent?: FakeObject) {
    super(context, ws, pathName, args, nullable, parent ?? ws);
  }
  areas(): Area[] {
    return this.areasOf();
  }
  protected compute(prop: string): unknown {
    const areas = this.areas();
    const name = sheetPrefix(this.ws.sheet().name);
    if (prop === "address") return areas.map((a) => `${name}!${formatArea(a)}`).join(", ");
    if (prop === "areaCount") return areas.length;
    return areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}

// ---- Formats --------------------------------------------------------------------------------

class FakeFormatPart extends FakeObject {
  protected readonly typeName: string;
  protected readonly scalars: string[];
  constructor(
    context: FakeContext,
    parent: FakeObject,
    name: string,
    private readonly prefix: string,
    props: string[],
    private readonly owner: FakeRangeFormat,
  ) {
    super(context, parent, name);
    this.typeName = name;
    this.scalars = props;
    for (const p of props) {
      Object.defineProperty(this, p, {
        get: () => this.get(p),
        set: (v: string | number | boolean) => this.set(p, v, () => this.owner.apply(`${this.prefix}${p}`, v)),
      });
    }
  }
  protected compute(prop: string): unknown {
    return this.owner.read(`${this.prefix}${prop}`);
  }
}

const FONT_PROPS = ["name", "size", "bold", "italic", "color", "underline", "strikethrough"];

class FakeBorders extends FakeObject {
  protected readonly typeName = "RangeBorderCollection";
  protected readonly scalars: string[] = [];
  constructor(context: FakeContext, parent: FakeObject, private readonly owner: FakeRangeFormat) {
    super(context, parent, "Borders");
  }
  protected compute(): unknown {
    return null;
  }
  getItem(edge: string): FakeFormatPart {
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical", "DiagonalDown", "DiagonalUp"];
    if (!edges.includes(edge)) throw new FakeOfficeError("InvalidArgument", `"${edge}" is not a border.`);
    return this.child(edge, () => new FakeFormatPart(this.context, this, "RangeBorder", `borders/${edge}/`, ["style", "color", "weight"], this.owner));
  }
}

class FakeRangeFormat extends FakeObject {
  protected readonly typeName = "RangeFormat";
  protected readonly scalars = ["wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth", "rowHeight"];
  constructor(context: FakeContext, parent: FakeObject, private readonly ws: FakeWorksheet, private readonly areasOf: () => Area[]) {
    super(context, parent, "Format");
  }
  get font(): FakeFormatPart & Record<string, unknown> {
    return this.child("font", () => new FakeFormatPart(this.context, this, "RangeFont", "font/", FONT_PROPS, this)) as FakeFormatPart & Record<string, unknown>;
  }
  get fill(): FakeFormatPart & Record<string, unknown> {
    return this.child("fill", () => new FakeFormatPart(this.context, this, "RangeFill", "fill/", ["color"], this)) as FakeFormatPart & Record<string, unknown>;
  }
  get borders(): FakeBorders {
    return this.child("borders", () => new FakeBorders(this.context, this, this));
  }
  protected compute(prop: string): unknown {
    if (prop === "columnWidth") {
      const a = this.areasOf()[0];
      return a ? (this.ws.sheet().columnWidths.get(a.left) ?? 48) : null;
    }
    return this.read(prop);
  }
  /** The value of a format path over the range: the value, or null when cells differ. */
  read(path: string): unknown {
    const s = this.ws.sheet();
    const states = new Set<unknown>();
    for (const a of this.areasOf()) {
      const [rows, cols] = rowsCols(a);
      if (rows * cols > 1_000_000) return null;
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) states.add(s.cell(r, c)?.format[path] ?? null);
    }
    return states.size === 1 ? [...states][0] : null;
  }
  /** Sets a format path on every cell of the range (the look of the cells, as Excel does). */
  apply(path: string, v: string | number | boolean): void {
    const s = this.ws.writable();
    for (const a of this.areasOf()) {
      const [rows, cols] = rowsCols(a);
      if (rows * cols > 2_000_000) throw new FakeOfficeError("InvalidOperation", "The fake does not format ranges of more than 2 million cells.");
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) s.ensure(r, c).format[path] = v;
    }
  }
  set wrapText(v: boolean) {
    this.set("WrapText", v, () => this.apply("wrapText", v));
  }
  set horizontalAlignment(v: string) {
    this.set("HorizontalAlignment", v, () => this.apply("horizontalAlignment", v));
  }
  set verticalAlignment(v: string) {
    this.set("VerticalAlignment", v, () => this.apply("verticalAlignment", v));
  }
  set columnWidth(v: number) {
    this.set("ColumnWidth", v, () => {
      const s = this.ws.writable();
      for (const a of this.areasOf()) for (let c = a.left; c <= a.right; c++) s.columnWidths.set(c, v);
    });
  }
  get wrapText(): boolean {
    return this.get("wrapText");
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  autofitRows(): void {
    this.call("AutofitRows", [], () => {
      const s = this.ws.writable();
      for (const a of this.areasOf()) s.autofitRows.push(formatArea(a));
    });
  }
  autofitColumns(): void {
    this.call("AutofitColumns", [], () => void this.ws.writable());
  }
}

// ---- Conditional formats ----------------------------------------------------------------------

class FakeConditionalFormatCollection extends FakeObject {
  protected readonly typeName = "ConditionalFormatCollection";
  protected readonly scalars = ["items"];
  constructor(context: FakeContext, parent: FakeObject, private readonly ws: FakeWorksheet, private readonly areasOf: () => Area[]) {
    super(context, parent, "ConditionalFormats");
  }
  protected compute(): unknown {
    return null;
  }
  override load(): this {
    throw new FakeOfficeError("InvalidArgument", "The fake does not load conditional format items; read them from FakeExcel.conditionalFormats().");
  }
  add(type: string): FakeConditionalFormatProxy {
    const holder: { cf: FakeConditionalFormat | null } = { cf: null };
    this.call("Add", [type], () => {
      if (type !== "Custom") throw new FakeOfficeError("InvalidArgument", `The fake models custom conditional formats only, not "${type}".`);
      const s = this.ws.writable();
      holder.cf = { areas: this.areasOf().map((a) => ({ ...a })), type, formula: null, fill: null, fontColor: null };
      s.conditionalFormats.push(holder.cf);
    });
    return new FakeConditionalFormatProxy(this.context, this, this.ws, holder);
  }
  clearAll(): void {
    this.call("ClearAll", [], () => {
      const s = this.ws.writable();
      const areas = this.areasOf();
      s.conditionalFormats = s.conditionalFormats
        .map((cf) => ({ ...cf, areas: areas.reduce((acc, b) => acc.flatMap((a) => subtract(a, b)), cf.areas) }))
        .filter((cf) => cf.areas.length > 0);
    });
  }
  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.context, () => {
      const areas = this.areasOf();
      return this.ws.sheet().conditionalFormats.filter((cf) => cf.areas.some((a) => areas.some((b) => areasIntersect(a, b)))).length;
    });
  }
}

class FakeConditionalFormatProxy extends FakeObject {
  protected readonly typeName = "ConditionalFormat";
  protected readonly scalars = ["type", "priority", "stopIfTrue"];
  constructor(context: FakeContext, parent: FakeObject, private readonly ws: FakeWorksheet, private readonly holder: { cf: FakeConditionalFormat | null }) {
    super(context, parent, "ConditionalFormat");
  }
  protected compute(prop: string): unknown {
    return prop === "type" ? this.holder.cf?.type : null;
  }
  private cf(): FakeConditionalFormat {
    if (!this.holder.cf) throw new FakeOfficeError("ItemNotFound", "The conditional format does not exist.");
    this.ws.writable();
    return this.holder.cf;
  }
  get custom(): { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } {
    const custom = this.child("custom", () => new FakeNode(this.context, this, "Custom"));
    const rule = custom.node("rule");
    const fill = custom.node("format").node("fill");
    const font = custom.node("format").node("font");
    const cf = () => this.cf();
    return {
      rule: {
        set formula(v: string) {
          rule.setOn("Formula", v, () => {
            if (typeof v !== "string" || !v.startsWith("=")) throw new FakeOfficeError("InvalidArgument", "A conditional format formula starts with =.");
            cf().formula = v;
          });
        },
        get formula(): string {
          throw notLoaded("ConditionalFormatRule", "formula");
        },
      },
      format: {
        fill: {
          set color(v: string) {
            fill.setOn("Color", v, () => (cf().fill = v));
          },
          get color(): string {
            throw notLoaded("ConditionalRangeFill", "color");
          },
        },
        font: {
          set color(v: string) {
            font.setOn("Color", v, () => (cf().fontColor = v));
          },
          get color(): string {
            throw notLoaded("ConditionalRangeFont", "color");
          },
        },
      },
    };
  }
}

// ---- Data validation --------------------------------------------------------------------------

class FakeDataValidation extends FakeObject {
  protected readonly typeName = "DataValidation";
  protected readonly scalars = ["rule", "errorAlert", "prompt", "ignoreBlanks", "type", "valid"];
  constructor(context: FakeContext, parent: FakeObject, private readonly ws: FakeWorksheet, private readonly areasOf: () => Area[]) {
    super(context, parent, "DataValidation");
  }
  private each(fn: (key: number) => void): void {
    for (const a of this.areasOf()) {
      const [rows, cols] = rowsCols(a);
      if (rows * cols > 2_000_000) throw new FakeOfficeError("InvalidOperation", "The fake does not validate ranges of more than 2 million cells.");
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(FakeSheet.key(r, c));
    }
  }
  protected compute(prop: string): unknown {
    const s = this.ws.sheet();
    const states = new Set<string>();
    let first: FakeValidation | undefined;
    this.each((k) => {
      const v = s.validations.get(k);
      first ??= v;
      states.add(JSON.stringify(v ?? null));
    });
    if (states.size !== 1) return null;
    if (prop === "type") return first ? "List" : "None";
    if (prop === "valid") return true;
    return first ? (first as unknown as Record<string, unknown>)[prop] : null;
  }
  clear(): void {
    this.call("Clear", [], () => {
      const s = this.ws.writable();
      this.each((k) => s.validations.delete(k));
    });
  }
  private update(name: keyof FakeValidation, v: unknown): void {
    this.set(name, v, () => {
      const s = this.ws.writable();
      if (name === "rule") {
        const rule = v as { list?: { source?: unknown } };
        if (!rule || typeof rule !== "object" || !rule.list || typeof rule.list.source !== "string") {
          throw new FakeOfficeError("InvalidArgument", "The fake models list validations with a text source only.");
        }
      }
      this.each((k) => {
        const cur = s.validations.get(k) ?? { rule: null, errorAlert: null, prompt: null, ignoreBlanks: null };
        s.validations.set(k, { ...cur, [name]: JSON.parse(JSON.stringify(v)) });
      });
    });
  }
  set rule(v: unknown) {
    this.update("rule", v);
  }
  set errorAlert(v: unknown) {
    this.update("errorAlert", v);
  }
  set prompt(v: unknown) {
    this.update("prompt", v);
  }
  set ignoreBlanks(v: boolean) {
    this.update("ignoreBlanks", v);
  }
  get rule(): unknown {
    return this.get("rule");
  }
}

// ---- Charts ---------------------------------------------------------------------------------

class FakeChartCollection extends FakeObject {
  protected readonly typeName = "ChartCollection";
  protected readonly scalars = ["items", "count"];
  private itemList: FakeChartProxy[] | null = null;
  constructor(context: FakeContext, private readonly ws: FakeWorksheet) {
    super(context, ws, "Charts");
  }
  protected compute(): unknown {
    return null;
  }
  override load(arg?: LoadArg): this {
    const props = loadPaths(arg).map((p) => (p.startsWith("items/") ? p.slice(6) : p));
    for (const p of props) if (p !== "name" && p !== "items") throw new FakeOfficeError("InvalidArgument", `Chart has no property "${p}" to load (the fake loads names).`);
    this.context.queue(2, "", this.id, null, () => {
      const charts = this.ws.sheet().charts;
      this.context.quiet++;
      const items = charts.map((c) => new FakeChartProxy(this.context, this, this.ws, () => c));
      this.context.quiet--;
      this.context.respond(charts.map((c) => ({ name: c.name })));
      this.context.staged.push(() => {
        items.forEach((item, i) => item.setLoadedName(charts[i].name));
        this.itemList = items;
      });
    });
    return this;
  }
  get items(): FakeChartProxy[] {
    if (!this.itemList) throw notLoaded(this.typeName, "items");
    return this.itemList;
  }
  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChartProxy {
    const holder: { chart: FakeChart | null } = { chart: null };
    this.call("Add", [type, { ObjectPathId: source.id }, seriesBy], () => {
      const s = this.ws.writable();
      const a = source.area();
      const [rows, cols] = rowsCols(a);
      if (rows < 2 || cols < 2) throw new FakeOfficeError("EmptyChartSeries", "The chart's source has no data series.");
      const series = seriesBy === "Rows" ? rows - 1 : cols - 1;
      holder.chart = { name: `Chart ${s.charts.length + 1}`, type, source: formatArea(a), seriesBy, title: null, legendPosition: null, position: null, seriesColors: Array.from({ length: series }, () => null) };
      s.charts.push(holder.chart);
    });
    return new FakeChartProxy(this.context, this, this.ws, () => holder.chart);
  }
  getItem(name: string): FakeChartProxy {
    return new FakeChartProxy(this.context, this, this.ws, () => this.ws.sheet().charts.find((c) => c.name === name) ?? null, name);
  }
}

class FakeChartProxy extends FakeObject {
  protected readonly typeName = "Chart";
  protected readonly scalars = ["name"];
  constructor(context: FakeContext, parent: FakeObject, private readonly ws: FakeWorksheet, private readonly chartOf: () => FakeChart | null, name?: string) {
    super(context, parent, name ? "GetItem" : "Chart", name ? [name] : []);
  }
  protected compute(): unknown {
    return this.chart().name;
  }
  setLoadedName(name: string): void {
    this.loaded.set("name", name);
  }
  chart(): FakeChart {
    const c = this.chartOf();
    if (!c) throw new FakeOfficeError("ItemNotFound", "The chart does not exist.");
    return c;
  }
  private change(name: string, v: unknown, fn: (c: FakeChart) => void): void {
    this.set(name, v, () => {
      this.ws.writable();
      fn(this.chart());
    });
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.change("Name", v, (c) => (c.name = v));
  }
  get title(): { text: string } {
    const self = this;
    return {
      set text(v: string) {
        self.change("Title", v, (c) => (c.title = v));
      },
      get text(): string {
        throw notLoaded("ChartTitle", "text");
      },
    };
  }
  get legend(): { position: string } {
    const self = this;
    return {
      set position(v: string) {
        self.change("LegendPosition", v, (c) => (c.legendPosition = v));
      },
      get position(): string {
        throw notLoaded("ChartLegend", "position");
      },
    };
  }
  get series(): { getItemAt(i: number): { format: { fill: { setSolidColor(color: string): void } } } } {
    return {
      getItemAt: (i: number) => ({
        format: {
          fill: {
            setSolidColor: (color: string) =>
              this.call("SetSolidColor", [i, color], () => {
                this.ws.writable();
                const c = this.chart();
                if (i < 0 || i >= c.seriesColors.length) throw new FakeOfficeError("ItemNotFound", `The chart has no series ${i}.`);
                c.seriesColors[i] = color;
              }),
          },
        },
      }),
    };
  }
  setPosition(start: string, end?: string): void {
    this.call("SetPosition", [start, end ?? null], () => {
      parseAddress(start);
      if (end) parseAddress(end);
      this.ws.writable();
      this.chart().position = { start, end: end ?? start };
    });
  }
  delete(): void {
    this.call("Delete", [], () => {
      const s = this.ws.writable();
      const c = this.chart();
      s.charts = s.charts.filter((x) => x !== c);
    });
  }
}

// ---- Settings -------------------------------------------------------------------------------

class FakeSettingCollection extends FakeObject {
  protected readonly typeName = "SettingCollection";
  protected readonly scalars: string[] = [];
  constructor(context: FakeContext, parent: FakeObject) {
    super(context, parent, "Settings");
  }
  protected compute(): unknown {
    return null;
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, this, key, true);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, this, key, false);
  }
  add(key: string, value: unknown): FakeSetting {
    this.call("Add", [key, value], () => {
      if (typeof key !== "string" || key === "") throw new FakeOfficeError("InvalidArgument", "A setting needs a key.");
      this.context.excel.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
    return new FakeSetting(this.context, this, key, false);
  }
}

class FakeSetting extends FakeNullable {
  protected readonly typeName = "Setting";
  protected readonly scalars = ["key", "value"];
  constructor(context: FakeContext, parent: FakeObject, private readonly key: string, nullable: boolean) {
    super(context, parent, nullable ? "GetItemOrNullObject" : "GetItem", [key], nullable);
  }
  protected isNull(): boolean {
    return !this.context.excel.settings.has(this.key);
  }
  protected compute(prop: string): unknown {
    if (!this.context.excel.settings.has(this.key)) throw new FakeOfficeError("ItemNotFound", `No setting "${this.key}".`);
    return prop === "key" ? this.key : this.context.excel.settings.get(this.key);
  }
  get value(): unknown {
    return this.get("value");
  }
}

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
  today: string;
  /** Functions registered with Office.actions.associate. */
  actions = new Map<string, (event: unknown) => unknown>();
  dialogs: FakeDialog[] = [];
  /** Messages sent with Office.context.ui.messageParent (on a dialog page). */
  parentMessages: string[] = [];

  constructor(options: FakeOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.20";
    this.otherSets = options.otherSets ?? { DialogApi: "1.2" };
    this.platform = options.platform ?? "OfficeOnline";
    const limit = this.platform === "OfficeOnline" ? PAYLOAD_LIMIT_BYTES : Number.POSITIVE_INFINITY;
    this.limits = { request: options.requestLimit ?? limit, response: options.responseLimit ?? limit };
    this.refuseVisibilityInUndoGroup = options.refuseVisibilityInUndoGroup ?? true;
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
  host(): { inExcel: boolean; payloadLimited: boolean; run: FakeExcel["run"]; isSetSupported: (n: string, v: string) => boolean; today: () => string } {
    return {
      inExcel: true,
      payloadLimited: this.platform === "OfficeOnline",
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
