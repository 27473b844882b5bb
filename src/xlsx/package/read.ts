/**
 * The grids of a workbook read straight from its package XML: what ExcelJS gave (see
 * grid-from-exceljs.ts, whose cell conversion is used here too), for any producer (openpyxl's
 * absolute relationship targets, LibreOffice's tables, drawings without prefixes), and bounded:
 * a merged area is clipped to the cells the sheet really holds before anything is expanded.
 */
import type { Document } from "@xmldom/xmldom";
import type * as ExcelJS from "exceljs";
import { columnIndex, type Area, type Cell, type Grid } from "../../core/grid";
import { cellFromValue, shownAsFormatted } from "../grid-from-exceljs";
import { readStyles, type CellStyles } from "./read-styles";
import { REL, WorkbookPart } from "./workbook";
import { attr, child, decodeXml, rootOf, XmlProblem } from "./xml";
import type { Package } from "./zip";

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const REL_STRINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";

type RichRun = { text: string; font?: { bold?: boolean; italic?: boolean } };
type StringItem = string | { richText: RichRun[] };

const T = /<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
const RUN = /<(?:[\w.-]+:)?r>([\s\S]*?)<\/(?:[\w.-]+:)?r>/g;

function flag(xml: string, tag: string): boolean {
  const m = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*)/?>`).exec(xml);
  return m !== null && !/val\s*=\s*["'](0|false)["']/.test(m[1]);
}

/** A string item (<si> or <is>): plain text, or rich text runs as ExcelJS gives them. */
function stringItem(xml: string): StringItem {
  const body = xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, "");
  if (/<(?:[\w.-]+:)?r>/.test(body)) {
    const runs: RichRun[] = [];
    for (const m of body.matchAll(RUN)) {
      const text = [...m[1].matchAll(T)].map((t) => decodeXml(t[1] ?? "")).join("");
      const rPr = /<(?:[\w.-]+:)?rPr>([\s\S]*?)<\/(?:[\w.-]+:)?rPr>/.exec(m[1])?.[1] ?? "";
      runs.push({ text, font: { bold: flag(rPr, "b"), italic: flag(rPr, "i") } });
    }
    return { richText: runs };
  }
  return [...body.matchAll(T)].map((t) => decodeXml(t[1] ?? "")).join("");
}

/**
 * What a scan by patterns would let through: a document type (the door to entity expansion),
 * markup that is not markup, an entity that is not one of XML's own, a part cut short.
 */
function checkWellFormed(text: string, what: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new XmlProblem(`${what} declares a document type (not allowed in a workbook)`);
  if (/<(?![A-Za-z_/?!])/.test(text)) throw new XmlProblem(`${what} holds a "<" that is not markup`);
  if (/&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new XmlProblem(`${what} holds an "&" that is not an entity`);
  if (!/>\s*$/.test(text)) throw new XmlProblem(`${what} is truncated`);
}

async function sharedStrings(pkg: Package, wb: WorkbookPart): Promise<StringItem[]> {
  const part = await wb.related(REL_STRINGS);
  if (!part || !pkg.has(part)) return [];
  const text = await pkg.text(part);
  checkWellFormed(text, "the shared strings");
  const items: StringItem[] = [];
  const SI = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  for (const m of text.matchAll(SI)) items.push(stringItem(m[1] ?? ""));
  return items;
}

function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(ref);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : null;
}

/** Milliseconds of an Excel serial day, as ExcelJS converts it. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

interface SheetContext {
  name: string;
  strings: StringItem[];
  styles: CellStyles;
  date1904: boolean;
}

const TOKEN = /<(?:[\w.-]+:)?(row|c)\b([^>]*?)(\/?)>/g;

/** One worksheet's XML as a grid. */
export function gridFromSheetXml(text: string, ctx: SheetContext, visible: boolean): Grid {
  checkWellFormed(text, `the sheet "${ctx.name}"`);
  const start = text.search(/<(?:[\w.-]+:)?sheetData\b/);
  const endTag = text.search(/<\/(?:[\w.-]+:)?sheetData>/);
  if (start >= 0 && endTag < 0 && !/<(?:[\w.-]+:)?sheetData\b[^>]*\/>/.test(text)) throw new XmlProblem(`the sheet "${ctx.name}" is truncated`);
  const data = start < 0 ? "" : text.slice(start, endTag < 0 ? text.length : endTag);
  const rest = endTag < 0 ? "" : text.slice(endTag);
  const rows: (Cell | undefined)[][] = [];
  const hidden = new Set<number>();
  const valueRows = new Set<number>();
  let row = -1;
  let col = -1;
  let maxRow = -1;
  let maxCol = -1;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(data); m; m = TOKEN.exec(data)) {
    if (m[1] === "row") {
      const r = attr(m[2], "r");
      row = r !== undefined ? Number(r) - 1 : row + 1;
      if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS) throw new XmlProblem(`the sheet "${ctx.name}" has a row numbered ${r ?? row + 1}, outside a worksheet`);
      col = -1;
      if (/^(1|true)$/.test(attr(m[2], "hidden") ?? "")) hidden.add(row);
      continue;
    }
    let inner = "";
    if (m[3] !== "/") {
      const close = data.indexOf("</", TOKEN.lastIndex);
      const closeC = /<\/(?:[\w.-]+:)?c>/g;
      closeC.lastIndex = TOKEN.lastIndex;
      const found = closeC.exec(data);
      if (!found || close < 0) throw new XmlProblem(`the sheet "${ctx.name}" is truncated (a cell is not closed)`);
      inner = data.slice(TOKEN.lastIndex, found.index);
      TOKEN.lastIndex = found.index + found[0].length;
    }
    const ref = attr(m[2], "r");
    const at = ref !== undefined ? cellRef(ref) : { row: Math.max(row, 0), col: col + 1 };
    if (!at || at.row >= MAX_ROWS || at.col >= MAX_COLS || at.col < 0) throw new XmlProblem(`the sheet "${ctx.name}" has a cell "${ref}" outside a worksheet`);
    col = at.col;
    const value = cellValue(inner, attr(m[2], "t"), attr(m[2], "s"), ctx, ref ?? "");
    const style = ctx.styles.fontOf(attr(m[2], "s"));
    const cell = shownAsFormatted(cellFromValue(value as ExcelJS.CellValue, style), ctx.styles.formatOf(attr(m[2], "s")));
    maxRow = Math.max(maxRow, at.row);
    maxCol = Math.max(maxCol, at.col);
    if (cell) {
      (rows[at.row] ??= [])[at.col] = cell;
      valueRows.add(at.row);
    }
  }
  const merges = mergesOf(rest, maxRow, maxCol);
  // A merged area's value is in its top-left cell only.
  for (const a of merges) {
    for (let r = a.top; r <= a.bottom; r++) {
      const cells = rows[r];
      if (r > a.top) valueRows.add(r);
      if (!cells) continue;
      for (let c = a.left; c <= a.right && c < cells.length; c++) if (r !== a.top || c !== a.left) delete cells[c];
    }
  }
  const bottom = Math.max(maxRow, ...merges.map((a) => a.bottom));
  for (let i = 0; i <= bottom; i++) if (!rows[i]) rows[i] = [];
  const protection = /<(?:[\w.-]+:)?sheetProtection\b([^>]*)>/.exec(rest);
  return {
    name: ctx.name,
    rows,
    merges,
    hiddenRows: [...hidden].filter((r) => valueRows.has(r)).sort((a, b) => a - b),
    protected: protection !== null && /^(1|true)$/.test(attr(protection[1], "sheet") ?? ""),
    visible,
  };
}

/** Merged areas of two cells or more, clipped to the rows and columns the sheet holds. */
function mergesOf(text: string, maxRow: number, maxCol: number): Area[] {
  const out: Area[] = [];
  for (const m of text.matchAll(/<(?:[\w.-]+:)?mergeCell\b([^>]*?)\/?>/g)) {
    const [a, b] = (attr(m[1], "ref") ?? "").split(":");
    const tl = cellRef(a ?? "");
    const br = cellRef(b ?? a ?? "");
    if (!tl || !br) continue;
    const area = { top: Math.min(tl.row, br.row), left: Math.min(tl.col, br.col), bottom: Math.min(Math.max(tl.row, br.row), maxRow), right: Math.min(Math.max(tl.col, br.col), maxCol) };
    if (area.bottom < area.top || area.right < area.left) continue;
    if (area.bottom === area.top && area.right === area.left) continue;
    out.push(area);
  }
  return out;
}

function cellValue(inner: string, t: string | undefined, s: string | undefined, ctx: SheetContext, ref: string): unknown {
  const v = /<(?:[\w.-]+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?v>)/.exec(inner);
  const raw = v ? decodeXml(v[1] ?? "") : undefined;
  const formula = /<(?:[\w.-]+:)?f\b/.test(inner);
  const isDate = ctx.styles.isDate(s);
  const scalar = (): unknown => {
    if (t === "inlineStr") {
      const is = /<(?:[\w.-]+:)?is>([\s\S]*?)<\/(?:[\w.-]+:)?is>/.exec(inner);
      return is ? stringItem(is[1]) : raw;
    }
    if (raw === undefined) return undefined;
    switch (t) {
      case "s": {
        const item = ctx.strings[Number(raw)];
        if (item === undefined) throw new XmlProblem(`cell ${ref} of "${ctx.name}" points at shared string ${raw}, but the workbook has ${ctx.strings.length}`);
        return item;
      }
      case "str":
        return raw;
      case "b":
        return parseInt(raw, 10) !== 0;
      case "e":
        return { error: raw };
      case "d": {
        // An ISO 8601 date (Strict and LibreOffice may write them): its calendar day, at UTC midnight.
        const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
        return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : raw;
      }
      default: {
        const n = parseFloat(raw);
        if (Number.isNaN(n)) return undefined;
        return isDate ? serialToDate(n, ctx.date1904) : n;
      }
    }
  };
  const value = scalar();
  if (formula) return { formula: "=", result: value };
  return value;
}

/** Every worksheet of the package as grids, in tab order (chart sheets are not grids). */
export async function gridsFromPackage(pkg: Package): Promise<Grid[]> {
  const wb = await WorkbookPart.open(pkg);
  const strings = await sharedStrings(pkg, wb);
  const stylesPart = await wb.related(REL.styles);
  const styles = await readStyles(stylesPart && pkg.has(stylesPart) ? await pkg.xml(stylesPart) : null);
  const pr = child(rootOf(wb.doc as Document), "workbookPr");
  const date1904 = /^(1|true)$/.test(pr?.getAttribute("date1904") ?? "");
  const grids: Grid[] = [];
  for (const sheet of await wb.sheets()) {
    if (sheet.missing) throw new XmlProblem(`the sheet "${sheet.name}" is listed but its part ${sheet.missing} is missing`);
    if (!sheet.part) continue;
    const state = sheet.el.getAttribute("state");
    const text = await pkg.text(sheet.part);
    grids.push(gridFromSheetXml(text, { name: sheet.name, strings, styles, date1904 }, state === null || state === "visible"));
  }
  return grids;
}
