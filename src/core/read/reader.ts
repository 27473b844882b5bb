/**
 * The reader: one worksheet grid in, the plan it holds out. Tables are found from content (a row
 * of headings confirmed by the data beneath it), in any column, repeated after page breaks, in
 * the block layout of the seeds (objective blocks, progress comment rows beneath the actions) or
 * as one flat table (a group column, a comments column). Refs of any style, or none. Nothing a
 * sheet can hold makes it throw: what it cannot read becomes an issue.
 */
import { capitalise } from "../common";
import { cellAddress, cellKey, mergeIndex, textAt, type Area, type Grid } from "../grid";
import type { Action, Field, HeaderMatch, Objective, PlanSheet, SheetColumnMap, TableHeader } from "../model";
import { applyColumnMap, mapIssues } from "./column-map";
import { rolesFromContent, type SampleCell } from "./content";
import { coreRoleCount, isDataCell, isHeadingLabel, matchHeaderRow, tableHeader } from "./headers";
import { isShortBareRef, parseRef, type ParsedRef } from "./refs";
import {
  allDashes, appendText, cellIn, commentOf, fieldAt, GROUP_LINE, holds, IN_TABLE_REPORT_LINE, isShortLabel, noteErrorCells, NUMBERED_HEADING, PAGE_LINE_WORDS, RowBuffer, SAMPLE_ROWS, sameHeadings,
  COMMENT_OPENING, statusCellOf, TARGET_LINE, textIn, THEME_LINE, type RowCell,
} from "./rows";
import { MAX_REPORT_LINE, reportDateOf } from "./report-date";
import { isActionTable, whyNotAPlan, type SheetShape } from "./sheet-kind";

export { parseRef } from "./refs";

/** A bulleted line: "- contact schools", "• agree the brief". */
const BULLET = /^[-–•·*o]\s/;

/** State of a pass over one sheet. */
class SheetReader {
  readonly sheet: PlanSheet;
  private table: TableHeader | null = null;
  /** The current table's columns decided by their headings (a repeat of the header has the same). */
  private headed: HeaderMatch[] = [];
  private objective: Objective | null = null;
  private objectiveAwaitingText: Objective | null = null;
  private lastAction: Action | null = null;
  private readonly merges: Map<number, Area>;
  private readonly rowBuffer = new RowBuffer();
  private readonly sampleBuffer = new RowBuffer();
  private themeFound = false;
  private readonly shape: SheetShape = { labels: [], headings: [], wideRows: 0, cells: 0, numbers: 0, formRows: 0, rows: 0 };

