/**
 * The edits to make, as data: what Refresh RAG and Build board report write, worked out in the
 * core and applied as they are by the Office.js side (in Excel) and the ExcelJS side (to a file).
 * Every text written is literal: an adapter never lets one become a formula.
 */
import type { Area } from "../grid";
import type { Rag } from "../model";
import type { OwnedPurpose } from "./owned";

/** A value written into one cell of a plan sheet. */
export interface CellWrite {
  row: number;
  col: number;
  value: string;
  /** Copy the cell format (font, fill, borders, alignment) of this cell first, so a new header looks like its row. */
  formatFrom?: { row: number; col: number };
}

/** How one status shows: the word in the cell, a fill, and a text colour readable on it. */
export interface StatusStyle {
  rag: Rag;
  word: string;
  fill: string;
  font: string;
}

/** The edits of one plan sheet. */
export interface SheetEdits {
  sheet: string;
  cells: CellWrite[];
  /**
   * Where the RAG words are: each area gets one conditional-format rule per status, keyed on the
   * cell's text, so an officer's own edit recolours at once.
   */
  ragAreas: Area[];
  /** Conditional formats within these areas are the product's and are removed before the new ones go on. */
  ragFormatScope: Area[];
  /** Progress cells that get the dropdown (data validation list, free text still allowed). */
  progressAreas: Area[];
  /** The dropdown's choices. */
  progressChoices: ReadonlyArray<string>;
  /** Widths (in characters) for the columns the product adds; columns the officers made keep theirs. */
  columnWidths: { col: number; width: number }[];
}

export type OwnedStyle =
  | "title"
  | "subtitle"
  | "heading"
  | "column-header"
  | "text"
  | "wrap"
  | "number"
  | "percent"
  | "date"
  | "note"
  | "marker"
  /** A bold label in a table (a theme or a lead heading its rows). */
  | "label"
  /** A signed change of a count: +2, -1, 0. */
  | "change"
  /** Words of a change for the better (green text) or the worse (red text); the words say which too. */
  | "better"
  | "worse"
  /** A count of days: "49 days", so it cannot be read into the date beside it. */
  | "days"
  /** A cell for a partner to fill in (a partner return): shaded, wrapped, kept as typed. */
  | "input";

/** One cell of an owned sheet: text is always literal; numbers are numbers; dates are ISO days. */
export interface OwnedCell {
  value: string | number;
  style?: OwnedStyle;
  /** An ISO day written as a real date. */
  isDate?: boolean;
}

export interface ChartSpec {
  title: string;
  /** The data block (first row: series names; first column: categories), in this sheet. */
  data: Area;
  /** Where the chart is placed (top-left cell and size in cells). */
  anchor: Area;
  type: "stacked-bar";
  /** Series colours, in series order. */
  colors: string[];
}

/** A sheet the product owns and rewrites whole: report tabs and the RAG history. */
export interface OwnedSheet {
  purpose: OwnedPurpose;
  name: string;
  visibility: "visible" | "veryHidden";
  /** Rows of cells from A1 (null: empty). The marker goes in OWNED_MARKER_COL of row 1. */
  rows: (OwnedCell | null)[][];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  merges: Area[];
  /** Cells coloured by their status word. */
  ragAreas: Area[];
  /** Rows frozen at the top (the header), 0 for none. */
  freezeRows: number;
  /** 0-based first and last rows repeated at the top of each printed page, or null. */
  printTitleRows: [number, number] | null;
  landscape: boolean;
  chart?: ChartSpec;
  /**
   * Manual page breaks placed by the layout: the 0-based rows that start a new printed page
   * (none for a sheet left to print as it falls).
   */
  rowBreaks?: number[];
  /**
   * The print scale in percent where the layout placed the page breaks: the scale it measured the
   * pages at. Excel ignores manual page breaks under "Fit to", so a sheet with breaks prints at
   * this fixed scale ("Adjust to"); without it, the sheet is fitted to one page wide.
   */
  printScalePercent?: number;
}

/**
 * A row inserted into a plan sheet (a partner return's comment under its action). Rows are
 * inserted after every cell write, from the bottom of the sheet up, so each index stays true.
 */
export interface RowInsert {
  sheet: string;
  /** 0-based row, in the sheet as read, that the new row goes above. */
  before: number;
  /** The new row's cells (row = before). */
  cells: CellWrite[];
  /** Columns merged across in the new row, or null. */
  merge: { left: number; right: number } | null;
  /** The row (as read) whose format and height the new row takes, or null. */
  formatFrom: number | null;
}

/** Everything one command writes. */
export interface WorkbookEdits {
  sheets: SheetEdits[];
  owned: OwnedSheet[];
  /** Rows to insert into plan sheets (a merge of partner returns), after the cell writes. */
  inserts?: RowInsert[];
}
