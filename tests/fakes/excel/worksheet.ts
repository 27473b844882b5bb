/** A worksheet: visibility, protection, activation, ranges, freeze panes and page layout. */
import { parseAddress } from "./addresses";
import { FakeChartCollection } from "./charts";
import type { FakeContext } from "./context";
import { FakeOfficeError, MAX_COL, MAX_ROW } from "./errors";
import { FakeNullable, FakeObject } from "./object";
import { FakeRange, FakeRangeAreas } from "./range";
import type { FakeSheet } from "./state";

export class FakeWorksheet extends FakeNullable {
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
      // Microsoft's list of APIs without undo support: Worksheet.visibility on Windows and Mac.
      if (excel.platform !== "OfficeOnline") excel.undo.clear("Worksheet.visibility (Windows, Mac)");
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

export class FakeWorksheetProtection extends FakeObject {
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

export class FakeFreezePanes extends FakeObject {
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
export class FakePageBreaks extends FakeObject {
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

export class FakeHeaderFooter extends FakeObject {
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

export class FakePageLayoutProxy extends FakeObject {
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
