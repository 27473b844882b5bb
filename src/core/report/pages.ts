/**
 * Page breaks placed by the layout, not left to chance: the rows of an owned sheet are cut into
 * A4 landscape pages (printed one page wide, as the writers set up), so that a block of rows the
 * layout keeps together (a heading with its table's header and first row, an objective, a lead
 * and their actions) is never split across pages where it fits on one.
 *
 * The page is measured as Excel and LibreOffice print it: column widths in characters of
 * Calibri 11 (7 pixels each plus 5 of padding), the sheet scaled down to the printable width, the
 * repeated title rows at the top of every page, and the row heights estimated from the text
 * (row-heights.ts). A margin of safety keeps a page from running over where an estimate is short.
 */
import { estimateRowHeights, type OwnedSheet } from "../edits";

/** A4 landscape in points, less the margins the writers set (0.5 in at the sides, 0.6 in top and bottom). */
export const A4_LANDSCAPE = { width: 842 - 72, height: 595 - 86.4 } as const;

/** Of a page's height, the part filled (the footer prints in the bottom margin), leaving room for estimates that run short. */
const FILL = 0.98;

/** The part of the measured scale a sheet with page breaks prints at (room for wider character widths). */
const PRINT_SCALE_MARGIN = 0.92;

/** A kept block taller than this part of a page may be split between its rows rather than start a page half empty. */
const SPLIT_FROM = 0.5;

/** A range of rows kept on one page. */
export interface Keep {
  top: number;
  bottom: number;
}

/** The width of a column in points as printed at 100% (Excel's pixels for a width in characters). */
function columnPoints(width: number): number {
  return Math.trunc(width * 7 + 5) * 0.75;
}

/** The scale the sheet prints at, fitted to the page's width (never enlarged). */
export function printScale(columnWidths: ReadonlyArray<number>): number {
  const width = columnWidths.reduce((sum, w) => sum + columnPoints(w), 0);
  return width <= A4_LANDSCAPE.width ? 1 : A4_LANDSCAPE.width / width;
}

/** The height in points (at 100%) the rows of one page may take, below the repeated title rows. */
export function pageCapacity(sheet: Pick<OwnedSheet, "columnWidths" | "printTitleRows">, heights: ReadonlyArray<number>): number {
  const titles = sheet.printTitleRows ? heights.slice(sheet.printTitleRows[0], sheet.printTitleRows[1] + 1).reduce((a, b) => a + b, 0) : 0;
  return (A4_LANDSCAPE.height * FILL) / printScale(sheet.columnWidths) - titles;
}

/** Keeps that overlap or touch joined into one. */
function joinKeeps(keeps: ReadonlyArray<Keep>): Keep[] {
  const sorted = [...keeps].sort((a, b) => a.top - b.top);
  const out: Keep[] = [];
  for (const k of sorted) {
    const last = out[out.length - 1];
    if (last && k.top <= last.bottom) last.bottom = Math.max(last.bottom, k.bottom);
    else out.push({ ...k });
  }
  return out;
}

/**
 * The rows that start a new page: each block (a kept range, else one row) goes on the current
 * page if it fits, else starts the next; a forced row always starts a page (where it is not the
 * first row printed). A block taller than half a page that does not fit is split between its
 * rows instead (so a lead with many actions fills the page it starts on, and one longer than a
 * page goes on over the next pages); a single row taller than a page runs over.
 */
export function placeBreaks(
  heights: ReadonlyArray<number>,
  capacity: number,
  keeps: ReadonlyArray<Keep>,
  forced: ReadonlyArray<number>,
  firstRow: number
): number[] {
  const keepAt = new Map(joinKeeps(keeps).map((k) => [k.top, k]));
  // The keeps as laid out (before joining): a split block is cut at their ends first.
  const ownAt = new Map<number, number>();
  for (const k of keeps) ownAt.set(k.top, Math.max(ownAt.get(k.top) ?? k.top, k.bottom));
  const force = new Set(forced);
  const sum = (top: number, bottom: number) => heights.slice(top, bottom + 1).reduce((a, b) => a + b, 0);
  const breaks: number[] = [];
  let used = 0;
  for (let r = firstRow; r < heights.length; ) {
    if (used > 0 && force.has(r)) {
      breaks.push(r);
      used = 0;
    }
    const keep = keepAt.get(r);
    let bottom = keep ? Math.min(keep.bottom, heights.length - 1) : r;
    let height = sum(r, bottom);
    if (keep && used + height > capacity && height > capacity * SPLIT_FROM) {
      // A long block (a lead with many actions) fills the page it starts on and runs on.
      // Its first piece: a heading kept with its first row where one starts it, else one row.
      const own = ownAt.get(r);
      const piece = own !== undefined && own < bottom ? own : r;
      if (piece < bottom) keepAt.set(piece + 1, { top: piece + 1, bottom });
      bottom = piece;
      height = sum(r, bottom);
    }
    if (used > 0 && used + height > capacity) {
      breaks.push(r);
      used = 0;
    }
    used += height;
    r = bottom + 1;
  }
  return breaks;
}

/** The sheet with its page breaks placed. */
export function withPageBreaks(sheet: OwnedSheet, keeps: ReadonlyArray<Keep>, forced: ReadonlyArray<number> = []): OwnedSheet {
  const heights = estimateRowHeights(sheet);
  const firstRow = sheet.printTitleRows ? sheet.printTitleRows[1] + 1 : 0;
  const rowBreaks = placeBreaks(heights, pageCapacity(sheet, heights), keeps, forced, firstRow);
  // Whole percent, a little under the scale measured: a page at that scale holds at least what was
  // measured for it, and the columns still fit the page's width where a program's character widths
  // run wider than Excel's (LibreOffice's do, by some 5%).
  const printScalePercent = Math.max(10, Math.floor(printScale(sheet.columnWidths) * PRINT_SCALE_MARGIN * 100));
  return { ...sheet, rowBreaks, printScalePercent };
}

/** The number of pages a sheet prints on, by its breaks. */
export function pageCount(sheet: OwnedSheet): number {
  return (sheet.rowBreaks?.length ?? 0) + 1;
}
