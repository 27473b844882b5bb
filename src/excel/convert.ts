/**
 * What Office.js returns, turned into the core's Grid (pure functions, no Office.js calls).
 *
 * Office.js gives a used range anchored wherever its first used cell is ("Sheet1!B3:H90"); the
 * grid is always anchored at A1, so every row and column is shifted by the range's origin.
 * Values come as Office.js gives them (docs/architecture.md, "Two sides, one grid"): a date is its serial day number, told
 * apart by the cell's number format; a formula is its result; an error is its text ("#REF!");
 * a merged area's value is in its top-left cell only (the core's form too).
 */
import { formatDay, fromExcelSerial } from "../core/dates";
import { bareFormat, dateAsShown, numberAsShown, parseArea, type Area, type Cell, type Grid } from "../core/grid";

/** Excel's error values as Office.js writes them into `values`. */
const ERROR_TEXTS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#TIMEOUT",
]);

/**
 * True when an Excel number format shows a date: it has a day or year part, or a month part
 * without hours or seconds (a bare "mm" next to h or s is minutes). Quoted text, escaped
 * characters and [colour]/[$-locale] sections are ignored; elapsed times ([h]:mm) are not dates.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === "General" || format === "@") return false;
  const bare = bareFormat(format).toLowerCase();
  if (/[dy]/.test(bare)) return true;
  return /m/.test(bare) && !/[hs]/.test(bare);
}

/** One Office.js cell (its value and number format) as a core cell, or undefined when empty. */
export function cellFromOffice(value: unknown, numberFormat: unknown): Cell | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "string") {
    // Excel turns a typed "#N/A" into the error value itself, so a value that reads exactly as an
    // error is taken for one (this saves loading valueTypes for every cell of every sheet).
    return ERROR_TEXTS.has(value) ? { kind: "error", text: value } : { kind: "text", text: value };
  }
  if (typeof value === "number") {
    if (isDateFormat(typeof numberFormat === "string" ? numberFormat : null)) {
      const date = fromExcelSerial(value);
      if (date) return dateAsShown({ kind: "date", text: formatDay(date), date, number: value }, numberFormat as string);
    }
    return { kind: "number", text: numberAsShown(value, typeof numberFormat === "string" ? numberFormat : null), number: value };
  }
  if (typeof value === "boolean") return { kind: "boolean", text: value ? "TRUE" : "FALSE" };
  return { kind: "text", text: String(value) };
}

/** The area of an Office.js address ("Sheet1!B3:H90", "'My sheet'!A1"), or null. */
export function areaOfAddress(address: string): Area | null {
  return parseArea(address.slice(address.lastIndexOf("!") + 1));
}

const AREA_IN_LIST = /(?:'(?:[^']|'')*'|[^'!,;\s][^'!,;]*)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/gi;

/** The areas of a RangeAreas address ("Sheet1!A1:B2, Sheet1!D4"); sheet names may hold commas when quoted. */
export function areasOfAddressList(address: string): Area[] {
  const out: Area[] = [];
  for (const m of address.matchAll(AREA_IN_LIST)) {
    const area = parseArea(m[1]);
    if (area) out.push(area);
  }
  if (out.length === 0) {
    // Addresses without a sheet prefix ("A1:B2, D4").
    for (const part of address.split(/[,;]/)) {
      const area = parseArea(part.trim());
      if (area) out.push(area);
    }
  }
  return out;
}

/** Row-level formatting as getRowProperties gives it: a value, or null when the row's cells differ. */
export interface RowLook {
  rowHidden?: boolean | null;
  format?: { font?: { bold?: boolean | null; italic?: boolean | null } };
}

/** One block of a sheet as read: where it starts (0-based, absolute) and what it holds. */
export interface SheetBlock {
  top: number;
  left: number;
  values: ReadonlyArray<ReadonlyArray<unknown>>;
  numberFormat: ReadonlyArray<ReadonlyArray<unknown>>;
  rows?: ReadonlyArray<RowLook>;
}

export interface SheetRead {
  name: string;
  visible: boolean;
  protected: boolean;
  blocks: SheetBlock[];
  merges: Area[];
}

/**
 * Fonts come per row (getRowProperties), not per cell: a per-cell read costs some 48 bytes of
 * response for every cell of every sheet and would pass Excel on the web's 5 MB response limit on
 * large plans. The reader needs bold or italics only to tell a progress-comment row (one cell,
 * bold italics) from a continuation row, so: a row Excel reports bold or italic throughout marks
 * its cells so; a row whose cells differ ("mixed", null) marks its single filled cell italic
 * when italics are mixed (an italic comment beside plain empty cells), and never bold (a bold
 * Ref column would otherwise make every continuation line look like a comment).
 */
function applyRowLook(cells: (Cell | undefined)[], look: RowLook | undefined): void {
  const font = look?.format?.font;
  if (!font) return;
  const filled = cells.filter((c): c is Cell => c !== undefined);
  if (filled.length === 0) return;
  if (font.bold === true) for (const c of filled) c.bold = true;
  if (font.italic === true) for (const c of filled) c.italic = true;
  if (font.italic === null && filled.length === 1) filled[0].italic = true;
}

/** A sheet as read through Office.js, as a core grid anchored at A1. */
export function gridFromRead(read: SheetRead): Grid {
  const rows: (Cell | undefined)[][] = [];
  const hiddenRows: number[] = [];
  for (const block of read.blocks) {
    block.values.forEach((valueRow, i) => {
      const r = block.top + i;
      const out: (Cell | undefined)[] = rows[r] ?? [];
      const formatRow = block.numberFormat[i] ?? [];
      valueRow.forEach((value, j) => {
        const cell = cellFromOffice(value, formatRow[j]);
        if (cell) out[block.left + j] = cell;
      });
      const look = block.rows?.[i];
      applyRowLook(out, look);
      if (look?.rowHidden === true) hiddenRows.push(r);
      rows[r] = out;
    });
  }
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  // Trailing empty rows carry nothing for the reader.
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === undefined)) rows.pop();
  return {
    name: read.name,
    rows,
    merges: read.merges.filter((m) => m.bottom > m.top || m.right > m.left),
    hiddenRows: hiddenRows.sort((a, b) => a - b),
    protected: read.protected,
    visible: read.visible,
  };
}
