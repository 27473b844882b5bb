/**
 * The board report laid out as the two sheets the product owns ("Board Report" and "By Lead"):
 * rows of cells, merges, status cells for conditional formatting, print set-up and the chart.
 *
 * Print: each sheet is laid out to print on A4 landscape, one page wide (the columns total about
 * 165 characters), with its title rows repeated on every page and frozen on screen. Long text sits
 * in cells of its own that wrap (never in a merged area: Excel does not fit a row's height to a
 * merged cell), so every row is as tall as its text.
 *
 * All plan text is an OwnedCell string written as it is: the adapters write text cells with the
 * "@" format, so a comment beginning with "=" stays text. Status words are always in their cells;
 * the cells are listed in ragAreas so conditional formatting colours them by their word.
 *
 * Pages: a heading is kept on one page with what follows it up to its table's first row, and the
 * layout places the page breaks itself (pages.ts), so no heading is left at the foot of a page.
 *
 * The chart: the Board Report carries a ChartSpec (a stacked bar of status counts by theme) whose
 * data block is the theme table on page 1, and whose anchor is a block of empty rows the layout
 * keeps for it. Both shells draw it there: Excel through Office.js (src/excel), the command line
 * as a DrawingML chart part (src/xlsx/package/chart.ts).
 */
import { pushTo } from "../common";
import { RAG_WORDS } from "../assess";
import { formatDay, type IsoDate } from "../dates";
import { OWNED_MARKER_COL, ownedMarker, rowRuns, type ChartSpec, type OwnedCell, type OwnedPurpose, type OwnedSheet, type OwnedStyle } from "../edits";
import type { Area } from "../grid";
import type { Rag } from "../model";
import { withPageBreaks, type Keep } from "./pages";
import { moreIs } from "./tally";
import type { Direction, ReportAction, ReportData } from "./types";


export type Row = (OwnedCell | null)[];

/** A sheet being laid out: rows, merges, the cells holding status words, and the rows kept together. */
export interface Draft {
  rows: Row[];
  merges: Area[];
  statusCells: { row: number; col: number }[];
  keeps: Keep[];
  /** The row of the last heading, kept with what follows up to the next data row. */
  openKeep: number | null;
  /** Rows that start a new page whatever room is left. */
  forcedBreaks: number[];
}

// ---- cells --------------------------------------------------------------------------------------

export const cell = (value: string, style: OwnedStyle = "wrap"): OwnedCell => ({ value, style });
export const num = (value: number): OwnedCell => ({ value, style: "number" });
export const pct = (value: number): OwnedCell => ({ value, style: "percent" });
export const change = (value: number): OwnedCell => ({ value, style: "change" });
export const day = (iso: IsoDate): OwnedCell => ({ value: iso, style: "date", isDate: true });
export const days = (value: number): OwnedCell => ({ value, style: "days" });

export const DIRECTION_WORDS: Readonly<Record<Direction, string>> = {
  improved: "Improved",
  worse: "Worse",
  same: "Same",
  new: "New",
};

/** The deadline as a real date, else what the timescale says instead. */
export function deadlineCell(a: ReportAction): OwnedCell {
  if (a.deadline) return day(a.deadline);
  if (a.deadlineKind === "ongoing") return cell("Ongoing");
  if (a.deadlineKind === "unparsed") return cell("Not understood");
  return cell("No deadline");
}

// ---- the draft ----------------------------------------------------------------------------------

export function newDraft(): Draft {
  return { rows: [], merges: [], statusCells: [], keeps: [], openKeep: null, forcedBreaks: [] };
}

/** Closes the keep a heading opened at the last row so far. */
function closeKeep(d: Draft, bottom = d.rows.length - 1): void {
  if (d.openKeep !== null && bottom >= d.openKeep) d.keeps.push({ top: d.openKeep, bottom });
  d.openKeep = null;
}

/** Keeps rows top..bottom on one page. */
export function keep(d: Draft, top: number, bottom: number): void {
  if (bottom > top) d.keeps.push({ top, bottom });
}

/** Adds a data row (a table's row): the heading above, if any, is kept with it. Returns its index. */
export function dataRow(d: Draft, cells: Row = []): number {
  const row = addRow(d, cells);
  closeKeep(d);
  return row;
}

/** The next row starts a new printed page. */
export function newPage(d: Draft): void {
  closeKeep(d);
  d.forcedBreaks.push(d.rows.length);
}

/** Adds a row; returns its index. */
export function addRow(d: Draft, cells: Row = []): number {
  d.rows.push(cells);
  return d.rows.length - 1;
}