  constructor(
    private readonly grid: Grid,
    private readonly map: SheetColumnMap | null,
  ) {
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
      notPlan: null,
      usesRefs: false,
    };
  }

  read(): PlanSheet {
    const rowCount = this.grid.rows.length;
    for (let row = 0; row < rowCount; row++) {
      const cells = this.rowBuffer.read(this.grid, row);
      if (cells.length > 0) this.readRow(row, cells);
    }
    if (this.sheet.tables.length === 0 && this.map?.columns.action !== undefined && this.map.plan !== false) this.readWithMapOnly();
    return this.finish();
  }

  private finish(): PlanSheet {
    const s = this.sheet;
    const plan = this.map?.plan;
    const actionTables = s.tables.filter(isActionTable);
    if (plan === false || (plan !== true && actionTables.length === 0)) {
      s.notPlan = plan === false ? "set as not a plan sheet in the column map" : whyNotAPlan(s.tables, this.shape);
      s.tables = [];
      s.actions = [];
      s.objectives = [];
    }
    s.usesRefs = s.actions.some((a) => a.ref !== null || a.refText !== "");
    s.layout = s.tables.length === 0 ? "none" : s.tables.some((t) => t.columns.objective !== undefined) ? "flat" : "blocks";
    if (this.map && s.tables.length > 0) s.issues.push(...mapIssues(this.grid, s, this.map));
    return s;
  }

  /** A sheet where only the officer's map finds the table: the header is the row above the first row with text in its Action column. */
  private readWithMapOnly(): void {
    const col = this.map?.columns.action as number;
    let first = -1;
    for (let r = 0; r < this.grid.rows.length && first < 0; r++) if (textAt(this.grid, r, col) !== "") first = r;
    if (first < 0) return;
    // The first row with text in the Action column is the header when it reads as a label, else the row above it is.
    const label = textAt(this.grid, first, col);
    const headerRow = first === 0 || isHeadingLabel(label) || (label.length <= 40 && !isDataCell(label)) ? first : first - 1;
    const base = tableHeader(headerRow, {}, [], col, col);
    this.table = applyColumnMap(base, this.map as SheetColumnMap, (c) => textAt(this.grid, headerRow, c));
    this.sheet.tables.push(this.table);
    for (let row = headerRow + 1; row < this.grid.rows.length; row++) {
      const cells = this.rowBuffer.read(this.grid, row);
      if (cells.length > 0 && !this.readPageLine(row, cells)) this.readTableRow(row, cells, this.table);
    }
  }

  private noteShape(cells: RowCell[]): void {
    const shape = this.shape;
    shape.rows++;
    shape.cells += cells.length;
    for (const c of cells) if (c.kind === "number") shape.numbers++;
    if (cells.length === 2 && cells[0].text.endsWith(":")) shape.formRows++;
    if (cells.length >= 3) {
      shape.wideRows++;
      if (shape.headings.length === 0 && cells[0].kind === "text") shape.headings = cells.map((c) => c.text);
      if (shape.labels.length === 0 && cells.every(isShortLabel)) shape.labels = cells.map((c) => c.text);
    }
  }

  private readRow(row: number, cells: RowCell[]): void {
    this.noteShape(cells);
    const table = this.table;
    const refText = table && table.columns.ref !== undefined && cells.length > 1 ? textIn(cells, table.columns.ref) : "";
    const ref = refText === "" ? null : parseRef(refText);
    // A row of three cells or more with a ref that reads as data is an action: never a header (no
    // header holds data), a page line or a group line, so it is taken at once.
    if (table && ref && cells.length > 2 && (isShortBareRef(refText, ref) || isDataCell(refText))) {
      this.addAction(row, cells, table, ref);
      return;
    }
    if (this.readPageLine(row, cells)) return;
    const header = this.headerAt(row, cells);
    if (header) {
      this.sheet.tables.push(header);
      if (header.matches !== this.table?.matches) this.headed = header.matches.filter((m) => m.by === "heading");
      this.table = header;
      this.lastAction = null;
      this.objectiveAwaitingText = null;
      return;
    }
    if (allDashes(cells)) return;
    if (table && ref) {
      this.addAction(row, cells, table, ref);
      return;
    }
    if (this.readGroupRow(row, cells, table)) return;
    const first = cells[0].text;
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
    if (table) {
      this.readTableRow(row, cells, table);
      return;
    }
    if (this.sheet.title === "" && this.sheet.tables.length === 0) this.sheet.title = first;
  }

  /** The table header this row is, or null: a repeat of the current one, or a new one the rows beneath confirm. */
  private headerAt(row: number, cells: RowCell[]): TableHeader | null {
    const current = this.table;
    if (current && sameHeadings(this.headed, cells)) return tableHeader(row, current.columns, current.matches, current.firstCol, current.lastCol);
    const found = matchHeaderRow(row, cells);
    if (!found) return null;
    const headings = new Map(cells.map((c) => [c.col, c.text]));
    const sample = this.sampleBeneath(row, found);
    if (sample === null) return null;
    let header = rolesFromContent(found, sample, headings);
    if (this.map) header = applyColumnMap(header, this.map, (col) => headings.get(col) ?? "");
    return header;
  }

  /**
   * The data rows beneath a header candidate (up to the next header-like row), or null when none
   * fits under it: a header is confirmed by a row of data in its columns.
   */
  private sampleBeneath(row: number, header: TableHeader): SampleCell[][] | null {
    const out: SampleCell[][] = [];
    const roleCols = new Set(Object.values(header.columns));
    const settled = this.headingsSettle(header);
    let fits = false;
    const end = Math.min(this.grid.rows.length, row + 1 + SAMPLE_ROWS);
    for (let r = row + 1; r < end; r++) {
      const cells = this.sampleBuffer.read(this.grid, r);
      if (cells.length === 0) continue;
      if (cells.length >= 2 && matchHeaderRow(r, cells)) break;
      if (cells.length >= 2 && cells.some((c) => roleCols.has(c.col))) fits = true;
      // Headings that settle every column need no more than the one row of data that confirms them.
      if (fits && settled) break;
      if (cells.length >= 2) out.push(cells.map((c) => ({ col: c.col, text: c.text, date: c.kind === "date" })));
    }
    // A header with nothing beneath yet (a new plan) stands when its headings name three of the action table's roles.
    return fits || (out.length === 0 && coreRoleCount(header.columns) >= 3) ? out : null;
  }

  /** True when a header's headings leave nothing for the content to decide: Action, Time-scale and Ref named, and every heading understood. */
  private headingsSettle(header: TableHeader): boolean {
    const c = header.columns;
    const headings = this.rowBuffer.cells.length;
    return c.action !== undefined && c.timescale !== undefined && c.ref !== undefined && c.objective === undefined && c.progress === undefined && header.matches.length === headings;
  }

  /** Report-date and theme lines, above the tables or repeated after a page break. */
  private readPageLine(row: number, cells: RowCell[]): boolean {
    if (cells.length > 2) return false;
    const text = cells.length === 1 && cells[0].kind === "text" ? cells[0].text : cells.map((c) => (c.kind === "date" && c.cell.date ? c.cell.date : c.text)).join(" ");
    // Inside a table most such rows are comments: one look settles that they are neither kind of page line.
    if (this.lastAction !== null && !PAGE_LINE_WORDS.test(text)) return false;
    if (text.length <= MAX_REPORT_LINE && (this.lastAction === null || IN_TABLE_REPORT_LINE.test(text))) {
      const date = reportDateOf(text);
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

  /** A group row ("Objective 3.1" + text, "Priority 2: ...", "3. Acceptable Use Policy"): starts a group. */
  private readGroupRow(row: number, cells: RowCell[], table: TableHeader | null): boolean {
    const first = cells[0];
    const leftmost = table ? first.col <= table.firstCol + 1 : first.col <= 1;
    if (!leftmost || cells.length > 2) return false;
    const g = first.text.length <= 200 ? GROUP_LINE.exec(first.text) : null;
    if (g && (g[2] !== undefined || g[3] !== undefined || g[4] === "" || cells.length > 1)) {
      const word = capitalise(g[1].toLowerCase());
      this.startObjective(row, g[2] ? `${word} ${g[2]}` : first.text, g[2] ?? null, appendText(g[4], cells.length > 1 ? cells[1].text : ""));
      return true;
    }
    const n = cells.length === 1 && first.cell.italic !== true && first.col !== table?.columns.comments ? NUMBERED_HEADING.exec(first.text) : null;
    if (n) {
      this.startObjective(row, first.text, n[1], n[2]);
      return true;
    }
    return false;
  }

  private startObjective(row: number, label: string, ref: string | null, text: string): void {
    const objective: Objective = { ref, label, text, target: "", row };
    this.sheet.objectives.push(objective);
    this.objective = objective;
    this.objectiveAwaitingText = text === "" ? objective : null;
    this.lastAction = null;
  }

  private readTableRow(row: number, cells: RowCell[], table: TableHeader): void {
    const last = this.lastAction;
    const col = table.columns;
    if (last && this.isCommentRow(row, cells, table)) {
      last.comments.push(commentOf(row, cells[0].col, cells[0].text));
      return;
    }
    if (col.ref === undefined) {
      // A table without refs: each row with action text is an action, but a bullet under one (no timescale, no lead) continues it.
      const bullet = last !== null && !holds(cells, col.timescale) && !holds(cells, col.lead) && BULLET.test(textIn(cells, col.action));
      if (holds(cells, col.action) && !bullet && (cells.length > 1 || !last || cells[0].col !== col.action || !this.isCommentRow(row, cells, table))) this.addAction(row, cells, table);
      else if (last) this.continueAction(last, row, cells, table);
      return;
    }
    const refText = textIn(cells, col.ref);
    if (refText === "") {
      if (last && !holds(cells, col.timescale)) this.continueAction(last, row, cells, table);
      else if (holds(cells, col.action) || holds(cells, col.timescale) || holds(cells, col.lead)) this.addAction(row, cells, table);
      else if (last) this.continueAction(last, row, cells, table);
      return;
    }
    // Text in the Ref column that is no ref: an action with a malformed ref when the row has an action and its
    // timescale or lead; otherwise free text such as a legend under the table ("Green | On track").
    if (cells.length > 1 && holds(cells, col.action) && (holds(cells, col.timescale) || holds(cells, col.lead))) this.addAction(row, cells, table);
  }

  /**
   * A progress comment row: one cell of text under an action, merged across the table, in bold or
   * italics, in the ref column, or left of the table; or in the comments column.
   */
  private isCommentRow(row: number, cells: RowCell[], table: TableHeader): boolean {
    if (cells.length !== 1) return false;
    const { col, cell } = cells[0];
    const merge = this.merges.get(cellKey(row, col));
    return (
      (merge !== undefined && merge.right > merge.left) ||
      cell.italic === true ||
      cell.bold === true ||
      col === table.columns.ref ||
      col === table.columns.comments ||
      col < table.firstCol ||
      COMMENT_OPENING.test(cells[0].text)
    );
  }

  private addAction(row: number, cells: RowCell[], table: TableHeader, ref?: ParsedRef): void {
    const col = table.columns;
    const refText = textIn(cells, col.ref);
    const parsed = ref ?? parseRef(refText);
    const timescaleCell = cellIn(cells, col.timescale);
    const action: Action = {
      sheet: this.sheet.name,
      row,
      continuationRows: [],
      table,
      ref: parsed ? parsed.ref : null,
      refText,
      refStatusWord: parsed ? parsed.statusWord : null,
      objective: this.objective,
      action: fieldAt(cells, col.action),
      timescale: {
        text: timescaleCell?.text ?? "",
        col: col.timescale ?? null,
        date: timescaleCell?.kind === "date" ? (timescaleCell.cell.date ?? null) : null,
      },
      lead: fieldAt(cells, col.lead),
      resources: fieldAt(cells, col.resources),
      measures: fieldAt(cells, col.measures),
      risks: fieldAt(cells, col.risks),
      progress: col.progress === undefined ? null : fieldAt(cells, col.progress),
      rag: col.rag === undefined ? null : fieldAt(cells, col.rag),
      statusCell: statusCellOf(cells, table),
      comments: [],
      errorCells: [],
    };
    noteErrorCells(action, cells);
    if (col.objective !== undefined) action.objective = this.flatObjective(row, textIn(cells, col.objective));
    const comment = cellIn(cells, col.comments);
    if (comment) action.comments.push(commentOf(row, comment.col, comment.text));
    this.sheet.actions.push(action);
    this.lastAction = action;
  }

  /** The objective named in a flat table's group column ("3.1", "Objective 3.1 - text", "Housing"). */
  private flatObjective(row: number, text: string): Objective | null {
    if (text === "") return this.objective;
    const m = /^(?:(?:objective|priority|theme|workstream|outcome)\s*)?(\d+(?:\.\d+)*)?\s*[.:\-–]?\s*(.*)$/i.exec(text);
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
      const text = textIn(cells, c);
      if (text !== "") field.text = appendText(field.text, text);
    };
    extend(action.action, col.action);
    extend(action.timescale, col.timescale);
    extend(action.lead, col.lead);
    extend(action.resources, col.resources);
    extend(action.measures, col.measures);
    extend(action.risks, col.risks);
    const comment = cellIn(cells, col.comments);
    if (comment) action.comments.push(commentOf(row, comment.col, comment.text));
    noteErrorCells(action, cells);
  }
}

/** The plan one worksheet holds, read with the officer's column map where there is one. */
export function readPlanSheet(grid: Grid, map: SheetColumnMap | null = null): PlanSheet {
  return new SheetReader(grid, map).read();
}
