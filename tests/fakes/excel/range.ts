/** Ranges and RangeAreas: values and number formats, rows and columns, merges, copies, clears. */
import { areasIntersect, type Area } from "../../../src/core/grid";
import { contains, formatArea, parseAddress, rowsCols, sheetPrefix } from "./addresses";
import type { FakeContext } from "./context";
import { CELL_READ_LIMIT, FakeOfficeError, MAX_COL, MAX_ROW, MERGED_AREAS_LIMIT } from "./errors";
import { FakeConditionalFormatCollection, FakeRangeFormat } from "./formats";
import { FakeClientResult, FakeNullable, type FakeObject } from "./object";
import { FakeSheet, typed, type CellValue, type FakeCell } from "./state";
import { FakeDataValidation } from "./validation";
import type { FakeWorksheet } from "./worksheet";

export type AreaOf = () => Area | null;

export function valueType(c: FakeCell | undefined): string {
  if (!c || (c.value === "" && !c.formula)) return "Empty";
  if (c.error) return "Error";
  if (typeof c.value === "number") return "Double";
  if (typeof c.value === "boolean") return "Boolean";
  return "String";
}

export abstract class FakeRangeBase extends FakeNullable {
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

export class FakeRange extends FakeRangeBase {
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
    // On every platform: "A range is limited to 5,000,000 cells for read operations."
    if (rows * cols > CELL_READ_LIMIT) throw new FakeOfficeError("RangeExceedsLimit", `The range ${formatArea(a)} holds ${rows * cols} cells; Excel reads at most ${CELL_READ_LIMIT} at once.`);
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

  /** The used part of this range (values only, or anything); ItemNotFound when it has none. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this.ws, "GetUsedRange", [valuesOnly], () => {
      const used = this.usedWithin(valuesOnly);
      if (!used) throw new FakeOfficeError("ItemNotFound", "The range has no used cells.");
      return used;
    }, false, this);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this.ws, "GetUsedRangeOrNullObject", [valuesOnly], () => this.usedWithin(valuesOnly), true, this);
  }

  private usedWithin(valuesOnly: boolean): Area | null {
    const a = this.area();
    const used = this.ws.sheet().usedArea(valuesOnly, a);
    return used;
  }

  /** Refused (at the sync) when the range holds more than 512 merged areas, as Excel "fails to return the result". */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this.ws, "GetMergedAreasOrNullObject", [], () => {
      const a = this.area();
      const merges = this.ws.sheet().merges.filter((m) => areasIntersect(m, a));
      if (merges.length > MERGED_AREAS_LIMIT) {
        throw new FakeOfficeError("GeneralException", `The range ${formatArea(a)} holds ${merges.length} merged areas; getMergedAreasOrNullObject returns nothing past ${MERGED_AREAS_LIMIT}.`);
      }
      // Reported to clear the undo list on Excel on Windows (office-js issue 5918).
      if (this.context.excel.platform === "PC") this.context.excel.undo.clear("getMergedAreasOrNullObject (Windows)");
      return merges;
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

export class FakeRangeAreas extends FakeRangeBase {
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
