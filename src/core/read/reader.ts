/**
 * The reader: one worksheet grid in, the plan it holds out. Accepts the block layout of the
 * seeds (free text, objective blocks, a header row repeated per block, actions with progress
 * comment rows beneath) and a flat one-table layout (one header row, an Objective column and a
 * comments column). Nothing a sheet can hold makes it throw: what it cannot read becomes an issue.
 */
import { cellAddress, cellText, mergeIndex, type Area, type Cell, type Grid } from "../grid";
import { matchHeaderRow } from "./headers";
import type {
  Action,
  ColumnRole,
  Field,
  Objective,
  PlanSheet,
  ProgressComment,
  StatusWord,
  TableHeader,
} from "../model";
import { lastStatusWord } from "./progress";
import { findDayDate } from "./timescale";

interface RowCell {
  col: number;
  text: string;
  cell: Cell;
}

const OBJECTIVE_LINE = /^objective\s*(\d+(?:\.\d+)*)?\s*[.:\-–]?\s*(.*)$/i;
const TARGET_LINE = /^(?:by\b.*\bwe aim\b|target\s*:)/i;
const REPORT_DATE_LINE = /^(?:progress report\b|report(?:ing)? date\b|(?:position|progress|status) as at\b|updated\b|as at\b)/i;
const REPORT_DATE_LINE_IN_TABLE = /^(?:progress report\b|report(?:ing)? date\b)/i;
const THEME_LINE = /\baction plan\b.*?\d{4}\s*[-–/]\s*\d{2,4}\s*[-–:]\s*(\S.*)$/i;
const DASHES = /^[-–—_=.|\s]+$/;
const REF = /^(?:(red|amber|green)\b[\s:,\-–]*)?(\d+(?:\.\d+)+)\.?$/i;
/** A comment that opens with a date: "12/03/2009: ...", "Updated 1 May 2009 - ...". */
const DATED_COMMENT = /^\s*(?:updated?\s*:?\s*)?(\d{1,2}(?:st|nd|rd|th)?[\s./-]+(?:\d{1,2}|[a-z]{3,9})[\s./-]+\d{2,4})/i;

/** The cells of a row that hold something, left to right. */
function rowCells(grid: Grid, row: number): RowCell[] {
  const out: RowCell[] = [];
  const cells = grid.rows[row];
  if (!cells) return out;
  for (let col = 0; col < cells.length; col++) {
    const cell = cells[col];
    if (!cell || cell.kind === "empty") continue;
    const text = cellText(cell);
    if (text !== "") out.push({ col, text, cell });
  }
  return out;
}

/** The ref of a ref cell's text ("Amber 3.1.1" gives ref 3.1.1 and status word amber), or null. */
export function parseRef(text: string): { ref: string; statusWord: StatusWord | null } | null {
  const m = REF.exec(text.trim());
  if (!m) return null;
  return { ref: m[2], statusWord: m[1] ? (m[1].toLowerCase() as StatusWord) : null };
}

function emptyField(): Field {
  return { text: "", col: null };
}

function fieldAt(cells: RowCell[], col: number | undefined): Field {
  if (col === undefined) return emptyField();
  const c = cells.find((x) => x.col === col);
  return { text: c ? c.text : "", col };
}

function appendText(a: string, b: string): string {
  return a === "" ? b : b === "" ? a : `${a} ${b}`;
}

function commentOf(row: number, col: number, text: string): ProgressComment {
  const dated = DATED_COMMENT.exec(text);
  return { row, col, text, statusWord: lastStatusWord(text), date: dated ? findDayDate(dated[1]) : null };
}

/** State of a pass over one sheet. */
class SheetReader {
  readonly sheet: PlanSheet;
  private table: TableHeader | null = null;
  private objective: Objective | null = null;
  private objectiveAwaitingText: Objective | null = null;
  private lastAction: Action | null = null;
  private readonly merges: Map<string, Area>;
  private themeFound = false;

  constructor(private readonly grid: Grid) {
    this.merges = mergeIndex(grid);
    this.sheet = {
      name: grid.name,
      title: "",
      reportDate: null,
      reportDateCell: "",
      theme: grid.name,
      layout: "none",
      tables: [],
      objectives: [],
      actions: [],
      protected: grid.protected,
      issues: [],
    };
  }

