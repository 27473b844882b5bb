/**
 * The worksheet grid: what the reader needs of one sheet, the same whichever side read it
 * (Office.js in Excel, ExcelJS on a file). Row 0, column 0 is cell A1.
 *
 * One form for merged cells: the value sits in the top-left cell of a merged area only, as
 * Office.js gives it; the other cells of the area are empty (adapters that see the master's
 * value repeated, as ExcelJS does, blank them).
 */
import { formatDay, type IsoDate } from "../dates";
import { pushTo } from "../common";

export type CellKind = "empty" | "text" | "number" | "date" | "boolean" | "error";

export interface Cell {
  kind: CellKind;
  /** The text an officer reads in the cell: the string itself, a number or date as typed/shown, an error such as "#REF!". */
  text: string;
  /** For a number cell, the number; for a date cell, the Excel serial day. */
  number?: number;
  /** For a date cell, the calendar day. */
  date?: IsoDate;
  /**
   * For a date cell whose number format hides the day ("mmm-yy", which Excel gives "March 2011"
   * typed into a cell): the month or year the officer reads. `text` is then that month or year
   * ("Mar 2011", "2011"), and the date its first day, which is not what the officer means.
   */
  shownAs?: "month" | "year";
  /** True when the cell holds a formula (its cached result is what kind/text describe). */
  formula?: boolean;
  bold?: boolean;
  italic?: boolean;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The worksheet's name. */
  name: string;
  /** Rows of cells from row 1; rows may be shorter than others, and missing cells are empty. */
  rows: ReadonlyArray<ReadonlyArray<Cell | undefined>>;
  merges: ReadonlyArray<Area>;
  /** 0-based indexes of hidden rows. */
  hiddenRows: ReadonlyArray<number>;
  /** True when the worksheet is protected. */
  protected: boolean;
  /** Sheet visibility: hidden sheets are never treated as plan sheets. */
  visible?: boolean;
}

export const EMPTY_CELL: Cell = Object.freeze({ kind: "empty", text: "" }) as Cell;

/** The cell at row/col, or the empty cell. */
export function cellAt(grid: Grid, row: number, col: number): Cell {
  return grid.rows[row]?.[col] ?? EMPTY_CELL;
}

/** The trimmed text of the cell at row/col ("" when empty). */
export function textAt(grid: Grid, row: number, col: number): string {
  return cellText(cellAt(grid, row, col));
}

/**
 * Text that cellText would change: white space other than a plain space, two spaces in a row,
 * or a space at either end. Most cells have none, and are returned as they are (no new string).
 */
export const UNTIDY_SPACE = /[^\S ]| {2}|^ | $/;

/** The trimmed text of a cell, with runs of white space (including line breaks) made single spaces. */
export function cellText(cell: Cell | undefined): string {
  return !cell || cell.kind === "empty" ? "" : tidyText(cell.text);
}

/** A cell's text trimmed, with runs of white space made single spaces (what cellText gives of a cell that is not empty). */
export function tidyText(text: string): string {
  return UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, " ").trim() : text;
}

/** Number of columns of the widest row. */
export function columnCount(grid: Grid): number {
  let n = 0;
  for (const row of grid.rows) if (row.length > n) n = row.length;
  return n;
}

/** The letters of the first columns, made once: most cells named are in the first few dozen columns. */
const FIRST_LETTERS: ReadonlyArray<string> = Array.from({ length: 104 }, (_, col) => lettersOf(col));

/** "A", "B", ..., "Z", "AA" for a 0-based column index. */
export function columnLetter(col: number): string {
  return col >= 0 && col < FIRST_LETTERS.length && Number.isInteger(col) ? FIRST_LETTERS[col] : lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of a column letter ("A" -> 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "C18" for 0-based row 17, column 2. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** The cell of an action's ref ("A18"), or of its table's first column where the table has no Ref column. */
export function refCellOf(a: { row: number; table: { columns: { ref?: number }; firstCol: number } }): string {
  return cellAddress(a.row, a.table.columns.ref ?? a.table.firstCol);
}

/** "H5:H9" for an area (a single cell gives "H5"). */
export function areaAddress(a: Area): string {
  const first = cellAddress(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? first : `${first}:${cellAddress(a.bottom, a.right)}`;
}

/** The area of an A1 reference such as "B3:G3" or "C7" (sheet prefix and $ allowed), or null (also for row 0, which no sheet has). */
export function parseArea(ref: string): Area | null {
  const bare = ref.includes("!") ? ref.slice(ref.lastIndexOf("!") + 1) : ref;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(bare.trim());
  if (!m || Number(m[2]) === 0 || Number(m[4]) === 0) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndex(m[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** True when two areas share a cell. */
export function areasIntersect(a: Area, b: Area): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Key of a cell in an index of cells (as mergeIndex's): one number per row and column. */
export const cellKey = (row: number, col: number) => row * 32768 + col;

/** The merged areas by the cellKey of their top-left cell (index built once per grid). */
export function mergeIndex(grid: Grid): Map<number, Area> {
  const m = new Map<number, Area>();
  for (const a of grid.merges) m.set(cellKey(a.top, a.left), a);
  return m;
}

/**
 * A test of whether a cell lies in a merged area of two or more cells, built once per grid
 * (merged areas indexed by the rows they cover, so each test looks only at its own row). With
 * `fromCol`, only cells from that column on are asked about, and areas left of it are not indexed.
 */
export function mergedCellTest(grid: Grid, fromCol = 0): (row: number, col: number) => boolean {
  const byRow = new Map<number, Area[]>();
  for (const m of grid.merges) {
    if ((m.top === m.bottom && m.left === m.right) || m.right < fromCol) continue;
    for (let r = m.top; r <= m.bottom; r++) pushTo(byRow, r, m);
  }
  return (row, col) => byRow.get(row)?.some((m) => col >= m.left && col <= m.right) ?? false;
}

/** A number format's first section without quoted text, escaped characters and [colour]/[$-locale] parts. */
export function bareFormat(format: string | null | undefined): string {
  return (format ?? "").split(";")[0].replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*]/g, "");
}

/**
 * What a date format shows when it hides the day: a month ("mmm-yy", "mmmm yyyy", "mm/yyyy") or
 * a year ("yyyy"); null when it shows the day or a time, or is no date format.
 */
export function dateShownAs(format: string | null | undefined): "month" | "year" | null {
  const bare = bareFormat(format).toLowerCase();
  if (!bare.includes("y") || /[dhs]/.test(bare)) return null;
  return bare.includes("m") ? "month" : "year";
}

/** A date cell as the officer reads it: where its format hides the day, the month ("Mar 2011") or year ("2011") it shows. */
export function dateAsShown(cell: Cell, format: string | null | undefined): Cell {
  if (cell.kind !== "date" || cell.date === undefined) return cell;
  const shown = dateShownAs(format);
  if (shown === null) return cell;
  return { ...cell, text: shown === "month" ? formatDay(cell.date).replace(/^\d+ /, "") : cell.date.slice(0, 4), shownAs: shown };
}

/**
 * A number as the cell shows it where that changes its reading: a percentage format shows 0.75 as
 * "75%" (a "% complete" column), as Excel does; any other format keeps the number as typed.
 */
export function numberAsShown(n: number, format: string | null | undefined): string {
  const section = bareFormat(format);
  if (!section.includes("%") || !Number.isFinite(n)) return String(n);
  const decimals = /\.(0+)/.exec(section)?.[1].length ?? 0;
  return `${(n * 100).toFixed(Math.min(decimals, 10))}%`;
}
