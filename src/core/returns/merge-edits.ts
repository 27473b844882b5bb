/**
 * The accepted changes of a merge as edits, in the officer's own layout: the Progress cell (its
 * column added, as Refresh adds it, where the sheet has none); the revised timescale in the
 * Time-scale cell, the old one kept in the history; the RAG cell where the sheet has one; and the
 * comment, dated, as a new comment row under the action (block layout) or in the comments column
 * (flat layout).
 */
import { planColumns, RAG_WORDS } from "../assess";
import { pushTo } from "../common";
import { byAsOf, historyKey, historySheetFor, trackingRef, type CellWrite, type HistoryRecord, type SheetEdits, type WorkbookState } from "../edits";
import { cellAddress, type Grid } from "../grid";
import { formatDay, type IsoDate } from "../dates";
import type { AssessedAction, Rag, SheetAssessment, WorkbookCheck } from "../model";
import { PROGRESS_CHOICES } from "../read";
import type { MergeEdits, RowInsert } from "./types";

/** One action's change that the merge will write. */
export interface AcceptedChange {
  sheet: SheetAssessment;
  action: AssessedAction;
  lead: string;
  progress: string | null;
  comment: string | null;
  timescale: string | null;
  reason: string;
  ragAfter?: Rag;
}

/** The comment as it goes into the plan: dated, and saying whose return it came from. */
export function datedComment(today: IsoDate, lead: string, comment: string): string {
  return `${formatDay(today)}${lead === "" ? "" : `, from ${lead}`}: ${comment}`;
}

const EMPTY_GRID = (name: string): Grid => ({ name, rows: [], merges: [], hiddenRows: [], protected: false });

/** True when the officer's cell holds a formula: merge never writes over one. */
function formulaIn(grid: Grid, row: number, col: number): boolean {
  return grid.rows[row]?.[col]?.formula === true;
}

function formulaProblem(sheet: string, row: number, col: number, what: string): string {
  return `${sheet}!${cellAddress(row, col)} holds a formula where the returned ${what} would go; type the new ${what} there yourself (or clear the formula) and merge again.`;
}

/** The last row of an action: its own, its continuation rows and its comment rows. */
function lastRowOf(a: AssessedAction): number {
  return Math.max(a.action.row, ...a.action.continuationRows, ...a.action.comments.map((c) => c.row));
}

/** The new comment row under an action (block layout): laid out as the comment row above it, if any. */
function commentRow(change: AcceptedChange, grid: Grid, text: string): RowInsert {
  const a = change.action.action;
  const table = a.table;
  const last = a.comments[a.comments.length - 1];
  const col = last ? last.col : (table.columns.ref ?? table.firstCol);
  const lastMerge = last ? grid.merges.find((m) => m.top === last.row && m.left === last.col) : undefined;
  const right = lastMerge ? lastMerge.right : table.lastCol;
  return {
    sheet: a.sheet,
    before: lastRowOf(change.action) + 1,
    cells: [{ row: lastRowOf(change.action) + 1, col, value: text }],
    merge: right > col ? { left: col, right } : null,
    formatFrom: last ? last.row : null,
  };
}

