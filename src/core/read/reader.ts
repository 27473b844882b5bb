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
import { columnsInUse, coreRoleCount, isDataCell, isHeadingLabel, matchHeaderRow, tableHeader } from "./headers";
import { isShortBareRef, parseRef, type ParsedRef } from "./refs";
import {
  allDashes, appendText, cellIn, commentOf, fieldAt, GROUP_LINE, holds, isShortLabel, noteErrorCells, NUMBERED_HEADING, PAGE_LINE_WORDS, readCells, reportLineOfRow, rowBuffer, SAMPLE_ROWS,
  sameHeadings, COMMENT_OPENING, statusCellOf, TARGET_LINE, textIn, THEME_LINE, type RowBuffer, type RowCell,
} from "./rows";
import { isActionTable, whyNotAPlan, type SheetShape } from "./sheet-kind";

export { parseRef } from "./refs";

/** A bulleted line: "- contact schools", "• agree the brief". */
const BULLET = /^[-–•·*o]\s/;

/**
 * State of a pass over one sheet: a plain object made in one place (startReading), not a class
 * instance. V8 keeps the shape of an object literal for as long as the code that makes it; the
 * shape a class instance gets from its fields dies with the last instance at a full garbage
 * collection, and every function that read it is thrown away and optimised again on the next
 * sheet (docs/performance.md, "Shapes that outlive a garbage collection").
 */
interface SheetReading {
  readonly grid: Grid;
  readonly map: SheetColumnMap | null;
  readonly sheet: PlanSheet;
  table: TableHeader | null;
  /** The current table's columns decided by their headings (a repeat of the header has the same). */
  headed: HeaderMatch[];
  objective: Objective | null;
  objectiveAwaitingText: Objective | null;
  lastAction: Action | null;
  readonly merges: Map<number, Area>;
  readonly rowBuffer: RowBuffer;
  readonly sampleBuffer: RowBuffer;
  themeFound: boolean;
  readonly shape: SheetShape;
}

function startReading(grid: Grid, map: SheetColumnMap | null): SheetReading {
  return {
    grid,
    map,
    sheet: {
      name: grid.name, title: "", reportDate: null, reportDateCell: "", theme: grid.name, layout: "none", tables: [], objectives: [], actions: [],
      protected: grid.protected, issues: [], notPlan: null, usesRefs: false,
    },
    table: null,
    headed: [],
    objective: null,
    objectiveAwaitingText: null,
    lastAction: null,
    merges: mergeIndex(grid),
    rowBuffer: rowBuffer(),
    sampleBuffer: rowBuffer(),
    themeFound: false,
    shape: { labels: [], headings: [], wideRows: 0, cells: 0, numbers: 0, formRows: 0, rows: 0 },
  };
}

function read(rd: SheetReading): PlanSheet {
  const rowCount = rd.grid.rows.length;
  for (let row = 0; row < rowCount; row++) {
    const cells = readCells(rd.rowBuffer, rd.grid, row);
    if (cells.length > 0) readRow(rd, row, cells);
  }
  if (rd.sheet.tables.length === 0 && rd.map?.columns.action !== undefined && rd.map.plan !== false) readWithMapOnly(rd);
  return finish(rd);
}

function finish(rd: SheetReading): PlanSheet {
  const s = rd.sheet;
  const plan = rd.map?.plan;
  const actionTables = s.tables.filter(isActionTable);
  if (plan === false || (plan !== true && actionTables.length === 0)) {
    s.notPlan = plan === false ? "set as not a plan sheet in the column map" : whyNotAPlan(s.tables, rd.shape);
    s.tables = [];
    s.actions = [];
    s.objectives = [];
  }
  s.usesRefs = s.actions.some((a) => a.ref !== null || a.refText !== "");
  s.layout = s.tables.length === 0 ? "none" : s.tables.some((t) => t.columns.objective !== undefined) ? "flat" : "blocks";
  if (rd.map && s.tables.length > 0) s.issues.push(...mapIssues(rd.grid, s, rd.map));
  return s;
}

