/** The cells of a sheet's rows as the reader takes them, and the small readings of one row. */
import { tidyText, type Cell, type Grid } from "../grid";
import type { IsoDate } from "../dates";
import type { Action, Field, HeaderMatch, ProgressComment, TableHeader } from "../model";
import { findDayDate } from "./free-dates";
import { lastStatusWord, readStatusOnly } from "./progress";
import { isDateStamp, reportLineOf } from "./report-date";

export interface RowCell {
  col: number;
  text: string;
  cell: Cell;
  kind: Cell["kind"];
}

/** A group row: "Objective 3.1", "Priority 2: ...", "Theme: Reducing harm", "Workstream 4". */
export const GROUP_LINE = /^(objective|(?:strategic |key )?priority|theme|work ?stream|outcome(?: area)?|strand|aim|goal|section|category|focus area|pillar|programme)\s*(\d+(?:\.\d+)*[a-z]?)?\s*([.:\-–])?\s*(.*)$/i;
/** A numbered heading alone in a row: "3. Acceptable Use Policy", "2 Housing". */
export const NUMBERED_HEADING = /^(\d{1,2}[A-Za-z]?(?:\.\d{1,2})*)[.):]?\s+([A-Z][^.]{2,80})$/;
export const TARGET_LINE = /^(?:by\b.*\bwe aim\b|target\s*:)/i;
export const THEME_LINE = /\baction plan\b.*?\d{4}\s*[-–/]\s*\d{2,4}\s*[-–:]\s*(\S.*)$/i;
export const DASHES = /^[-–—_=.|\s]+$/;
/** Inside a table, the words of rows tried as report-date lines (besides stamps: reportLineOfRow). */
export const IN_TABLE_REPORT_LINE = /report|position|as at|as of|monitoring/i;
/** A comment that opens with a date: "12/03/2009: ...", "Updated 1 May 2009 - ...". */
/** A row that opens like a progress comment: with a date, or "Update:", "Progress -", "Comment:", "Note:". */
export const COMMENT_OPENING = /^\s*(?:(?:progress|update[ds]?|comments?|notes?|latest)\b\s*(?:[:\-–(]|\d|[a-z]{3,9} \d)|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\d{1,2}(?:st|nd|rd|th)? [a-z]{3,9} \d{2,4}\s*[:\-–])/i;
export const DATED_COMMENT = /^\s*(?:updated?\s*:?\s*)?(\d{1,2}(?:st|nd|rd|th)?[\s./-]+(?:\d{1,2}|[a-z]{3,9})[\s./-]+\d{2,4})/i;
/** Rows beneath a header row read to confirm it and to read its columns' content. */
export const SAMPLE_ROWS = 30;

/**
 * Where a row's cells are written, used again for the next row (a sheet is read row by row, and
 * most rows are forgotten once read). A plain object, as the reader's state (reader.ts).
 */
export interface RowBuffer {
  /** Cell records kept for the next rows. */
  readonly pool: RowCell[];
  /** The cells of the row read last. */
  readonly cells: RowCell[];
}

export function rowBuffer(): RowBuffer {
  return { pool: [], cells: [] };
}

/** The cells of a row that hold something, left to right, written into the buffer (its `cells`). */
export function readCells(buffer: RowBuffer, grid: Grid, row: number): RowCell[] {
  const out = buffer.cells;
  const pool = buffer.pool;
  const cells = grid.rows[row];
  let n = 0;
  if (cells) {
    for (let col = 0; col < cells.length; col++) {
      const cell = cells[col];
      if (!cell) continue;
      const kind = cell.kind;
      if (kind === "empty") continue;
      const text = tidyText(cell.text);
      if (text === "") continue;
      let c = pool[n];
      if (c === undefined) pool.push((c = { col, text, cell, kind }));
      else {
        c.col = col;
        c.text = text;
        c.cell = cell;
        c.kind = kind;
      }
      // Written in place: emptying the array first would give up its storage, and every row would allocate anew.
      out[n++] = c;
    }
  }
  if (out.length !== n) out.length = n;
  return out;
}

/** The cell of a row in a column, if it holds something. */
export function cellIn(cells: RowCell[], col: number | undefined): RowCell | undefined {
  if (col === undefined) return undefined;
  for (const c of cells) if (c.col === col) return c;
  return undefined;
}

/** The text of a row's cell in a column ("" when it holds nothing). */
export function textIn(cells: RowCell[], col: number | undefined): string {
  return cellIn(cells, col)?.text ?? "";
}

/**
 * The cell of a row a field is read from: its own column's, else the column the table falls back
 * on (the original date beside the revised one); undefined for a cell showing an error ("#REF!"),
 * which reads as empty (noteErrorCells notes it).
 */
export function fieldCell(cells: RowCell[], col: number | undefined, fallbackCol?: number): RowCell | undefined {
  const c = cellIn(cells, col) ?? cellIn(cells, fallbackCol);
  return c?.kind === "error" ? undefined : c;
}

/** A field of the action's row (fieldCell); its column is its own where it has one, where a new value goes. */
export function fieldAt(cells: RowCell[], col: number | undefined, fallbackCol?: number): Field {
  if (col === undefined && fallbackCol === undefined) return { text: "", col: null };
  const c = fieldCell(cells, col, fallbackCol);
  return { text: c?.text ?? "", col: col ?? c?.col ?? null };
}

/** The cells of an action's row that show an error ("#REF!"), noted on the action (each is read as empty). */
export function noteErrorCells(action: Action, cells: RowCell[]): void {
  for (const c of cells) if (c.kind === "error") action.errorCells = [...action.errorCells, { col: c.col, text: c.text }];
}

export function appendText(a: string, b: string): string {
  return a === "" ? b : b === "" ? a : `${a} ${b}`;
}

export function commentOf(row: number, col: number, text: string): ProgressComment {
  const dated = DATED_COMMENT.exec(text);
  return { row, col, text, statusWord: lastStatusWord(text), date: dated ? findDayDate(dated[1]) : null };
}


/**
 * A cell of the action's row outside its Progress column whose whole text is a status ("DONE",
 * "Complete", "On going"); in the Time-scale column only a finished one ("Completed"). It is the
 * progress where the plan keeps none in a Progress column (assess decides: progressOf).
 */
export function statusCellOf(cells: RowCell[], table: TableHeader): Field | null {
  const col = table.columns;
  for (const c of cells) {
    if (c.col === col.ref || c.col === col.action || c.col === col.lead || c.col === col.objective || c.col === col.rag || c.col === col.progress) continue;
    if (c.kind !== "text" || table.replaced?.includes(c.col)) continue;
    const status = readStatusOnly(c.text);
    if (status === null) continue;
    if (c.col === col.timescale && status !== "complete" && status !== "closed") continue;
    return { text: c.text, col: c.col };
  }
  return null;
}

/** Same headings in the same columns: a header repeated after a page break or for the next block. */
export function sameHeadings(headed: ReadonlyArray<HeaderMatch>, cells: RowCell[]): boolean {
  if (headed.length < 2 || cells.length < headed.length) return false;
  for (const m of headed) if (textIn(cells, m.col) !== m.header) return false;
  return true;
}

/** A row of dashes typed across the table. */
export function allDashes(cells: RowCell[]): boolean {
  for (const c of cells) if (!DASHES.test(c.text)) return false;
  return true;
}

/** A cell of short text without digits: what a row of column labels holds. */
export function isShortLabel(c: RowCell): boolean {
  return c.kind === "text" && c.text.length <= 40 && !HAS_DIGIT.test(c.text);
}

const HAS_DIGIT = /\d/;

/** Words one of which every report-date line inside a table (IN_TABLE_REPORT_LINE, a stamp) and every theme line (THEME_LINE) holds. */
export const PAGE_LINE_WORDS = new RegExp(`${IN_TABLE_REPORT_LINE.source}|update|action plan`, "i");

/** A row read as a report-date line: its date, the column of the cell that gives it, and the title beside it (or ""). */
export interface RowReportLine {
  date: IsoDate;
  col: number;
  besides: string;
}

/**
 * The report date a row of one or two cells gives (text: its cells' text joined), or null. A cell
 * is read with its line breaks (its parts); two cells are read joined, else each alone, when just
 * one of them is a report-date line ("Plan 2011-14" | "Position as at 30/09/11"). Inside a table
 * (`table`: the table of the action above) a row is a progress comment unless it holds the words of
 * IN_TABLE_REPORT_LINE or is a stamp standing alone ("Last updated: 03/10/11", "Updated: 7th
 * October 2011", not in the comments or progress column, not in italics as comments are, unless it
 * opens "Last updated"), and it
 * is read as it stands (reportLineOf with `inTable`: "Board report 12/10/2010" is a comment).
 */
export function reportLineOfRow(cells: RowCell[], text: string, table: TableHeader | null): RowReportLine | null {
  if (table !== null && !IN_TABLE_REPORT_LINE.test(text) && !((standsAlone(cells, table) || LAST_UPDATED.test(text)) && (isDateStamp(text) || cells.some((c) => isDateStamp(c.cell.text))))) return null;
  const inTable = table !== null;
  const first = cells[0];
  const whole = reportLineOf(cells.length === 1 && first.kind === "text" ? first.cell.text : text, inTable);
  if (whole !== null) return { date: whole.date, col: first.col, besides: whole.besides };
  if (cells.length !== 2) return null;
  const a = reportLineOf(first.cell.text, inTable);
  const b = reportLineOf(cells[1].cell.text, inTable);
  if (a !== null && b === null) return { date: a.date, col: first.col, besides: cells[1].text };
  return a === null && b !== null ? { date: b.date, col: cells[1].col, besides: first.text } : null;
}

/** "Last updated ...": a stamp even in italics or the comments column, as no progress comment opens so. */
const LAST_UPDATED = /^\s*last updated?\b/i;

/** True when no cell of the row stands where a progress comment goes: the comments or progress column, or in italics. */
function standsAlone(cells: RowCell[], table: TableHeader): boolean {
  for (const c of cells) if (c.col === table.columns.comments || c.col === table.columns.progress || c.cell.italic === true) return false;
  return true;
}

/** True when the row holds something in the column. */
export function holds(cells: RowCell[], col: number | undefined): boolean {
  return cellIn(cells, col) !== undefined;
}