/** The edits of the accepted changes, or the problems that stop them (protected sheet, a cell in the way). */
export function mergeEdits(
  check: WorkbookCheck,
  accepted: ReadonlyArray<AcceptedChange>,
  options: { today: string; state: WorkbookState },
): { edits: MergeEdits; problems: { file: string; problem: string }[] } {
  const problems: { file: string; problem: string }[] = [];
  const bySheet = new Map<SheetAssessment, AcceptedChange[]>();
  for (const c of accepted) pushTo(bySheet, c.sheet, c);
  const sheets: SheetEdits[] = [];
  const inserts: RowInsert[] = [];
  const oldTimescales: HistoryRecord[] = [];
  for (const [s, list] of bySheet) {
    const name = s.sheet.name;
    if (s.sheet.protected) {
      problems.push({ file: name, problem: `The sheet "${name}" is protected, so the returns cannot be written into it. Unprotect it (Review > Unprotect Sheet) and merge again.` });
      continue;
    }
    const grid = check.grids.get(name) ?? EMPTY_GRID(name);
    const plan = planColumns(s.sheet, grid);
    const cells: CellWrite[] = [];
    const headerDone = new Set<number>();
    for (const c of list) {
      const a = c.action.action;
      const table = a.table;
      if (c.progress !== null) {
        const col = plan.columnOf(table, "progress");
        if (table.columns.progress === undefined) {
          const blocked = plan.blocked.find((b) => b.role === "progress" && (b.row === a.row || b.row === table.row));
          if (blocked) {
            problems.push({ file: name, problem: `${name}!${blocked.address} holds "${blocked.text}" where the Progress column would go; move it and merge again.` });
            continue;
          }
          if (!headerDone.has(table.row)) {
            headerDone.add(table.row);
            cells.push({ row: table.row, col, value: "Progress", formatFrom: { row: table.row, col: table.lastCol } });
          }
          cells.push({ row: a.row, col, value: c.progress, formatFrom: { row: a.row, col: table.lastCol } });
        } else {
          // Where the action's row has none, its status was read from its second row (an action wrapped over two).
          const row = a.progress?.row ?? a.row;
          if (formulaIn(grid, row, col)) {
            problems.push({ file: name, problem: formulaProblem(name, row, col, "progress") });
            continue;
          }
          cells.push({ row, col, value: c.progress });
        }
      }
      if (c.timescale !== null) {
        if (a.timescale.col === null) {
          problems.push({ file: name, problem: `${trackingRef(c.action)} on "${name}" has no Time-scale column to write the revised timescale into.` });
          continue;
        }
        const row = a.timescale.row ?? a.row;
        if (formulaIn(grid, row, a.timescale.col)) {
          problems.push({ file: name, problem: formulaProblem(name, row, a.timescale.col, "timescale") });
          continue;
        }
        cells.push({ row, col: a.timescale.col, value: c.timescale });
        oldTimescales.push({ asOf: s.asOf, sheet: name, ref: trackingRef(c.action), rag: c.action.rag, timescale: a.timescale.text });
      }
      // The RAG cell, where the sheet has the column already (a Refresh adds it where it has none).
      const ragCol = table.columns.rag ?? plan.added.rag;
      if (c.ragAfter && ragCol !== undefined && plan.created.rag === undefined) {
        cells.push({ row: a.row, col: ragCol, value: RAG_WORDS[c.ragAfter] });
      }
      if (c.comment !== null) {
        const text = datedComment(options.today, c.lead, c.comment);
        const flatCol = table.columns.comments;
        if (flatCol !== undefined) {
          const own = grid.rows[a.row]?.[flatCol]?.text ?? "";
          cells.push({ row: a.row, col: flatCol, value: own.trim() === "" ? text : `${own}\n${text}` });
        } else inserts.push(commentRow(c, grid, text));
      }
    }
    if (cells.length > 0) {
      sheets.push({
        sheet: name,
        cells,
        ragAreas: [],
        ragFormatScope: [],
        // The dropdowns are Refresh's to put on (a merge leaves them as they are, on every side).
        progressAreas: [],
        progressChoices: PROGRESS_CHOICES,
        columnWidths: [],
      });
    }
  }
  inserts.sort((x, y) => (x.sheet === y.sheet ? y.before - x.before : x.sheet < y.sheet ? -1 : 1));
  return { edits: { sheets, inserts, history: historyWith(options.state, oldTimescales) }, problems };
}

/** The history with each revised action's old timescale kept at its sheet's as-of date, or null when none was revised. */
function historyWith(state: WorkbookState, old: HistoryRecord[]): MergeEdits["history"] {
  if (old.length === 0) return null;
  const records = state.history.map((r) => ({ ...r }));
  const at = new Map(records.map((r) => [historyKey(r), r]));
  for (const r of old) {
    const kept = at.get(historyKey(r));
    if (!kept) records.push(r);
    else if (!kept.timescale) kept.timescale = r.timescale;
  }
  records.sort(byAsOf);
  return historySheetFor(state, records);
}