  read(): PlanSheet {
    const rowCount = this.grid.rows.length;
    for (let row = 0; row < rowCount; row++) {
      const cells = rowCells(this.grid, row);
      if (cells.length > 0) this.readRow(row, cells);
    }
    this.sheet.layout =
      this.sheet.tables.length === 0 ? "none" : this.sheet.tables.some((t) => t.columns.objective !== undefined) ? "flat" : "blocks";
    return this.sheet;
  }

  private readRow(row: number, cells: RowCell[]): void {
    const first = cells[0].text;
    if (this.readPageLine(row, cells)) return;
    const header = matchHeaderRow(row, cells);
    if (header) {
      this.sheet.tables.push(header);
      this.table = header;
      this.lastAction = null;
      this.objectiveAwaitingText = null;
      return;
    }
    if (cells.every((c) => DASHES.test(c.text))) return;
    if (this.table) {
      const refCol = this.table.columns.ref;
      const refText = refCol === undefined ? "" : (cells.find((c) => c.col === refCol)?.text ?? "");
      if (parseRef(refText)) {
        this.addAction(row, cells, this.table);
        return;
      }
    }
    const objective = OBJECTIVE_LINE.exec(first);
    if (objective && cells[0].col <= 1 && (objective[1] !== undefined || objective[2] === "" || cells.length > 1)) {
      this.startObjective(row, first, objective[1] ?? null, appendText(objective[2], cells.slice(1).map((c) => c.text).join(" ")));
      return;
    }
    if (TARGET_LINE.test(first) && this.objective && cells.length === 1) {
      this.objective.target = appendText(this.objective.target, first);
      this.objectiveAwaitingText = null;
      return;
    }
    if (this.objectiveAwaitingText && cells.length === 1 && !this.lastAction) {
      this.objectiveAwaitingText.text = first;
      this.objectiveAwaitingText = null;
      return;
    }
    if (this.table) {
      this.readTableRow(row, cells, this.table);
      return;
    }
    if (this.sheet.title === "" && this.sheet.tables.length === 0) this.sheet.title = first;
  }

  /** Report-date and theme lines, above the tables or repeated after a page break. */
  private readPageLine(row: number, cells: RowCell[]): boolean {
    if (cells.length > 2) return false;
    const text = cells.map((c) => c.text).join(" ");
    const inTable = this.lastAction !== null;
    if ((inTable ? REPORT_DATE_LINE_IN_TABLE : REPORT_DATE_LINE).test(text)) {
      const date = cells.map((c) => (c.cell.kind === "date" ? c.cell.date : undefined)).find((d) => d) ?? findDayDate(text);
      if (date) {
        if (this.sheet.reportDate === null || date > this.sheet.reportDate) {
          this.sheet.reportDate = date;
          this.sheet.reportDateCell = cellAddress(row, cells[0].col);
        }
        return true;
      }
    }
    const theme = cells.length === 1 ? THEME_LINE.exec(text) : null;
    if (theme) {
      if (!this.themeFound) {
        this.sheet.theme = theme[1].trim();
        this.themeFound = true;
      }
      if (this.sheet.title === "" && this.sheet.tables.length === 0) this.sheet.title = text;
      return true;
    }
    return false;
  }

  private startObjective(row: number, label: string, ref: string | null, text: string): void {
    const objective: Objective = { ref, label: ref ? `Objective ${ref}` : label, text, target: "", row };
    this.sheet.objectives.push(objective);
    this.objective = objective;
    this.objectiveAwaitingText = text === "" ? objective : null;
    this.lastAction = null;
    // An objective line closes the table above it; the next block brings its own header.
    // In the flat layout objectives live in a column, so a table is never closed by one.
    if (this.table && this.table.columns.objective === undefined) this.table = null;
  }

  private readTableRow(row: number, cells: RowCell[], table: TableHeader): void {
    const last = this.lastAction;
    const col = table.columns;
    const has = (role: ColumnRole) => col[role] !== undefined && cells.some((c) => c.col === col[role]);
    if (last && this.isCommentRow(row, cells, table)) {
      last.comments.push(commentOf(row, cells[0].col, cells[0].text));
      return;
    }
    const refText = col.ref === undefined ? "" : (cells.find((c) => c.col === col.ref)?.text ?? "");
    if (last && refText === "" && !has("timescale")) {
      this.continueAction(last, row, cells, table);
      return;
    }
    if (has("action") || has("timescale") || has("lead") || refText !== "") {
      this.addAction(row, cells, table);
      return;
    }
    if (last) this.continueAction(last, row, cells, table);
  }

