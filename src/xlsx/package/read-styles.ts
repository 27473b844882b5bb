/** What the grid reader needs of styles.xml: each cell format's font (bold, italic), whether it shows a date, and its number format. */
import type { Document } from "@xmldom/xmldom";
import { child, children, rootOf } from "./xml";

/** Built-in number formats that show dates or times. */
const DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code that shows a date or time (as ExcelJS decides: outside quotes and brackets). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

export interface CellStyles {
  fontOf(s: string | undefined): { bold?: boolean; italic?: boolean } | undefined;
  isDate(s: string | undefined): boolean;
  /** The number format code of a cell format ("0%"), built-in percentages included; undefined for General. */
  formatOf(s: string | undefined): string | undefined;
}

/** Built-in number formats whose code matters to the reader: percentages, and the date format that hides the day. */
const BUILT_IN_CODES = new Map([
  [9, "0%"],
  [10, "0.00%"],
  // What Excel gives "March 2011" or "Mar 11" typed into a cell.
  [17, "mmm-yy"],
]);

function on(el: Element | undefined): boolean {
  if (!el) return false;
  const v = el.getAttribute("val");
  return v === null || !/^(0|false)$/.test(v);
}

type Element = NonNullable<ReturnType<typeof child>>;

export async function readStyles(doc: Document | null): Promise<CellStyles> {
  if (!doc) return { fontOf: () => undefined, isDate: () => false, formatOf: () => undefined };
  const root = rootOf(doc);
  const codes = new Map<number, string>();
  for (const f of children(child(root, "numFmts") ?? root, "numFmt")) codes.set(Number(f.getAttribute("numFmtId")), f.getAttribute("formatCode") ?? "");
  const fonts = children(child(root, "fonts") ?? root, "font").map((f) => ({ bold: on(child(f, "b")), italic: on(child(f, "i")) }));
  const xfs = children(child(root, "cellXfs") ?? root, "xf").map((x) => {
    const id = Number(x.getAttribute("numFmtId") ?? 0);
    const code = codes.get(id);
    return { font: fonts[Number(x.getAttribute("fontId") ?? 0)], date: code !== undefined ? isDateFormat(code) : DATE_IDS.has(id), format: code ?? BUILT_IN_CODES.get(id) };
  });
  return {
    // A cell with no style index has no font of its own (as ExcelJS reads it).
    fontOf: (s) => (s === undefined ? undefined : xfs[Number(s)]?.font),
    isDate: (s) => (s === undefined ? false : (xfs[Number(s)]?.date ?? false)),
    formatOf: (s) => (s === undefined ? undefined : xfs[Number(s)]?.format),
  };
}
