/**
 * The reader: one worksheet grid in, the plan it holds out. Tables are found from content (a row
 * of headings confirmed by the data beneath it), in any column, repeated after page breaks, in
 * the block layout of the seeds (objective blocks, progress comment rows beneath the actions) or
 * as one flat table (a group column, a comments column). Refs of any style, or none. Nothing a
 * sheet can hold makes it throw: what it cannot read becomes an issue.
 */
import { capitalise } from "../common";
import { cellAddress, cellKey, textAt, type Grid } from "../grid";
import type { Objective, PlanSheet, SheetColumnMap, TableHeader } from "../model";
import { addAction, readTableRow, tellApartRepeatedRefs } from "./action-rows";
import { applyColumnMap, mapIssues } from "./column-map";
import { rolesFromContent, type SampleCell } from "./content";
import { columnsInUse, coreRoleCount, isDataCell, isHeadingLabel, matchHeaderRow, MAX_LABEL_LENGTH, tableHeader } from "./headers";
import { startReading, type SheetReading } from "./reading";
import { isShortBareRef, parseRef } from "./refs";
import {
  allDashes, appendText, DATED_COMMENT, GROUP_LINE, isShortLabel, NUMBERED_HEADING, PAGE_LINE_WORDS, readCells, reportLineOfRow, SAMPLE_ROWS, sameHeadings, TARGET_LINE, textIn, THEME_LINE, type RowCell,
} from "./rows";
import { isActionTable, whyNotAPlan } from "./sheet-kind";

export { parseRef } from "./refs";



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
  tellApartRepeatedRefs(s.actions);
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
  // The second row of headings written over two rows was read with the first.
  if (row === rd.headingsRow) return;
  const header = headerAt(rd, row, cells);
  // A row of headings that group the columns of the header beneath ("WHO", "WHEN") has no row of its own.
  if (header === null && row === rd.headingsRow) return;
  if (header) {
    rd.sheet.tables.push(header);
    if (header.matches !== rd.table?.matches) rd.headed = header.matches.filter((m) => m.by === "heading");
    rd.table = header;
    rd.lastAction = null;
    rd.objectiveAwaitingText = null;
    return;
  }
  if (allDashes(cells)) return;
  if (table && ref && readNumberedGroup(rd, row, cells, table, refText)) return;
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
  if (current && sameHeadings(rd.headed, cells)) return tableHeader(row, current.columns, current.matches, current.firstCol, current.lastCol, current.replaced, current.fallback);
  const joined = twoRowHeadings(rd, row, cells);
  const headingCells = joined ?? cells;
  const found = matchHeaderRow(row, headingCells);
  if (!found) return null;
  if (!joined && isSuperHeading(rd, row, cells)) {
    rd.headingsRow = row;
    return null;
  }
  const headings = new Map(headingCells.map((c) => [c.col, c.text]));
  const sample = sampleBeneath(rd, joined ? row + 1 : row, found, headingCells.length);
  if (sample === null) return null;
  if (joined) rd.headingsRow = row + 1;
  let header = rolesFromContent(found, sample, headings);
  if (rd.map) header = applyColumnMap(header, rd.map, (col) => headings.get(col) ?? "");
  return header;
}

/**
 * The data rows beneath a header candidate (up to the next header-like row), or null when none
 * fits under it: a header is confirmed by a row of data in its columns.
 */
