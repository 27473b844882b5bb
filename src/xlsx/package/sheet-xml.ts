/**
 * A worksheet part, edited without holding its rows as a DOM (a 10,000-action sheet is tens of
 * megabytes of XML): the rows are found by a scan of the text, the few rows the product writes
 * are edited as text, and every other row is kept byte for byte. What lies outside sheetData
 * (columns, merges, conditional formats, dropdowns, page set-up, extensions) is a small DOM.
 */
import type { Document, Element } from "@xmldom/xmldom";
import { columnIndex, columnLetter } from "../../core/grid";
import { extractOurFormats, PLACEHOLDER_REF, type OurBlock } from "./our-formats";
import { WORKSHEET_ORDER, attr, element, inlineStringXml, insertInOrder, parseXml, serializeXml, rootOf } from "./xml";

const SHEET_DATA = /<((?:[A-Za-z_][\w.-]*:)?)sheetData\b[^>]*?(\/?)>/;
const ROW = /<((?:[A-Za-z_][\w.-]*:)?)row\b([^>]*?)(\/?)>/g;
const CELL = /<((?:[A-Za-z_][\w.-]*:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;

/** The attributes of a tag's text with one set (or removed when value is null). */
const SET_ATTRS = new Map<string, RegExp>();
function setAttr(attrs: string, name: string, value: string | null): string {
  let re = SET_ATTRS.get(name);
  if (!re) SET_ATTRS.set(name, (re = new RegExp(`(\\s)${name}\\s*=\\s*("[^"]*"|'[^']*')`)));
  if (re.test(attrs)) return attrs.replace(re, value === null ? "" : `$1${name}="${value}"`);
  return value === null ? attrs : `${attrs} ${name}="${value}"`;
}

/** A cell's reference ("I28") as a 0-based column and 1-based row, or null. */
function parseRef(ref: string): { col: number; row: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  return m ? { col: columnIndex(m[1]), row: Number(m[2]) } : null;
}

interface RowSpan {
  /** 1-based row number. */
  r: number;
  start: number;
  end: number;
}

/** A text written into one cell: inline string, with the style index to give it (or keep). */
export interface TextWrite {
  /** 0-based. */
  row: number;
  col: number;
  text: string;
  /** A style index to set; undefined keeps the cell's own. */
  style?: string;
}

export class SheetXml {
  readonly head: Document;
  private prefix: string;
  private rowsText: string;
  private rows: RowSpan[] = [];
  private byNumber = new Map<number, RowSpan>();
  /** The product's own conditional-format blocks as read (kept out of the head's DOM). */
  readonly ourFormats: ReadonlyArray<OurBlock>;
  private ourFormatsText: string | null = null;

  constructor(text: string, readonly part: string) {
    const m = SHEET_DATA.exec(text);
    if (!m) throw new Error(`${part} has no sheetData`);
    this.prefix = m[1];
    const open = m.index + m[0].length;
    let close = open;
    let after = open;
    if (m[2] !== "/") {
      close = text.indexOf(`</${this.prefix}sheetData>`, open);
      if (close < 0) throw new Error(`${part} is truncated (sheetData is not closed)`);
      after = close + `</${this.prefix}sheetData>`.length;
    }
    this.rowsText = text.slice(open, close);
    const tail = extractOurFormats(text.slice(after));
    this.ourFormats = tail.blocks;
    this.head = parseXml(`${text.slice(0, m.index)}<${this.prefix}sheetData/>${tail.rest}`, part);
    this.indexRows();
  }

  private indexRows(): void {
    this.rows = [];
    this.byNumber = new Map();
    ROW.lastIndex = 0;
    let last = 0;
    for (let m = ROW.exec(this.rowsText); m; m = ROW.exec(this.rowsText)) {
      const r = Number(attr(m[2], "r") ?? last + 1);
      if (!(r > last)) throw new Error(`the rows are out of order (row ${r} after row ${last}); open and save the file in Excel first`);
      let end = ROW.lastIndex;
      if (m[3] !== "/") {
        const close = this.rowsText.indexOf(`</${m[1]}row>`, end);
        if (close < 0) throw new Error(`${this.part} is truncated (a row is not closed)`);
        end = close + `</${m[1]}row>`.length;
      }
      const span = { r, start: m.index, end };
      this.rows.push(span);
      this.byNumber.set(r, span);
      last = r;
      ROW.lastIndex = end;
    }
  }

  /** The style index (s) of a cell, or undefined when it has none or does not exist. */
  styleOf(row: number, col: number): string | undefined {
    const span = this.byNumber.get(row + 1);
    if (!span) return undefined;
    const text = this.rowsText.slice(span.start, span.end);
    CELL.lastIndex = 0;
    let c = -1;
    for (let m = CELL.exec(text); m; m = CELL.exec(text)) {
      const ref = attr(m[2], "r");
      c = ref ? (parseRef(ref)?.col ?? c + 1) : c + 1;
      if (c === col) return attr(m[2], "s");
    }
    return undefined;
  }

  /** Writes texts into cells (rows and cells made where missing, in order). */
  writeTexts(writes: ReadonlyArray<TextWrite>): void {
    const byRow = new Map<number, TextWrite[]>();
    for (const w of writes) byRow.set(w.row + 1, [...(byRow.get(w.row + 1) ?? []), w]);
    const pieces: string[] = [];
    let pos = 0;
    const pending = [...byRow.keys()].sort((a, b) => a - b);
    const p = this.prefix;
    const newRow = (r: number) => `<${p}row r="${r}">${(byRow.get(r) ?? []).sort((a, b) => a.col - b.col).map((w) => this.cellXml(w, "")).join("")}</${p}row>`;
    let ri = 0;
    for (const r of pending) {
      const span = this.byNumber.get(r);
      if (span) {
        pieces.push(this.rowsText.slice(pos, span.start), this.editRow(this.rowsText.slice(span.start, span.end), byRow.get(r) ?? []));
        pos = span.end;
      } else {
        // A new row goes before the first row with a higher number.
        while (ri < this.rows.length && this.rows[ri].r < r) ri++;
        const next = this.rows[ri];
        const at = next ? next.start : this.rowsText.length;
        pieces.push(this.rowsText.slice(pos, at), newRow(r));
        pos = at;
      }
    }
    pieces.push(this.rowsText.slice(pos));
    this.rowsText = pieces.join("");
    this.indexRows();
    this.widenDimension(writes);
  }

  private cellXml(w: TextWrite, keptAttrs: string): string {
    let attrs = setAttr(keptAttrs, "r", `${columnLetter(w.col)}${w.row + 1}`);
    for (const drop of ["t", "cm", "vm"]) attrs = setAttr(attrs, drop, null);
    if (w.style !== undefined) attrs = setAttr(attrs, "s", w.style);
    attrs = setAttr(attrs, "t", "inlineStr");
    const p = this.prefix;
    return `<${p}c${attrs.startsWith(" ") ? attrs : ` ${attrs}`}>${inlineStringXml(w.text, p)}</${p}c>`;
  }

  private editRow(text: string, writes: TextWrite[]): string {
    const open = /^<[^>]*?(\/?)>/.exec(text)!;
    let rowAttrs = open[0].replace(/^<(?:[\w.-]+:)?row/, "").replace(/\/?>$/, "");
    const body = open[1] === "/" ? "" : text.slice(open[0].length, text.lastIndexOf("</"));
    const cells: { col: number; xml: string; attrs: string }[] = [];
    let rest = "";
    CELL.lastIndex = 0;
    let c = -1;
    let consumed = 0;
    for (let m = CELL.exec(body); m; m = CELL.exec(body)) {
      const ref = attr(m[2], "r");
      c = ref ? (parseRef(ref)?.col ?? c + 1) : c + 1;
      cells.push({ col: c, xml: m[0], attrs: m[2] });
      consumed = CELL.lastIndex;
    }
    rest = body.slice(consumed); // the row's extLst, if any, stays after its cells
    for (const w of writes) {
      const i = cells.findIndex((x) => x.col >= w.col);
      if (i >= 0 && cells[i].col === w.col) cells[i] = { col: w.col, xml: this.cellXml(w, cells[i].attrs), attrs: "" };
      else cells.splice(i < 0 ? cells.length : i, 0, { col: w.col, xml: this.cellXml(w, ""), attrs: "" });
    }
    const spans = attr(rowAttrs, "spans");
    if (spans && /^\d+:\d+$/.test(spans)) {
      const [a, b] = spans.split(":").map(Number);
      const lo = Math.min(a, ...writes.map((w) => w.col + 1));
      const hi = Math.max(b, ...writes.map((w) => w.col + 1));
      rowAttrs = setAttr(rowAttrs, "spans", `${lo}:${hi}`);
    }
    const p = this.prefix;
    return `<${p}row${rowAttrs}>${cells.map((x) => x.xml).join("")}${rest}</${p}row>`;
  }

  private widenDimension(writes: ReadonlyArray<TextWrite>): void {
    if (writes.length === 0) return;
    const dim = this.first("dimension");
    const ref = dim?.getAttribute("ref");
    if (!dim || !ref) return;
    const [a, b] = ref.split(":");
    const tl = parseRef(a.replace(/\$/g, ""));
    const br = parseRef((b ?? a).replace(/\$/g, ""));
    if (!tl || !br) return;
    const top = Math.min(tl.row, ...writes.map((w) => w.row + 1));
    const left = Math.min(tl.col, ...writes.map((w) => w.col));
    const bottom = Math.max(br.row, ...writes.map((w) => w.row + 1));
    const right = Math.max(br.col, ...writes.map((w) => w.col));
    const next = `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
    if (next !== ref) dim.setAttribute("ref", next);
  }

  /** The first element of the head with this local name. */
  first(name: string): Element | undefined {
    const list = rootOf(this.head).getElementsByTagNameNS(rootOf(this.head).namespaceURI, name);
    return list.length > 0 ? (list.item(0) as Element) : undefined;
  }

  /** The element prefix of the sheet's XML ("" or "x:"). */
  get ns(): string {
    return this.prefix;
  }

  /** Sets the text of the product's conditional-format blocks, put at their place among the sheet's elements. */
  setOurFormats(xml: string): void {
    this.ourFormatsText = xml;
  }

  /** The part's text: the head serialised with the rows and the product's formats put back in place. */
  toString(): string {
    const formats = this.ourFormatsText ?? this.ourFormats.map((b) => b.xml).join("");
    const root = rootOf(this.head);
    let marker: ReturnType<typeof element> | null = null;
    if (formats !== "") {
      marker = element(this.head, root, "conditionalFormatting", { sqref: PLACEHOLDER_REF });
      insertInOrder(root, marker, WORKSHEET_ORDER);
    }
    let head: string;
    try {
      head = serializeXml(this.head);
    } finally {
      if (marker) root.removeChild(marker);
    }
    if (marker) {
      const at = new RegExp(`<${this.prefix.replace(/[.]/g, "\\.")}conditionalFormatting sqref="${PLACEHOLDER_REF}"\\s*/>`).exec(head);
      if (!at) throw new Error(`${this.part}: the place of the status colours was lost while editing`);
      head = head.slice(0, at.index) + formats + head.slice(at.index + at[0].length);
    }
    const m = new RegExp(`<${this.prefix.replace(/[.]/g, "\\.")}sheetData\\s*/>`).exec(head);
    if (!m) throw new Error(`${this.part}: sheetData was lost while editing`);
    const p = this.prefix;
    const data = this.rowsText === "" ? `<${p}sheetData/>` : `<${p}sheetData>${this.rowsText}</${p}sheetData>`;
    return head.slice(0, m.index) + data + head.slice(m.index + m[0].length);
  }
}
