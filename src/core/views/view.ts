/** What the pane shows after a check or a refresh: plain data, ready to render, derived from the check. */
import { countByRag } from "../assess";
import { type WorkbookCheck } from "../model";
import { columnCount, columnLetter, refCellOf, textAt, type Grid } from "../grid";
import type { IsoDate } from "../dates";
import type { DeadlineKind } from "../model";
import { ROLE_NAMES, type ColumnRole, type Issue, type PlanSheet, type Progress, type Rag, type StatusWord } from "../model";

export interface ActionView {
  sheet: string;
  ref: string | null;
  /** The ref cell ("A28"), to select the action in Excel. */
  cell: string;
  action: string;
  lead: string;
  timescale: string;
  deadline: IsoDate | null;
  deadlineKind: DeadlineKind;
  progress: Progress;
  rag: Rag;
  reason: string;
  officerWord: StatusWord | null;
  disagrees: boolean;
}

/** One role of a sheet's column map as the pane shows it: the column read, and what decided it. */
export interface ColumnChoiceView {
  role: ColumnRole;
  /** "Time-scale", the officers' name of the role. */
  name: string;
  /** 0-based column, or null where the sheet has none for the role. */
  col: number | null;
  by: "heading" | "content" | "map" | null;
  /** "heading \"By when\"", "content", "your column map", or "not found". */
  why: string;
}

/** What the pane's Column map offers for a sheet: each role's column, the sheet's columns, and whether it is a plan. */
export interface SheetColumnsView {
  notPlan: string | null;
  roles: ColumnChoiceView[];
  /** The sheet's columns with their headings (from the first table's header row), for the dropdowns. */
  columns: { col: number; letter: string; heading: string }[];
}

export interface SheetView {
  name: string;
  /** The columns as read, for the officer to correct. */
  columnMap: SheetColumnsView;
  asOf: IsoDate;
  reportDate: IsoDate | null;
  counts: Record<Rag, number>;
  actions: ActionView[];
  issues: Issue[];
}

export interface CheckView {
  asOf: IsoDate | null;
  sheets: SheetView[];
  counts: Record<Rag, number>;
}

/** Roles the pane's Column map offers, in the usual order of the columns. */
const MAP_ROLES: ReadonlyArray<ColumnRole> = ["ref", "action", "timescale", "lead", "progress", "comments", "objective", "completed"];
/** Columns offered in the dropdowns at most (a plan's table is rarely wider). */
const MAX_COLUMNS = 40;

function columnsView(sheet: PlanSheet, grid: Grid | undefined): SheetColumnsView {
  const table = sheet.tables[0];
  const roles = MAP_ROLES.map((role): ColumnChoiceView => {
    const m = table?.matches.find((x) => x.role === role);
    const why = !m ? "not found" : m.by === "map" ? "your column map" : m.by === "content" ? "its content" : `heading "${m.header}"`;
    return { role, name: ROLE_NAMES[role], col: m ? m.col : null, by: m ? m.by : null, why };
  });
  const width = Math.min(MAX_COLUMNS, Math.max(grid ? columnCount(grid) : 0, (table?.lastCol ?? -1) + 1));
  const columns = Array.from({ length: width }, (_, col) => ({ col, letter: columnLetter(col), heading: grid && table ? textAt(grid, table.row, col) : "" }));
  return { notPlan: sheet.notPlan, roles, columns };
}

/** The check as the pane shows it. */
/** The view of no plan sheet at all (nothing read yet, or a command that could not read). */
export function emptyView(asOf: IsoDate | null): CheckView {
  return { asOf, sheets: [], counts: countByRag([]) };
}

export function checkView(check: WorkbookCheck): CheckView {
  const sheets = check.sheets.map((s): SheetView => {
    const actions = s.actions.map(
      (a): ActionView => ({
        sheet: s.sheet.name,
        ref: a.action.ref,
        cell: refCellOf(a.action),
        action: a.action.action.text,
        lead: a.action.lead.text,
        timescale: a.action.timescale.text,
        deadline: a.deadline.deadline,
        deadlineKind: a.deadline.kind,
        progress: a.progress,
        rag: a.rag,
        reason: a.reason,
        officerWord: a.officerWord,
        disagrees: a.disagrees,
      }),
    );
    return { name: s.sheet.name, columnMap: columnsView(s.sheet, check.grids.get(s.sheet.name)), asOf: s.asOf, reportDate: s.sheet.reportDate, counts: countByRag(actions), actions, issues: s.issues };
  });
  return { asOf: check.asOf, sheets, counts: countByRag(sheets.flatMap((s) => s.actions)) };
}