function sampleBeneath(rd: SheetReading, row: number, header: TableHeader, headingCount: number): SampleCell[][] | null {
  const out: SampleCell[][] = [];
  const roleCols = new Set(columnsInUse(header.columns));
  const settled = headingsSettle(header, headingCount);
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
function headingsSettle(header: TableHeader, headings: number): boolean {
  const c = header.columns;
  // A measures column left of the actions may be a group column by its content (rolesFromContent), so it needs the rows.
  const measuresFirst = c.measures !== undefined && c.action !== undefined && c.measures < c.action;
  return c.action !== undefined && c.timescale !== undefined && c.ref !== undefined && c.objective === undefined && c.progress === undefined && !measuresFirst && header.matches.length === headings;
}

/** How many cells of a row hold something, counted without reading their text (a first, cheap look at the row beneath). */
function filledCount(grid: Grid, row: number): number {
  const cells = grid.rows[row];
  let n = 0;
  if (cells) for (const c of cells) if (c !== undefined && c.kind !== "empty" && c.text !== "") n++;
  return n;
}

/** Text no longer than a heading can be. */
function isShortText(c: RowCell): boolean {
  return c.kind === "text" && c.text.length <= MAX_LABEL_LENGTH;
}

/** A cell that reads as a heading: a short label, or a note in brackets under one ("(see key)", "(RAG)"). */
function isHeadingCell(c: RowCell): boolean {
  return c.kind === "text" && (isHeadingLabel(c.text) || BRACKETED.test(c.text)) && !isDataCell(c.text);
}

const BRACKETED = /^\([^()]{1,30}\)$/;

/**
 * Headings written over two rows, as a table pasted from Word has them ("Target" over "date",
 * "Current" over "status", "Progress" over "(see key)"): this row's headings with the row
 * beneath's joined on, column by column, when that row holds fewer labels, all under this row's
 * columns; else null. Whether the two make a header is for matchHeaderRow to say.
 */
function twoRowHeadings(rd: SheetReading, row: number, cells: RowCell[]): RowCell[] | null {
  if (cells.length < 2 || row + 1 >= rd.grid.rows.length) return null;
  const count = filledCount(rd.grid, row + 1);
  // Headings are short texts: a row with a number, a date or prose in it is settled before any heading is read.
  if (count === 0 || count >= cells.length || !cells.every(isShortText) || !cells.every(isHeadingCell)) return null;
  const below = readCells(rd.sampleBuffer, rd.grid, row + 1);
  if (below.length === 0 || below.length >= cells.length || (below.length === 1 && !BRACKETED.test(below[0].text))) return null;
  const first = cells[0].col;
  const last = cells[cells.length - 1].col;
  if (!below.every((c) => c.col >= first && c.col <= last && isHeadingCell(c))) return null;
  const texts = new Map(cells.map((c) => [c.col, c.text]));
  for (const c of below) texts.set(c.col, appendText(texts.get(c.col) ?? "", c.text));
  return [...texts].sort((a, b) => a[0] - b[0]).map(([col, text]) => ({ col, text, kind: "text", cell: { kind: "text", text } }));
}

/**
 * A row of headings that group the columns of the header beneath it ("WHAT WE WILL DO", "WHO",
 * "WHEN" over "Ref | Action | Lead agency | Lead officer | Target date ..."): fewer, wider labels
 * (merged across columns, or half as many or fewer) over a row that is a header.
 */
function isSuperHeading(rd: SheetReading, row: number, cells: RowCell[]): boolean {
  if (cells.length < 2 || row + 1 >= rd.grid.rows.length || filledCount(rd.grid, row + 1) <= cells.length || !cells.every(isHeadingCell)) return false;
  const below = readCells(rd.sampleBuffer, rd.grid, row + 1);
  if (below.length <= cells.length) return false;
  const wide = cells.every((c) => {
    const m = rd.merges.get(cellKey(row, c.col));
    return m !== undefined && m.right > m.left;
  });
  return (wide || cells.length * 2 <= below.length) && matchHeaderRow(row + 1, below) !== null;
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
  // "1 Dec 2026, from the lead: ..." opens with a date: a comment, not heading 1.
  const n = cells.length === 1 && first.cell.italic !== true && first.col !== table?.columns.comments && !DATED_COMMENT.test(first.text) ? NUMBERED_HEADING.exec(first.text) : null;
  if (n) {
    startObjective(rd, row, first.text, n[1], n[2]);
    return true;
  }
  return false;
}

/**
 * A group row numbered in the Ref column, its name in the Action column and nothing else ("1." |
 * "Early help and family support"), over actions numbered under it (1.1, 1.2): starts a group.
 */
function readNumberedGroup(rd: SheetReading, row: number, cells: RowCell[], table: TableHeader, refText: string): boolean {
  const n = cells.length === 2 && cells[0].col === table.columns.ref && cells[1].col === table.columns.action ? /^(\d{1,2})\.?$/.exec(refText) : null;
  if (!n) return false;
  let next = row + 1;
  while (next < rd.grid.rows.length && readCells(rd.sampleBuffer, rd.grid, next).length === 0) next++;
  if (!textAt(rd.grid, next, table.columns.ref as number).startsWith(`${n[1]}.`)) return false;
  startObjective(rd, row, `${n[1]}. ${cells[1].text}`, n[1], cells[1].text);
  return true;
}

function startObjective(rd: SheetReading, row: number, label: string, ref: string | null, text: string): void {
  const objective: Objective = { ref, label, text, target: "", row };
  rd.sheet.objectives.push(objective);
  rd.objective = objective;
  rd.objectiveAwaitingText = text === "" ? objective : null;
  rd.lastAction = null;
}

/** The plan one worksheet holds, read with the officer's column map where there is one. */
export function readPlanSheet(grid: Grid, map: SheetColumnMap | null = null): PlanSheet {
  return read(startReading(grid, map));
}
