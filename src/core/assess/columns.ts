/**
 * Where the product's two columns stand on a plan sheet: Progress (the officer's dropdown) and
 * RAG (the computed status). Existing columns are used; missing ones are added to the right of
 * the tables, into cells that must be empty. Shared by Check layout (to warn) and Refresh RAG
 * (to write), so both always agree on which cell is which.
 */
import { cellAddress, cellAt, mergedCellTest, type Grid } from "../grid";
import { pushTo } from "../common";
import type { Action, PlanSheet, TableHeader } from "../model";

export type OutputRole = "progress" | "rag";

export interface HeaderWrite {
  row: number;
  col: number;
  text: string;
}

export interface ColumnPlan {
  /** Column of each role for each table (by header row). */
  columnOf(table: TableHeader, role: OutputRole): number;
  /** The column each role gets where a table has none (the sheet-wide choice). */
  added: Partial<Record<OutputRole, number>>;
  /** The columns that are new to the sheet (no table had them). */
  created: Partial<Record<OutputRole, number>>;
  /** Header cells to write, one per table lacking a role. */
  headers: HeaderWrite[];
  /** Cells the product must write that hold something already or sit inside a merged area. */
  blocked: { row: number; col: number; address: string; text: string; role: OutputRole }[];
}

export const OUTPUT_HEADINGS: Readonly<Record<OutputRole, string>> = { progress: "Progress", rag: "RAG" };

/**
 * True when the sheet has a Progress column and nothing in it yet, as after the product adds it:
 * the plan keeps no progress there, so it is read as a plan without one.
 */
export function progressColumnEmpty(sheet: PlanSheet): boolean {
  let withColumn = 0;
  for (const a of sheet.actions) {
    if (a.progress === null) continue;
    if (a.progress.text !== "") return false;
    withColumn++;
  }
  return withColumn > 0;
}

/** The product's columns on a sheet, and the cells in the way of adding them. */
export function planColumns(sheet: PlanSheet, grid: Grid): ColumnPlan {
  const existing = (role: OutputRole) => sheet.tables.map((t) => t.columns[role]).find((c) => c !== undefined);
  const lastCol = sheet.tables.reduce((m, t) => Math.max(m, t.lastCol, t.columns.progress ?? -1, t.columns.rag ?? -1), -1);
  // Both roles always keys (undefined where none is added): one shape (roleColumns in read/headers.ts says why).
  const added: Partial<Record<OutputRole, number>> = { progress: undefined, rag: undefined };
  const created: Partial<Record<OutputRole, number>> = { progress: undefined, rag: undefined };
  let next = lastCol + 1;
  for (const role of ["progress", "rag"] as const) {
    const col = existing(role);
    if (sheet.tables.some((t) => t.columns[role] === undefined)) {
      added[role] = col ?? next;
      if (col === undefined) created[role] = next++;
    }
  }
  const columnOf = (table: TableHeader, role: OutputRole): number => table.columns[role] ?? (added[role] as number);
  const headers: HeaderWrite[] = [];
  const blocked: ColumnPlan["blocked"] = [];
  let inMerge: ((row: number, col: number) => boolean) | null = null;
  // Only the added columns' cells are asked about (a table's own column is never written into).
  const firstWritten = Math.min(added.progress ?? Infinity, added.rag ?? Infinity);
  /** A cell the product must write: blocked when it holds something or sits inside a merged area. */
  const mustBeEmpty = (row: number, col: number, role: OutputRole) => {
    const text = cellAt(grid, row, col).text;
    inMerge ??= mergedCellTest(grid, firstWritten);
    if (text.trim() !== "" || inMerge(row, col)) blocked.push({ row, col, role, text, address: cellAddress(row, col) });
  };
  const byTable = actionsByTable(sheet);
  for (const table of sheet.tables) {
    for (const role of ["progress", "rag"] as const) {
      if (table.columns[role] !== undefined) continue;
      const col = columnOf(table, role);
      headers.push({ row: table.row, col, text: OUTPUT_HEADINGS[role] });
      mustBeEmpty(table.row, col, role);
      for (const a of byTable.get(table) ?? []) mustBeEmpty(a.row, col, role);
    }
  }
  return { columnOf, added, created, headers, blocked };
}

/** The actions read under each table header. */
export function actionsByTable(sheet: PlanSheet): Map<TableHeader, Action[]> {
  const map = new Map<TableHeader, Action[]>();
  for (const a of sheet.actions) {
    pushTo(map, a.table, a);
  }
  return map;
}