  /**
   * A progress comment row: one cell of text under an action, merged across the table, in bold or
   * italics, in the ref column, or left of the table; or in the comments column.
   */
  private isCommentRow(row: number, cells: RowCell[], table: TableHeader): boolean {
    if (cells.length !== 1) return false;
    const { col, cell } = cells[0];
    const merge = this.merges.get(`${row}:${col}`);
    return (
      (merge !== undefined && merge.right > merge.left) ||
      cell.italic === true ||
      cell.bold === true ||
      col === table.columns.ref ||
      col === table.columns.comments ||
      col < table.firstCol
    );
  }

  private addAction(row: number, cells: RowCell[], table: TableHeader): void {
    const col = table.columns;
    const refField = fieldAt(cells, col.ref);
    const parsed = parseRef(refField.text);
    const timescaleCell = cells.find((c) => c.col === col.timescale);
    const action: Action = {
      sheet: this.sheet.name,
      row,
      continuationRows: [],
      table,
      ref: parsed ? parsed.ref : null,
      refText: refField.text,
      refStatusWord: parsed ? parsed.statusWord : null,
      objective: this.objective,
      action: fieldAt(cells, col.action),
      timescale: {
        ...fieldAt(cells, col.timescale),
        date: timescaleCell?.cell.kind === "date" ? (timescaleCell.cell.date ?? null) : null,
      },
      lead: fieldAt(cells, col.lead),
      resources: fieldAt(cells, col.resources),
      measures: fieldAt(cells, col.measures),
      risks: fieldAt(cells, col.risks),
      progress: col.progress === undefined ? null : fieldAt(cells, col.progress),
      rag: col.rag === undefined ? null : fieldAt(cells, col.rag),
      comments: [],
      errorCells: cells.filter((c) => c.cell.kind === "error").map((c) => ({ col: c.col, text: c.text })),
    };
    if (col.objective !== undefined) action.objective = this.flatObjective(row, fieldAt(cells, col.objective).text);
    const comment = col.comments === undefined ? undefined : cells.find((c) => c.col === col.comments);
    if (comment) action.comments.push(commentOf(row, comment.col, comment.text));
    this.sheet.actions.push(action);
    this.lastAction = action;
  }

  /** The objective named in a flat table's Objective column ("3.1", "Objective 3.1 - text"). */
  private flatObjective(row: number, text: string): Objective | null {
    if (text === "") return this.objective;
    const m = /^(?:objective\s*)?(\d+(?:\.\d+)*)?\s*[.:\-–]?\s*(.*)$/i.exec(text);
    const ref = m?.[1] ?? null;
    const known = this.sheet.objectives.find((o) => (ref !== null ? o.ref === ref : o.label === text));
    if (known) return known;
    const objective: Objective = { ref, label: ref ? `Objective ${ref}` : text, text: m?.[2] ?? text, target: "", row };
    this.sheet.objectives.push(objective);
    this.objective = objective;
    return objective;
  }

  private continueAction(action: Action, row: number, cells: RowCell[], table: TableHeader): void {
    action.continuationRows.push(row);
    const col = table.columns;
    const extend = (field: Field | null, c: number | undefined) => {
      if (!field || c === undefined) return;
      const cell = cells.find((x) => x.col === c);
      if (cell) field.text = appendText(field.text, cell.text);
    };
    extend(action.action, col.action);
    extend(action.timescale, col.timescale);
    extend(action.lead, col.lead);
    extend(action.resources, col.resources);
    extend(action.measures, col.measures);
    extend(action.risks, col.risks);
    const comment = col.comments === undefined ? undefined : cells.find((c) => c.col === col.comments);
    if (comment) action.comments.push(commentOf(row, comment.col, comment.text));
    for (const c of cells) if (c.cell.kind === "error") action.errorCells.push({ col: c.col, text: c.text });
  }
}

/** The plan one worksheet holds. */
export function readPlanSheet(grid: Grid): PlanSheet {
  return new SheetReader(grid).read();
}

