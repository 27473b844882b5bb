/**
 * The rows of a table as the reader takes them (reader.ts finds the tables): an action, with its
 * ref or in a table without refs; a row continuing the action above (wrapped text, a bullet); or
 * a progress comment under it.
 */
import { cellKey } from "../grid";
import type { Action, Field, Objective, TableHeader } from "../model";
import { isDottedRef, parseRef, type ParsedRef } from "./refs";
import { appendText, cellIn, commentOf, COMMENT_OPENING, fieldAt, fieldCell, holds, noteErrorCells, statusCellOf, textIn, type RowCell } from "./rows";
import type { SheetReading } from "./reading";

/** The list most actions have of continuation rows and error cells: none, shared, never changed. */
const NONE: ReadonlyArray<never> = Object.freeze([]);

/** A bulleted line: "- contact schools", "• agree the brief". */
const BULLET = /^[-–•·*o]\s/;

/**
 * Refs a sheet uses more than once, each in another group ("1, 2" under 1A, again under 1B): each
 * such action known with its group ("2 (1B)"), so the history and the returns tell them apart.
 */
export function tellApartRepeatedRefs(actions: ReadonlyArray<Action>): void {
  // A dotted ref ("3.1.2") carries its group in its number: used twice, it is a duplicate (validate says so).
  const grouped = actions.filter((a) => a.ref !== null && a.objective !== null && !isDottedRef(a.ref));
  if (grouped.length < 2) return;
  const count = new Map<string, number>();
  for (const a of grouped) count.set(a.ref as string, (count.get(a.ref as string) ?? 0) + 1);
  for (const a of grouped) if ((count.get(a.ref as string) ?? 0) > 1) a.trackAs = `${a.ref} (${a.objective?.ref ?? a.objective?.label})`;
}

/** The label of a table's totals row ("Total", "Grand total"): nobody's action or comment. */
const TOTALS = /^(?:grand )?totals?:?$/i;

export function readTableRow(rd: SheetReading, row: number, cells: RowCell[], table: TableHeader): void {
  const last = rd.lastAction;
  if (cells.length === 1 && TOTALS.test(cells[0].text)) return;
  const col = table.columns;
  if (last && isCommentRow(rd, row, cells, table)) {
    last.comments.push(commentOf(row, cells[0].col, cells[0].text));
    return;
  }
  if (col.ref === undefined) {
    // A table without refs: each row with action text is an action, but a bullet under one (no timescale, no lead) continues it.
    const bullet = last !== null && !holds(cells, col.timescale) && !holds(cells, col.lead) && BULLET.test(textIn(cells, col.action));
    if (last && wrapsOn(last, row, cells, table)) continueAction(last, row, cells, table);
    else if (holds(cells, col.action) && !bullet && (cells.length > 1 || !last || cells[0].col !== col.action || !isCommentRow(rd, row, cells, table))) addAction(rd, row, cells, table);
    else if (last) continueAction(last, row, cells, table);
    return;
  }
  const refText = textIn(cells, col.ref);
  if (refText === "") {
    if (last && (!holds(cells, col.timescale) || wrapsOn(last, row, cells, table))) continueAction(last, row, cells, table);
    else if (holds(cells, col.action) || holds(cells, col.timescale) || holds(cells, col.lead)) addAction(rd, row, cells, table);
    else if (last) continueAction(last, row, cells, table);
    return;
  }
  // Text in the Ref column that is no ref: an action with a malformed ref when the row has an action and its
  // timescale or lead; otherwise free text such as a legend under the table ("Green | On track").
  if (cells.length > 1 && holds(cells, col.action) && (holds(cells, col.timescale) || holds(cells, col.lead))) addAction(rd, row, cells, table);
}

/** Words a wrapped line of an action ends on, the rest following on the next row: "between", "and", "/". */
const OPEN_ENDING = /(?:\b(?:and|or|of|to|the|a|an|with|between|for|in|on|by|from|including|across|into)|[,/&+:(-])$/i;

/**
 * True when a row carries on the action above it, wrapped over two rows as a table pasted from
 * Word has it ("Agree an information-sharing protocol between" | "Probation /" over "police,
 * probation and the council" | "Dec 2011" | "Police"): the row right under the action, which has
 * no timescale yet, with no action text of its own or text that carries on the line above (it
 * opens in lower case, or the line above ends on "between", "and", "/").
 */
function wrapsOn(last: Action, row: number, cells: RowCell[], table: TableHeader): boolean {
  const lastRow = last.continuationRows.length > 0 ? last.continuationRows[last.continuationRows.length - 1] : last.row;
  if (lastRow !== row - 1 || last.timescale.text !== "" || last.timescale.date !== null || !holds(cells, table.columns.timescale)) return false;
  const text = textIn(cells, table.columns.action);
  return text === "" || /^[a-z]/.test(text) || OPEN_ENDING.test(last.action.text);
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

export function addAction(rd: SheetReading, row: number, cells: RowCell[], table: TableHeader, ref?: ParsedRef): void {
  const col = table.columns;
  const refText = textIn(cells, col.ref);
  const parsed = ref ?? parseRef(refText);
  // Where the action leaves its cell empty, the column the table falls back on (the original date beside the revised one).
  const fallback = table.fallback;
  const timescaleCell = fieldCell(cells, col.timescale, fallback?.timescale);
  const action: Action = {
    sheet: rd.sheet.name,
    row,
    continuationRows: NONE,
    table,
    ref: parsed ? parsed.ref : null,
    refText,
    refStatusWord: parsed ? parsed.statusWord : null,
    objective: rd.objective,
    action: fieldAt(cells, col.action),
    timescale: {
      text: timescaleCell?.text ?? "",
      // The field's column is where a new timescale goes (the revised one), whichever cell gave the text.
      col: col.timescale ?? timescaleCell?.col ?? null,
      // A date shown as a month ("Mar-11") is read as the month the officer sees, from its text.
      date: timescaleCell?.kind === "date" && !timescaleCell.cell.shownAs ? (timescaleCell.cell.date ?? null) : null,
    },
    lead: fieldAt(cells, col.lead, fallback?.lead),
    resources: fieldAt(cells, col.resources),
    measures: fieldAt(cells, col.measures),
    risks: fieldAt(cells, col.risks),
    progress: col.progress === undefined ? null : fieldAt(cells, col.progress),
    rag: col.rag === undefined ? null : fieldAt(cells, col.rag),
    completed: col.completed === undefined ? null : fieldAt(cells, col.completed),
    statusCell: statusCellOf(cells, table),
    comments: [],
    trackAs: undefined,
    errorCells: NONE,
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
  action.continuationRows = [...action.continuationRows, row];
  const col = table.columns;
  const extend = (field: Field | null, c: number | undefined) => {
    if (!field || c === undefined) return;
    const text = textIn(cells, c);
    if (text === "") return;
    if (field.text === "") field.row = row;
    field.text = appendText(field.text, text);
  };
  extend(action.action, col.action);
  extend(action.timescale, col.timescale);
  extend(action.lead, col.lead);
  extend(action.resources, col.resources);
  extend(action.measures, col.measures);
  extend(action.risks, col.risks);
  // A status on the wrapped row is the action's, where its own row has none.
  if (action.progress?.text === "") extend(action.progress, col.progress);
  const comment = cellIn(cells, col.comments);
  if (comment) action.comments.push(commentOf(row, comment.col, comment.text));
  noteErrorCells(action, cells);
}