/** Puts a status word at row/col, as a cell coloured by its word. */
export function putStatus(d: Draft, row: number, col: number, rag: Rag): void {
  d.rows[row][col] = cell(RAG_WORDS[rag]);
  d.statusCells.push({ row, col });
}

/** Marks cells holding a status word (headings of status columns) to be coloured too. */
export function markStatus(d: Draft, row: number, cols: ReadonlyArray<number>): void {
  for (const col of cols) d.statusCells.push({ row, col });
}

export function put(d: Draft, row: number, col: number, c: OwnedCell | null): void {
  d.rows[row][col] = c;
}

export function heading(d: Draft, text: string): void {
  closeKeep(d);
  // A blank row parts it from the table above, except at the top of a page.
  if (!d.forcedBreaks.includes(d.rows.length)) addRow(d);
  d.openKeep = addRow(d, [cell(text, "heading")]);
}

export function note(d: Draft, text: string): void {
  addRow(d, [cell(text, "note")]);
}

export function columnHeader(d: Draft, titles: ReadonlyArray<string>): number {
  return addRow(
    d,
    titles.map((t) => (t === "" ? null : cell(t, "column-header")))
  );
}

/** Title, the as-of line, and the owned marker in row 1. */
export function titleRows(d: Draft, purpose: OwnedPurpose, title: string, data: ReportData): void {
  const first: Row = [cell(title, "title")];
  first[OWNED_MARKER_COL] = cell(ownedMarker(purpose), "marker");
  addRow(d, first);
  addRow(d, [cell(asOfLine(data), "subtitle")]);
}

/** "Progress as of 13 May 2009 (Prevention) and 16 Oct 2009 (Provision of Services). Built on 24 Nov 2026." */
export function asOfLine(data: ReportData): string {
  const themes = data.themes;
  const built = `Built on ${formatDay(data.today)}.`;
  if (themes.length === 0) return `No plan sheet with actions was found. ${built}`;
  if (data.asOfDates.length === 1) return `Progress as of ${formatDay(data.asOfDates[0])}. ${built}`;
  const parts = themes.map((t) => `${formatDay(t.asOf)} (${t.theme})`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : parts[0];
  return `Progress as of ${list}. ${built}`;
}

/** The sheet laid out, with its page breaks placed (see pages.ts). */
export function toSheet(d: Draft, purpose: OwnedPurpose, name: string, widths: number[], chart?: ChartSpec): OwnedSheet {
  closeKeep(d);
  const byCol = new Map<number, number[]>();
  for (const { row, col } of d.statusCells) pushTo(byCol, col, row);
  const ragAreas = [...byCol].sort(([a], [b]) => a - b).flatMap(([col, rows]) => rowRuns(rows, col));
  const sheet: OwnedSheet = {
    purpose,
    name,
    visibility: "visible",
    rows: d.rows,
    columnWidths: widths,
    merges: d.merges,
    ragAreas,
    freezeRows: 2,
    printTitleRows: [0, 1],
    landscape: true,
    ...(chart ? { chart } : {}),
  };
  return withPageBreaks(sheet, d.keeps, d.forcedBreaks);
}

/** The previous status word (coloured), "New" where the sheet had a previous report without it, else "First report". */
export function previousCell(
  d: Draft,
  row: number,
  col: number,
  a: ReportAction,
  sheetsWithPrevious: ReadonlySet<string>
): void {
  if (a.previousStatus) putStatus(d, row, col, a.previousStatus);
  else put(d, row, col, cell(sheetsWithPrevious.has(a.sheet) ? "New" : "First report"));
}

/** "since 13 May 2009", or "since the previous reports" where the themes were last reported on different days. */
export function sinceWords(dates: ReadonlyArray<IsoDate | null>): string {
  const known = [...new Set(dates.filter((x): x is IsoDate => x !== null))];
  return known.length === 1 ? `since ${formatDay(known[0])}` : "since the previous reports";
}

/** A count's change in words, with an arrow: "▲ up 3", "▼ down 1", "no change". */
export function changeInWords(delta: number): string {
  if (delta > 0) return `▲ up ${delta}`;
  if (delta < 0) return `▼ down ${-delta}`;
  return "no change";
}

/**
 * The style of a change in a status's count: red text where it is for the worse (more Red, Amber
 * or Not reported; less Green or Blue), green where for the better, plain where nothing moved.
 */
export function changeStyle(rag: Rag, delta: number): OwnedStyle {
  const more = moreIs(rag);
  if (delta === 0 || more === "neither") return "wrap";
  return (delta > 0) === (more === "worse") ? "worse" : "better";
}