/** A sheet where only the officer's map finds the table: the header is the row above the first row with text in its Action column. */
function readWithMapOnly(rd: SheetReading): void {
  const col = rd.map?.columns.action as number;
  let first = -1;
  for (let r = 0; r < rd.grid.rows.length && first < 0; r++) if (textAt(rd.grid, r, col) !== "") first = r;
  if (first < 0) return;
  // The first row with text in the Action column is the header when it reads as a label, else the row above it is.
  const label = textAt(rd.grid, first, col);
  const headerRow = first === 0 || isHeadingLabel(label) || (label.length <= 40 && !isDataCell(label)) ? first : first - 1;
  const base = tableHeader(headerRow, {}, [], col, col);
  rd.table = applyColumnMap(base, rd.map as SheetColumnMap, (c) => textAt(rd.grid, headerRow, c));
  rd.sheet.tables.push(rd.table);
  for (let row = headerRow + 1; row < rd.grid.rows.length; row++) {
    const cells = readCells(rd.rowBuffer, rd.grid, row);
    if (cells.length > 0 && !readPageLine(rd, row, cells)) readTableRow(rd, row, cells, rd.table);
  }
}

function noteShape(rd: SheetReading, cells: RowCell[]): void {
  const shape = rd.shape;
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

function readRow(rd: SheetReading, row: number, cells: RowCell[]): void {
  noteShape(rd, cells);
  const table = rd.table;
  const refText = table && table.columns.ref !== undefined && cells.length > 1 ? textIn(cells, table.columns.ref) : "";
  const ref = refText === "" ? null : parseRef(refText);
  // A row of three cells or more with a ref that reads as data is an action: never a header (no
  // header holds data), a page line or a group line, so it is taken at once.
  if (table && ref && cells.length > 2 && (isShortBareRef(refText, ref) || isDataCell(refText))) {
    addAction(rd, row, cells, table, ref);
    return;
  }
  if (readPageLine(rd, row, cells)) return;
  const header = headerAt(rd, row, cells);
  if (header) {
    rd.sheet.tables.push(header);
    if (header.matches !== rd.table?.matches) rd.headed = header.matches.filter((m) => m.by === "heading");
    rd.table = header;
    rd.lastAction = null;
    rd.objectiveAwaitingText = null;
    return;
  }
  if (allDashes(cells)) return;
  if (table && ref) {
    addAction(rd, row, cells, table, ref);
    return;
  }
  if (readGroupRow(rd, row, cells, table)) return;
  const first = cells[0].text;
  if (TARGET_LINE.test(first) && rd.objective && cells.length === 1) {
    rd.objective.target = appendText(rd.objective.target, first);
    rd.objectiveAwaitingText = null;
    return;
  }
  if (rd.objectiveAwaitingText && cells.length === 1 && !rd.lastAction) {
    rd.objectiveAwaitingText.text = first;
    rd.objectiveAwaitingText = null;
    return;
  }
  if (table) {
    readTableRow(rd, row, cells, table);
    return;
  }
  if (rd.sheet.title === "" && rd.sheet.tables.length === 0) rd.sheet.title = first;
}

/** The table header this row is, or null: a repeat of the current one, or a new one the rows beneath confirm. */
function headerAt(rd: SheetReading, row: number, cells: RowCell[]): TableHeader | null {
  const current = rd.table;
  if (current && sameHeadings(rd.headed, cells)) return tableHeader(row, current.columns, current.matches, current.firstCol, current.lastCol);
  const found = matchHeaderRow(row, cells);
  if (!found) return null;
  const headings = new Map(cells.map((c) => [c.col, c.text]));
  const sample = sampleBeneath(rd, row, found);
  if (sample === null) return null;
  let header = rolesFromContent(found, sample, headings);
  if (rd.map) header = applyColumnMap(header, rd.map, (col) => headings.get(col) ?? "");
  return header;
}

/**
 * The data rows beneath a header candidate (up to the next header-like row), or null when none
 * fits under it: a header is confirmed by a row of data in its columns.
 */
function sampleBeneath(rd: SheetReading, row: number, header: TableHeader): SampleCell[][] | null {
  const out: SampleCell[][] = [];
  const roleCols = new Set(columnsInUse(header.columns));
  const settled = headingsSettle(rd, header);
  let fits = false;
  const end = Math.min(rd.grid.rows.length, row + 1 + SAMPLE_ROWS);
  for (let r = row + 1; r < end; r++) {
    const cells = readCells(rd.sampleBuffer, rd.grid, r);
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
function headingsSettle(rd: SheetReading, header: TableHeader): boolean {
  const c = header.columns;
  const headings = rd.rowBuffer.cells.length;
  // A measures column left of the actions may be a group column by its content (rolesFromContent), so it needs the rows.
  const measuresFirst = c.measures !== undefined && c.action !== undefined && c.measures < c.action;
  return c.action !== undefined && c.timescale !== undefined && c.ref !== undefined && c.objective === undefined && c.progress === undefined && !measuresFirst && header.matches.length === headings;
}

/** Report-date and theme lines, above the tables or repeated after a page break. */
function readPageLine(rd: SheetReading, row: number, cells: RowCell[]): boolean {
  if (cells.length > 2) return false;
  const text = cells.length === 1 && cells[0].kind === "text" ? cells[0].text : cells.map((c) => (c.kind === "date" && c.cell.date && !c.cell.shownAs ? c.cell.date : c.text)).join(" ");
  // Inside a table most such rows are comments: one look settles that they are neither kind of page line.
  if (rd.lastAction !== null && !PAGE_LINE_WORDS.test(text)) return false;
  const line = reportLineOfRow(cells, text, rd.lastAction === null ? null : rd.lastAction.table);
  if (line) {
    const s = rd.sheet;
    if (s.reportDate === null || line.date > s.reportDate) {
      s.reportDate = line.date;
      s.reportDateCell = cellAddress(row, line.col);
    }
    // The title beside a report date ("Plan 2011-14 | Last updated: 03/10/11") is the sheet's, as a line of its own would be.
    if (line.besides !== "" && s.title === "" && s.tables.length === 0) s.title = line.besides;
    return true;
  }
  const theme = cells.length === 1 ? THEME_LINE.exec(text) : null;
  if (theme) {
    if (!rd.themeFound) {
      rd.sheet.theme = theme[1].trim();
      rd.themeFound = true;
    }
    if (rd.sheet.title === "" && rd.sheet.tables.length === 0) rd.sheet.title = text;
    return true;
  }
  return false;
}

/** A group row ("Objective 3.1" + text, "Priority 2: ...", "3. Acceptable Use Policy"): starts a group. */
function readGroupRow(rd: SheetReading, row: number, cells: RowCell[], table: TableHeader | null): boolean {
  const first = cells[0];
  const leftmost = table ? first.col <= table.firstCol + 1 : first.col <= 1;
  if (!leftmost || cells.length > 2) return false;
  const g = first.text.length <= 200 ? GROUP_LINE.exec(first.text) : null;
  if (g && (g[2] !== undefined || g[3] !== undefined || g[4] === "" || cells.length > 1)) {
    const word = capitalise(g[1].toLowerCase());
    startObjective(rd, row, g[2] ? `${word} ${g[2]}` : first.text, g[2] ?? null, appendText(g[4], cells.length > 1 ? cells[1].text : ""));
    return true;
  }
  const n = cells.length === 1 && first.cell.italic !== true && first.col !== table?.columns.comments ? NUMBERED_HEADING.exec(first.text) : null;
  if (n) {
    startObjective(rd, row, first.text, n[1], n[2]);
    return true;
  }
  return false;
}

function startObjective(rd: SheetReading, row: number, label: string, ref: string | null, text: string): void {
  const objective: Objective = { ref, label, text, target: "", row };
  rd.sheet.objectives.push(objective);
  rd.objective = objective;
  rd.objectiveAwaitingText = text === "" ? objective : null;
  rd.lastAction = null;
}

function readTableRow(rd: SheetReading, row: number, cells: RowCell[], table: TableHeader): void {
  const last = rd.lastAction;
  const col = table.columns;
  if (last && isCommentRow(rd, row, cells, table)) {
    last.comments.push(commentOf(row, cells[0].col, cells[0].text));
    return;
  }
  if (col.ref === undefined) {
    // A table without refs: each row with action text is an action, but a bullet under one (no timescale, no lead) continues it.
    const bullet = last !== null && !holds(cells, col.timescale) && !holds(cells, col.lead) && BULLET.test(textIn(cells, col.action));
    if (holds(cells, col.action) && !bullet && (cells.length > 1 || !last || cells[0].col !== col.action || !isCommentRow(rd, row, cells, table))) addAction(rd, row, cells, table);
    else if (last) continueAction(last, row, cells, table);
    return;
  }
  const refText = textIn(cells, col.ref);
  if (refText === "") {
    if (last && !holds(cells, col.timescale)) continueAction(last, row, cells, table);
    else if (holds(cells, col.action) || holds(cells, col.timescale) || holds(cells, col.lead)) addAction(rd, row, cells, table);
    else if (last) continueAction(last, row, cells, table);
    return;
  }
  // Text in the Ref column that is no ref: an action with a malformed ref when the row has an action and its
  // timescale or lead; otherwise free text such as a legend under the table ("Green | On track").
  if (cells.length > 1 && holds(cells, col.action) && (holds(cells, col.timescale) || holds(cells, col.lead))) addAction(rd, row, cells, table);
}

/**
 * A progress comment row: one cell of text under an action, merged across the table, in bold or
 * italics, in the ref column, or left of the table; or in the comments column.
 */
function isCommentRow(rd: SheetReading, row: number, cells: RowCell[], table: TableHeader): boolean {
  if (cells.length !== 1) return false;
  const { col, cell } = cells[0];
  const merge = rd.merges.get(cellKey(row, col));
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

function addAction(rd: SheetReading, row: number, cells: RowCell[], table: TableHeader, ref?: ParsedRef): void {
  const col = table.columns;
  const refText = textIn(cells, col.ref);
  const parsed = ref ?? parseRef(refText);
  const timescaleCell = cellIn(cells, col.timescale);
  const action: Action = {
    sheet: rd.sheet.name,
    row,
    continuationRows: [],
    table,
    ref: parsed ? parsed.ref : null,
    refText,
    refStatusWord: parsed ? parsed.statusWord : null,
    objective: rd.objective,
    action: fieldAt(cells, col.action),
    timescale: {
      text: timescaleCell?.text ?? "",
      col: col.timescale ?? null,
      // A date shown as a month ("Mar-11") is read as the month the officer sees, from its text.
      date: timescaleCell?.kind === "date" && !timescaleCell.cell.shownAs ? (timescaleCell.cell.date ?? null) : null,
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
  if (col.objective !== undefined) action.objective = flatObjective(rd, row, textIn(cells, col.objective));
  const comment = cellIn(cells, col.comments);
  if (comment) action.comments.push(commentOf(row, comment.col, comment.text));
  rd.sheet.actions.push(action);
  rd.lastAction = action;
}

/** The objective named in a flat table's group column ("3.1", "Objective 3.1 - text", "Housing"). */
function flatObjective(rd: SheetReading, row: number, text: string): Objective | null {
  if (text === "") return rd.objective;
  const m = /^(?:(?:objective|priority|theme|workstream|outcome)\s*)?(\d+(?:\.\d+)*)?\s*[.:\-–]?\s*(.*)$/i.exec(text);
  const ref = m?.[1] ?? null;
  const known = rd.sheet.objectives.find((o) => (ref !== null ? o.ref === ref : o.label === text));
  if (known) return known;
  const objective: Objective = { ref, label: ref ? `Objective ${ref}` : text, text: m?.[2] ?? text, target: "", row };
  rd.sheet.objectives.push(objective);
  rd.objective = objective;
  return objective;
}

function continueAction(action: Action, row: number, cells: RowCell[], table: TableHeader): void {
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

/** The plan one worksheet holds, read with the officer's column map where there is one. */
export function readPlanSheet(grid: Grid, map: SheetColumnMap | null = null): PlanSheet {
  return read(startReading(grid, map));
}
